using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;

namespace Nokor.Population.Generation;

/// <summary>
/// The villages of the gazetteer, for residences and places of birth. Households are spread over
/// every village with weights: a village of Phnom Penh counts <see cref="CapitalWeight"/>, a
/// village of a town (krong) <see cref="TownWeight"/>, any other 1, so the capital and the towns
/// come out denser than the countryside.
/// </summary>
internal sealed class VillageSet
{
    public const string CapitalProvinceCode = "12";
    public const double CapitalWeight = 4.0;
    public const double TownWeight = 2.0;

    private readonly string[] _codes;
    private readonly WeightedList<int> _weighted;
    private readonly Dictionary<string, (int Start, int Count)> _communes;
    private readonly Dictionary<string, (int Start, int Count)> _provinces;

    public VillageSet(IReadOnlyList<string> villageCodes, IReadOnlySet<string> townDistrictCodes)
    {
        if (villageCodes.Count == 0)
        {
            throw new Nokor.Platform.Errors.PreconditionException(
                "The gazetteer has no villages. Load it first: run `nokor gazetteer import` (or start the web host once).");
        }

        _codes = villageCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var builder = new WeightedList<int>.Builder();
        for (var i = 0; i < _codes.Length; i++)
        {
            var code = _codes[i];
            var weight = code.StartsWith(CapitalProvinceCode, StringComparison.Ordinal) ? CapitalWeight
                : townDistrictCodes.Contains(code[..4]) ? TownWeight
                : 1.0;
            builder.Add(i, weight);
        }

        _weighted = builder.Build();
        _communes = Ranges(_codes, 6);
        _provinces = Ranges(_codes, 2);
    }

    public int Count => _codes.Length;

    public string this[int index] => _codes[index];

    public bool IsCapital(int index) => _codes[index].StartsWith(CapitalProvinceCode, StringComparison.Ordinal);

    /// <summary>A village for a new household, weighted.</summary>
    public int Pick(Random random) => _weighted.Next(random);

    /// <summary>A village in the same commune as <paramref name="index"/> (possibly the same village).</summary>
    public int PickInCommune(Random random, int index) => PickIn(random, _communes[_codes[index][..6]]);

    /// <summary>A village in the same province as <paramref name="index"/>.</summary>
    public int PickInProvince(Random random, int index) => PickIn(random, _provinces[_codes[index][..2]]);

    /// <summary>Reads the villages from the gazetteer table; fails clearly when it has not been loaded.</summary>
    public static async Task<VillageSet> LoadAsync(PlatformDbContext platform, CancellationToken ct, IReadOnlyList<string>? areaCodes = null)
    {
        var villages = await platform.GazetteerUnits.AsNoTracking()
            .Where(u => u.Level == AdminLevel.Village)
            .Select(u => u.Code)
            .ToListAsync(ct);
        var towns = await platform.GazetteerUnits.AsNoTracking()
            .Where(u => u.Level == AdminLevel.District && u.TypeLatin == "Krong")
            .Select(u => u.Code)
            .ToListAsync(ct);
        var valid = villages.Where(c => c.Length == 8 && c.All(char.IsAsciiDigit)).ToList();
        if (areaCodes is { Count: > 0 })
        {
            valid = valid.Where(c => areaCodes.Any(a => c.StartsWith(a, StringComparison.Ordinal))).ToList();
            if (valid.Count == 0 && villages.Count > 0)
            {
                throw new Nokor.Platform.Errors.PreconditionException(
                    $"The gazetteer has no village inside {string.Join(", ", areaCodes)}.");
            }
        }

        return new VillageSet(valid, towns.ToHashSet(StringComparer.Ordinal));
    }

    private static int PickIn(Random random, (int Start, int Count) range) => range.Start + random.Next(range.Count);

    private static Dictionary<string, (int Start, int Count)> Ranges(string[] sortedCodes, int prefixLength)
    {
        var ranges = new Dictionary<string, (int Start, int Count)>(StringComparer.Ordinal);
        var start = 0;
        for (var i = 1; i <= sortedCodes.Length; i++)
        {
            if (i == sortedCodes.Length ||
                !sortedCodes[i].AsSpan(0, prefixLength).SequenceEqual(sortedCodes[start].AsSpan(0, prefixLength)))
            {
                ranges[sortedCodes[start][..prefixLength]] = (start, i - start);
                start = i;
            }
        }

        return ranges;
    }
}

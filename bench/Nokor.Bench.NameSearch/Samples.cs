using System.Globalization;

namespace Nokor.Bench.NameSearch;

/// <summary>
/// A person sampled from the registry by bench/name-search-eval.sh, with how many people share
/// the name (in each script) overall, in the same birth year and on the same birth date — the
/// ceiling of "first result right" when several namesakes were born the same year.
/// </summary>
internal sealed record SampledPerson(
    string Kidc,
    string SurnameKm,
    string GivenNameKm,
    string SurnameLatin,
    string GivenNameLatin,
    int BirthYear,
    int? BirthMonth,
    int? BirthDay,
    string Sex,
    int SameNameKm,
    int SameNameYearKm,
    int SameNameDateKm,
    int SameNameLatin,
    int SameNameYearLatin,
    int SameNameDateLatin)
{
    public string FullKm => SurnameKm + " " + GivenNameKm;

    public string FullLatin => SurnameLatin + " " + GivenNameLatin;

    /// <summary>yyyy-MM-dd, yyyy-MM or null when the record holds the year only.</summary>
    public string? FullDate => BirthMonth is null
        ? null
        : BirthDay is null
            ? string.Create(CultureInfo.InvariantCulture, $"{BirthYear:D4}-{BirthMonth:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{BirthYear:D4}-{BirthMonth:D2}-{BirthDay:D2}");

    public string Year => BirthYear.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Reads the tab-separated file the script writes (header line first).</summary>
    public static List<SampledPerson> Read(string path)
    {
        var persons = new List<SampledPerson>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 15)
            {
                throw new FormatException($"{path}: expected 15 tab-separated fields, got {f.Length}: {line}");
            }

            persons.Add(new SampledPerson(f[0], f[1].Trim(), f[2].Trim(), f[3].Trim(), f[4].Trim(),
                int.Parse(f[5], CultureInfo.InvariantCulture), OptionalInt(f[6]), OptionalInt(f[7]), f[8],
                int.Parse(f[9], CultureInfo.InvariantCulture), int.Parse(f[10], CultureInfo.InvariantCulture),
                int.Parse(f[11], CultureInfo.InvariantCulture), int.Parse(f[12], CultureInfo.InvariantCulture),
                int.Parse(f[13], CultureInfo.InvariantCulture), int.Parse(f[14], CultureInfo.InvariantCulture)));
        }

        return persons;
    }

    private static int? OptionalInt(string s) =>
        string.IsNullOrWhiteSpace(s) || s == "None" || s == "\\N" ? null : int.Parse(s, CultureInfo.InvariantCulture);
}

/// <summary>Every distinct surname and given name in the registry, per script (for the negatives).</summary>
internal sealed class RegistryNames
{
    public HashSet<string> Khmer { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Latin { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads lines "km\tNAME" or "latin\tNAME".</summary>
    public static RegistryNames Read(string path)
    {
        var names = new RegistryNames();
        foreach (var line in File.ReadLines(path))
        {
            var tab = line.IndexOf('\t');
            if (tab < 0)
            {
                continue;
            }

            var name = line[(tab + 1)..].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("km", StringComparison.Ordinal))
            {
                names.Khmer.Add(name);
            }
            else
            {
                names.Latin.Add(name);
            }
        }

        return names;
    }
}

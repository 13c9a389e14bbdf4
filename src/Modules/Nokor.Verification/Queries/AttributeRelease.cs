using Nokor.Platform.Gazetteer;
using Nokor.Verification.Data;

namespace Nokor.Verification.Queries;

/// <summary>A place as released: the gazetteer code and its names, or a country abroad.</summary>
internal sealed record ReleasedPlace(string? Code, string? Country, string? NameKm, string? NameLatin);

/// <summary>
/// Which attributes leave the registry: exactly those requested that the contract allows — never
/// one more (data minimization, NSPI 6.4). The caller has already refused requests for attributes
/// outside the contract; this filter holds the rule again so no code path can widen it.
/// </summary>
internal static class AttributeRelease
{
    public static async Task<IReadOnlyDictionary<string, object?>> SelectAsync(
        PersonFactsEntity p, IReadOnlyList<string> requested, IReadOnlySet<string> allowed, GazetteerService? gazetteer, CancellationToken ct)
    {
        var released = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var attribute in PersonAttributes.Releasable)
        {
            if (!requested.Contains(attribute) || !allowed.Contains(attribute))
            {
                continue;
            }

            released[attribute] = attribute switch
            {
                PersonAttributes.SurnameKm => p.SurnameKm,
                PersonAttributes.GivenNameKm => p.GivenNameKm,
                PersonAttributes.SurnameLatin => p.SurnameLatin,
                PersonAttributes.GivenNameLatin => p.GivenNameLatin,
                PersonAttributes.Sex => p.Sex,
                PersonAttributes.DateOfBirth => BirthDate(p),
                PersonAttributes.PlaceOfBirth => await PlaceAsync(p.BirthPlaceCode, p.BirthCountry, gazetteer, ct),
                PersonAttributes.Nationality => p.Nationality,
                PersonAttributes.Residence => await PlaceAsync(p.ResidenceVillageCode, null, gazetteer, ct),
                PersonAttributes.LifeStatus => p.Alive ? "alive" : "deceased",
                PersonAttributes.DateOfDeath => p.DeathDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException("Unknown attribute " + attribute),
            };
        }

        return released;
    }

    public static string BirthDate(PersonFactsEntity p) =>
        p.BirthMonth is null ? $"{p.BirthYear:D4}"
        : p.BirthDay is null ? $"{p.BirthYear:D4}-{p.BirthMonth:D2}"
        : $"{p.BirthYear:D4}-{p.BirthMonth:D2}-{p.BirthDay:D2}";

    private static async Task<ReleasedPlace?> PlaceAsync(string? code, string? country, GazetteerService? gazetteer, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code))
        {
            return country is null ? null : new ReleasedPlace(null, country, null, null);
        }

        if (gazetteer is null)
        {
            return new ReleasedPlace(code, null, null, null);
        }

        return new ReleasedPlace(code, null, await gazetteer.DescribeAsync(code, khmer: true, ct), await gazetteer.DescribeAsync(code, khmer: false, ct));
    }
}

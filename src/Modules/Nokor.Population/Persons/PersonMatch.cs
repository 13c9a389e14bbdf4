using Nokor.Platform.Dates;
using Nokor.Platform.Names;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Persons;

/// <summary>
/// Whether a person in the registry is the one a <see cref="PersonClaim"/> describes. Names are
/// compared the way the verification service compares them, with the platform's
/// <see cref="NameComparison"/>: a name part matches when it is the same name (exact, another
/// spelling of it, or — for Latin — the romanization of the stored Khmer name), never when it is
/// only a typo away, since the birth form confirms a parent's identity. The date of birth matches at the precision the
/// registry knows it (a registry year "1980" is matched by "1980" only), like a verify query.
/// Also the marker a voided record carries instead of its KIDC.
/// </summary>
internal static class PersonMatch
{
    /// <summary>The first character of a voided record's key: never a KIDC (those are digits).</summary>
    public const string VoidedPrefix = "V";

    public static bool Matches(PersonEntity p, PersonClaim c)
    {
        if (IsVoided(p.Kidc) ||
            !Khmer(c.SurnameKm, p.SurnameKm) || !Khmer(c.GivenNameKm, p.GivenNameKm) ||
            (c.SurnameLatin is not null && !Latin(c.SurnameLatin, p.SurnameLatin, p.SurnameKm)) ||
            (c.GivenNameLatin is not null && !Latin(c.GivenNameLatin, p.GivenNameLatin, p.GivenNameKm)) ||
            !PartialDate.TryParse(c.BirthDate, out var born) ||
            born.Year != p.BirthYear || born.Month != p.BirthMonth || born.Day != p.BirthDay)
        {
            return false;
        }

        if (c.Sex is { } sex && sex != p.Sex)
        {
            return false;
        }

        if (c.Living && p.LifeStatus == LifeStatus.Deceased)
        {
            return false;
        }

        return c.AliveOn is not { } on || p.LifeStatus != LifeStatus.Deceased || p.DeathDate is not { } died || died >= on;
    }

    /// <summary>A claimed Khmer name part is the stored one: the same key, or another spelling of it (no typo).</summary>
    public static bool Khmer(string claimed, string stored) => NameComparison.Khmer(claimed, stored).IsSameName;

    /// <summary>
    /// A claimed Latin name part is the stored one: the same letters, another romanization, or the
    /// romanization of the stored Khmer name (no typo).
    /// </summary>
    public static bool Latin(string claimed, string storedLatin, string storedKhmer) =>
        NameComparison.Latin(claimed, storedLatin ?? "", storedKhmer ?? "").IsSameName;

    /// <summary>
    /// The key a voided record keeps instead of its KIDC: "V" and the code's last nine characters.
    /// Two valid codes never share their last nine (codes differing only in the first digit have
    /// different check digits), so the key stays unique; it is never a valid KIDC, so no look-up
    /// by code, no verification and no search finds the record again.
    /// </summary>
    public static string VoidedKey(string kidc) => VoidedPrefix + kidc[1..];

    public static bool IsVoided(string key) => key.StartsWith(VoidedPrefix, StringComparison.Ordinal);
}

using Nokor.Platform.Dates;
using Nokor.Platform.Khmer;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Persons;

/// <summary>
/// Whether a person in the registry is the one a <see cref="PersonClaim"/> describes. Names are
/// compared the way the verification service compares them, with the platform's
/// <see cref="NameKeys"/>: a Khmer name matches when its key does (the marks typed in another
/// order, spaces, the subscript DA for TA), a Latin name when it is equal ignoring case or its
/// phonetic key is (romanization variants). The date of birth matches at the precision the
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
            (c.SurnameLatin is not null && !Latin(c.SurnameLatin, p.SurnameLatin)) ||
            (c.GivenNameLatin is not null && !Latin(c.GivenNameLatin, p.GivenNameLatin)) ||
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

    public static bool Khmer(string claimed, string stored) =>
        string.Equals(NameKeys.KhmerKey(claimed), NameKeys.KhmerKey(stored), StringComparison.Ordinal);

    public static bool Latin(string claimed, string stored)
    {
        if (string.Equals(claimed.Trim(), stored, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var key = NameKeys.LatinKey(claimed);
        return key.Length > 0 && string.Equals(key, NameKeys.LatinKey(stored), StringComparison.Ordinal);
    }

    /// <summary>
    /// The key a voided record keeps instead of its KIDC: "V" and the code's last nine characters.
    /// Two valid codes never share their last nine (codes differing only in the first digit have
    /// different check digits), so the key stays unique; it is never a valid KIDC, so no look-up
    /// by code, no verification and no search finds the record again.
    /// </summary>
    public static string VoidedKey(string kidc) => VoidedPrefix + kidc[1..];

    public static bool IsVoided(string key) => key.StartsWith(VoidedPrefix, StringComparison.Ordinal);
}

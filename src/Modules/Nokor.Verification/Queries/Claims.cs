using System.Globalization;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Verification.Data;

namespace Nokor.Verification.Queries;

/// <summary>The attributes a client claims for a person, as sent.</summary>
internal sealed record ClaimsInput(
    string? SurnameKm = null,
    string? GivenNameKm = null,
    string? SurnameLatin = null,
    string? GivenNameLatin = null,
    string? Sex = null,
    string? DateOfBirth = null,
    string? Nationality = null);

/// <summary>What a yes/no verification found; see <see cref="Claims.Judge"/>.</summary>
internal sealed record Verdict(string Result, bool? Alive, List<KeyValuePair<string, ClaimResult>> Claims, string Recorded, string Detail);

/// <summary>Claims checked and normalized; null where not claimed.</summary>
internal sealed record Claims(
    string? SurnameKm,
    string? GivenNameKm,
    string? SurnameLatin,
    string? GivenNameLatin,
    string? Sex,
    (int Year, int? Month, int? Day)? DateOfBirth,
    string? Nationality)
{
    public bool HasName => SurnameKm is not null || GivenNameKm is not null || SurnameLatin is not null || GivenNameLatin is not null;

    public static Claims? Parse(ClaimsInput? input, FieldErrors errors)
    {
        if (input is null)
        {
            errors.Add("claims", "Claim at least one attribute to verify: " + string.Join(", ", PersonAttributes.Claimable) + ".");
            return null;
        }

        var claims = new Claims(
            Name(input.SurnameKm, khmer: true, "claims.surnameKm", errors),
            Name(input.GivenNameKm, khmer: true, "claims.givenNameKm", errors),
            Name(input.SurnameLatin, khmer: false, "claims.surnameLatin", errors),
            Name(input.GivenNameLatin, khmer: false, "claims.givenNameLatin", errors),
            SexCode(input.Sex, errors),
            Date(input.DateOfBirth, errors),
            Country(input.Nationality, errors));
        if (!errors.Any && claims.Count == 0)
        {
            errors.Add("claims", "Claim at least one attribute to verify: " + string.Join(", ", PersonAttributes.Claimable) + ".");
        }

        return errors.Any ? null : claims;
    }

    public int Count =>
        (SurnameKm is null ? 0 : 1) + (GivenNameKm is null ? 0 : 1) + (SurnameLatin is null ? 0 : 1) + (GivenNameLatin is null ? 0 : 1) +
        (Sex is null ? 0 : 1) + (DateOfBirth is null ? 0 : 1) + (Nationality is null ? 0 : 1);

    /// <summary>Each claim against the stored facts, in the order of <see cref="PersonAttributes.Claimable"/>.</summary>
    public List<KeyValuePair<string, ClaimResult>> Compare(PersonFactsEntity p)
    {
        var results = new List<KeyValuePair<string, ClaimResult>>(Count);
        if (SurnameKm is not null)
        {
            results.Add(new(PersonAttributes.SurnameKm, NameMatching.Khmer(SurnameKm, p.SurnameKm)));
        }

        if (GivenNameKm is not null)
        {
            results.Add(new(PersonAttributes.GivenNameKm, NameMatching.Khmer(GivenNameKm, p.GivenNameKm)));
        }

        if (SurnameLatin is not null)
        {
            results.Add(new(PersonAttributes.SurnameLatin, NameMatching.Latin(SurnameLatin, p.SurnameLatin, p.SurnameKm)));
        }

        if (GivenNameLatin is not null)
        {
            results.Add(new(PersonAttributes.GivenNameLatin, NameMatching.Latin(GivenNameLatin, p.GivenNameLatin, p.GivenNameKm)));
        }

        if (Sex is not null)
        {
            results.Add(new(PersonAttributes.Sex, new ClaimResult(Sex == p.Sex)));
        }

        if (DateOfBirth is { } d)
        {
            // The claim must say exactly what the registry knows: a full date does not match a
            // record known only to the year, nor the other way round.
            results.Add(new(PersonAttributes.DateOfBirth, new ClaimResult(d.Year == p.BirthYear && d.Month == p.BirthMonth && d.Day == p.BirthDay)));
        }

        if (Nationality is not null)
        {
            results.Add(new(PersonAttributes.Nationality, new ClaimResult(Nationality == p.Nationality)));
        }

        return results;
    }

    /// <summary>
    /// The verdict of a yes/no verification, the one rule for single and bulk queries: every claim
    /// compared (against <paramref name="facts"/>, or the decoy when the KIDC is unknown, so the
    /// work is the same); "no_match" with every claim false when the KIDC is unknown or nothing
    /// matched, so the two cannot be told apart; "match" or "partial" otherwise. Whether the person
    /// is alive is told only when the claims identify them — a name and the date of birth, all
    /// matching — so that nobody learns it from a KIDC and a guess. <c>Recorded</c> is the result
    /// for the ledger ("unknown" for a KIDC nobody holds), <c>Detail</c> the per-claim outcome.
    /// </summary>
    public Verdict Judge(PersonFactsEntity? facts)
    {
        var known = facts is not null;
        var compared = Compare(facts ?? QueryChecks.Decoy);
        var matched = compared.Count(c => c.Value.Match);
        string result;
        if (!known || matched == 0)
        {
            result = "no_match";
            compared = compared.Select(c => new KeyValuePair<string, ClaimResult>(c.Key, new ClaimResult(false))).ToList();
        }
        else
        {
            result = matched == compared.Count ? "match" : "partial";
        }

        bool? alive = result == "match" && HasName && DateOfBirth is not null ? facts!.Alive : null;
        var detail = string.Join(',', compared.Select(c => c.Key + "=" + (c.Value.Match ? c.Value.Variant ?? "match" : "no")));
        return new Verdict(result, alive, compared, known ? result : "unknown", detail);
    }

    private static string? Name(string? text, bool khmer, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        var normalized = khmer ? PersonNames.Khmer(text, out var error) : PersonNames.Latin(text, out error);
        if (normalized is null)
        {
            errors.Add(field, error ?? "Not a valid name.");
        }

        return normalized;
    }

    private static string? SexCode(string? text, FieldErrors errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return null;
            case "m" or "male":
                return "M";
            case "f" or "female":
                return "F";
            default:
                errors.Add("claims.sex", "Sex is M (male) or F (female), as recorded at birth registration.");
                return null;
        }
    }

    internal static (int Year, int? Month, int? Day)? Date(string? text, FieldErrors errors, string field = "claims.dateOfBirth")
    {
        if (text is null)
        {
            return null;
        }

        var t = text.Trim();
        var formats = new[] { "yyyy-MM-dd", "yyyy-MM", "yyyy" };
        foreach (var format in formats)
        {
            if (t.Length == format.Length &&
                DateTime.TryParseExact(t, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) &&
                date.Year >= 1850)
            {
                return format switch
                {
                    "yyyy" => (date.Year, null, null),
                    "yyyy-MM" => (date.Year, date.Month, null),
                    _ => (date.Year, date.Month, date.Day),
                };
            }
        }

        errors.Add(field, "A date as yyyy-MM-dd (or yyyy-MM, or yyyy when only that is known), from 1850.");
        return null;
    }

    private static string? Country(string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        var t = text.Trim().ToUpperInvariant();
        if (t.Length != 2 || !t.All(char.IsAsciiLetterUpper))
        {
            errors.Add("claims.nationality", "Nationality is an ISO 3166-1 alpha-2 code, such as KH.");
            return null;
        }

        return t;
    }
}

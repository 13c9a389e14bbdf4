using System.Globalization;
using System.Text.RegularExpressions;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Khmer;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>Reads and normalizes the text fields of an application, adding an error per bad field (named by its JSON path).</summary>
internal sealed partial class Fields(FieldErrors errors, GazetteerService gazetteer)
{
    public const int MaxText = 300;

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^[A-TV-Z][0-9]{2}(\.[0-9]{1,2})?$")]
    private static partial Regex Icd10Pattern();

    public FieldErrors Errors => errors;

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public string? KhmerName(string field, string? text, bool required) =>
        Name(field, text, required, PersonNames.Khmer);

    public string? LatinName(string field, string? text, bool required) =>
        Name(field, text, required, PersonNames.Latin);

    private delegate string? NameCheck(string text, out string? error);

    private string? Name(string field, string? text, bool required, NameCheck check)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, "This name is required.");
            return null;
        }

        var name = check(text, out var error);
        if (error is not null) errors.Add(field, error);
        return name;
    }

    public string? Text(string field, string? text, bool required, int max = MaxText) =>
        TextFields.Read(errors, field, text, max, required, validateKhmer: true);

    public T? Enum<T>(string field, string? text, bool required) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, $"Required: one of {string.Join(", ", System.Enum.GetNames<T>())}.");
            return null;
        }

        var name = text.Trim();
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        errors.Add(field, $"Use one of {string.Join(", ", System.Enum.GetNames<T>())}.");
        return null;
    }

    public DateOnly? Date(string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, "The date is required (yyyy-MM-dd).");
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "Give the date as yyyy-MM-dd.");
            return null;
        }

        if (date.Year < 1850)
        {
            errors.Add(field, "The date is before 1850.");
            return null;
        }

        return date;
    }

    /// <summary>A date of birth as known: yyyy, yyyy-MM or yyyy-MM-dd (the registry keeps old births to the year or month).</summary>
    public PartialDate? BirthDate(string field, string? text, bool required, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, "The date of birth is required (yyyy-MM-dd, or yyyy-MM or yyyy when only those are known).");
            return null;
        }

        if (!PartialDate.TryParse(text, out var date))
        {
            errors.Add(field, "Give the date of birth as yyyy-MM-dd (or yyyy-MM, or yyyy).");
            return null;
        }

        if (date.Year < 1850 || date.Earliest > today)
        {
            errors.Add(field, "The date of birth must be between 1850 and today.");
            return null;
        }

        return date;
    }

    public string? Time(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(field, "Give the time as HH:mm (24-hour clock).");
            return null;
        }

        return time.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    public async Task<string?> VillageAsync(string field, string? text, bool required)
    {
        var code = Trimmed(text);
        if (code is null)
        {
            if (required) errors.Add(field, "The village is required (gazetteer code).");
            return null;
        }

        if (!await gazetteer.ExistsAsync(code, AdminLevel.Village))
        {
            errors.Add(field, "No village has this code in the gazetteer.");
            return null;
        }

        return code;
    }

    public string? Country(string field, string? text)
    {
        var code = Trimmed(text)?.ToUpperInvariant();
        if (code is null)
        {
            return null;
        }

        if (!CountryPattern().IsMatch(code))
        {
            errors.Add(field, "Give the country as an ISO 3166-1 alpha-2 code such as KH.");
            return null;
        }

        return code;
    }

    public string? Kidc(string field, string? text)
    {
        var code = Trimmed(text);
        if (code is null)
        {
            return null;
        }

        if (!Nokor.Population.Contracts.KidcRule.IsValid(code))
        {
            errors.Add(field, "This is not a valid KIDC: 10 digits whose Modulus 11 check digit matches.");
            return null;
        }

        return code;
    }

    public string? Icd10(string field, string? text)
    {
        var code = Trimmed(text)?.ToUpperInvariant();
        if (code is null)
        {
            return null;
        }

        // ICD-10 codes: a letter (U is reserved), two digits, optionally a dot and one or two digits.
        if (!Icd10Pattern().IsMatch(code))
        {
            errors.Add(field, "Give an ICD-10 code such as A09, I21.9 or P07.3.");
            return null;
        }

        return code;
    }

    public int? Range(string field, int? value, int min, int max, bool required, string what)
    {
        if (value is null)
        {
            if (required) errors.Add(field, $"The {what} is required.");
            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(field, $"The {what} must be between {min} and {max}.");
            return null;
        }

        return value;
    }
}

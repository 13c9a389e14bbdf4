using Nokor.Platform.Errors;
using Nokor.Population.Contracts;

namespace Nokor.Population.Persons;

/// <summary>Why a change is made and which system it comes from; every version records both (NSPI 6.3.3).</summary>
internal static class ChangeRequest
{
    public const int MaxReasonLength = 500;
    public const string InvalidKidc = "This is not a valid KIDC (10 digits with a correct check digit).";
    public const int MaxPurposeLength = 200;

    /// <summary>
    /// An enum value by its exact name (any case). Enum.TryParse alone would also take numbers and
    /// comma-separated lists of names, which are not values a caller may send.
    /// </summary>
    public static bool TryParseName<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var name = text?.Trim();
        var match = name is null ? null : Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return match is not null && Enum.TryParse(match, out value);
    }

    public static ChangeSource? Source(string? text, FieldErrors errors)
    {
        if (!TryParseName<ChangeSource>(text, out var source))
        {
            errors.Add("source", $"Name the source system: one of {string.Join(", ", Enum.GetNames<ChangeSource>())}.");
            return null;
        }

        return source;
    }

    public static string? Reason(string? text, bool required, FieldErrors errors)
    {
        var reason = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (reason is null)
        {
            if (required) errors.Add("reason", "State the reason for this change.");
            return null;
        }

        if (reason.Length > MaxReasonLength || reason.Any(char.IsControl))
        {
            errors.Add("reason", $"The reason must be at most {MaxReasonLength} characters of plain text.");
            return null;
        }

        return reason;
    }

    /// <summary>
    /// The two things every read of one person needs: a well-formed KIDC and a stated purpose.
    /// Returns the purpose, or null with the errors added.
    /// </summary>
    public static string? ReadRequest(string kidc, string? purposeText, FieldErrors errors)
    {
        if (!KidcRule.IsValid(kidc))
        {
            errors.Add("kidc", InvalidKidc);
        }

        var purpose = Purpose(purposeText, errors);
        return errors.Any ? null : purpose;
    }

    /// <summary>The purpose a caller states for reading personal data; it goes into the audit log.</summary>
    public static string? Purpose(string? text, FieldErrors errors)
    {
        var purpose = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (purpose is null)
        {
            errors.Add("purpose", "State the purpose of this access (header X-Purpose); it is recorded in the audit log.");
            return null;
        }

        if (purpose.Length > MaxPurposeLength || purpose.Any(char.IsControl))
        {
            errors.Add("purpose", $"The purpose must be at most {MaxPurposeLength} characters of plain text.");
            return null;
        }

        return purpose;
    }
}

using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>The purpose a caller states for reading registrations, checked before any read.</summary>
internal static class RegistrationPurpose
{
    /// <summary>The purpose recorded for reads made by the registration pages themselves.</summary>
    public const string PagePurpose = ICivilRegistrations.PagePurpose;

    /// <summary>
    /// The purpose a caller states for reading a registration (header X-Purpose), required and
    /// checked like the Population Registry's person reads: plain text of at most 200 characters.
    /// </summary>
    public static string? Purpose(string? text, FieldErrors errors)
    {
        var purpose = Fields.Trimmed(text);
        if (purpose is null)
        {
            errors.Add("purpose", "State the purpose of this access (header X-Purpose); it is recorded in the audit log.");
            return null;
        }

        if (purpose.Length > 200 || purpose.Any(char.IsControl))
        {
            errors.Add("purpose", "The purpose must be at most 200 characters of plain text.");
            return null;
        }

        return purpose;
    }

    /// <summary>
    /// The purpose of a read that a browser link may also make (an annex shown inline), which cannot
    /// send a header: the caller's X-Purpose when stated, checked like <see cref="Purpose"/>;
    /// otherwise <paramref name="fallback"/>.
    /// </summary>
    public static string? PurposeOr(string? text, string fallback, FieldErrors errors) =>
        Fields.Trimmed(text) is null ? fallback : Purpose(text, errors);
}

using System.Globalization;
using Nokor.Web.Localization;

namespace Nokor.Web.Components.Pages.Civil.Records;

/// <summary>How the civil registration pages write dates, amounts and coded values, in Khmer numerals when the UI is Khmer.</summary>
internal static class CivilFormat
{
    /// <summary>Cambodia keeps UTC+7 all year (no daylight saving time).</summary>
    private static readonly TimeSpan Cambodia = TimeSpan.FromHours(7);

    public static string When(DateTimeOffset? at) =>
        at is { } t ? UiText.Digits(t.ToOffset(Cambodia).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) : "—";

    /// <summary>A civil date (yyyy-MM-dd) or a time (HH:mm) as stored.</summary>
    public static string Date(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : UiText.Digits(value);

    public static string Number(long value) => UiText.Digits(value.ToString("N0", CultureInfo.InvariantCulture));

    public static string Riel(long value) => $"{Number(value)} {UiText.T("rec.Riel")}";

    /// <summary>A value of one of the module's enums, e.g. <c>rec.RegistrationStatus.Approved</c>.</summary>
    public static string Coded(Enum value) => Coded(value.GetType().Name, value.ToString());

    /// <summary>A coded value stored as text in a dossier (place kind, attendant...); unknown values show as stored.</summary>
    public static string Coded(string type, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "—";
        }

        var key = $"rec.{type}.{value}";
        var text = UiText.T(key);
        return text == key ? value : text;
    }

    /// <summary>A history action (entered, verified, certificate.printed...).</summary>
    public static string Action(string action)
    {
        var key = "rec.action." + action;
        var text = UiText.T(key);
        return text == key ? action : text;
    }

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? UiText.Digits((bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture)) + " MB"
            : UiText.Digits(Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture)) + " KB";
}

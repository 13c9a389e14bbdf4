using System.Globalization;
using Nokor.Platform.Dates;
using Nokor.Web.Localization;

namespace Nokor.Web.Components.Shared.Civil;

/// <summary>Display helpers of the civil registration entry pages.</summary>
public static class CivilUi
{
    /// <summary>An input's id from the error key of its field: "birth.mother.birthDate" → "birth-mother-birthDate", "marriage.witnesses[0].name" → "marriage-witnesses-0-name".</summary>
    public static string Id(string path) => path.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    /// <summary>The choices of an enum, with their words in the UI language.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Options<T>() where T : struct, Enum =>
        Enum.GetNames<T>().Select(n => KeyValuePair.Create(n, UiText.CivilEnum(typeof(T).Name, n))).ToList();

    /// <summary>The choices of a coded text field (values the service takes as text), with their words in the UI language.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Words(string type, params string[] values) =>
        values.Select(v => KeyValuePair.Create(v, UiText.CivilEnum(type, v))).ToList();

    /// <summary>The property regimes a marriage declares, as the service's default list names them ("Legal" when the spouses made no contract).</summary>
    public static readonly string[] PropertyRegimes = ["Legal", "Separate", "Community", "Contract"];

    /// <summary>Sex uses the registry's own words.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SexOptions() =>
        [KeyValuePair.Create("Male", UiText.T("Male")), KeyValuePair.Create("Female", UiText.T("Female"))];

    public static string EnumText<T>(T value) where T : struct, Enum => UiText.CivilEnum(typeof(T).Name, value.ToString());

    /// <summary>A civil date (yyyy-MM-dd) in Khmer numerals when the UI is Khmer.</summary>
    public static string Date(string? date) => string.IsNullOrEmpty(date) ? "—" : UiText.Digits(date);

    /// <summary>A moment as a Cambodian clock shows it (UTC+7).</summary>
    public static string LocalTime(DateTimeOffset at) =>
        UiText.Digits(at.ToOffset(CambodiaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    public static string Number(long n) => UiText.Digits(n.ToString(CultureInfo.InvariantCulture));

    /// <summary>The date a client-side date input shows as its upper bound: today in Cambodia.</summary>
    public static string Today(TimeProvider clock) =>
        clock.GetUtcNow().ToOffset(CambodiaTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

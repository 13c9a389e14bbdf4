using System.Globalization;
using System.Text.RegularExpressions;
using Nokor.Platform.Dates;
using Nokor.Web.Localization;

namespace Nokor.Web.Components.Pages.Civil.Records;

/// <summary>How the civil registration pages write dates, amounts and coded values, in Khmer numerals when the UI is Khmer.</summary>
internal static class CivilFormat
{
    public static string When(DateTimeOffset? at) =>
        at is { } t ? UiText.Digits(t.ToOffset(CambodiaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) : "—";

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

    /// <summary>The record page's title for a registration of <paramref name="e"/>.</summary>
    public static string Title(Nokor.CivilRegistration.Contracts.VitalEvent e) => e switch
    {
        Nokor.CivilRegistration.Contracts.VitalEvent.Birth => UiText.T("rec.BirthRegistration"),
        Nokor.CivilRegistration.Contracts.VitalEvent.Death => UiText.T("rec.DeathRegistration"),
        _ => UiText.T("rec.Registration." + e),
    };

    /// <summary>The name of the certificate a registration of <paramref name="e"/> issues.</summary>
    public static string CertificateName(Nokor.CivilRegistration.Contracts.VitalEvent e) => e switch
    {
        Nokor.CivilRegistration.Contracts.VitalEvent.Birth => UiText.T("BirthCertificate"),
        Nokor.CivilRegistration.Contracts.VitalEvent.Death => UiText.T("rec.DeathCertificate"),
        _ => UiText.T("rec.Certificate." + e),
    };

    /// <summary>What approval does, said beside the approve button.</summary>
    public static string ApproveHint(Nokor.CivilRegistration.Contracts.VitalEvent e) => e switch
    {
        Nokor.CivilRegistration.Contracts.VitalEvent.Birth => UiText.T("rec.ApproveBirthHint"),
        Nokor.CivilRegistration.Contracts.VitalEvent.Death => UiText.T("rec.ApproveDeathHint"),
        Nokor.CivilRegistration.Contracts.VitalEvent.Marriage => UiText.T("rec.ApproveHint.Marriage"),
        Nokor.CivilRegistration.Contracts.VitalEvent.Divorce or Nokor.CivilRegistration.Contracts.VitalEvent.Annulment
            or Nokor.CivilRegistration.Contracts.VitalEvent.LegalSeparation => UiText.T("rec.ApproveHint.Dissolution"),
        Nokor.CivilRegistration.Contracts.VitalEvent.FoetalDeath => UiText.T("rec.ApproveHint.FoetalDeath"),
        _ => UiText.T("rec.ApproveHint.Family"),
    };

    /// <summary>The label of the registration's event date.</summary>
    public static string EventDateLabel(Nokor.CivilRegistration.Contracts.VitalEvent e) => e switch
    {
        Nokor.CivilRegistration.Contracts.VitalEvent.Birth => UiText.T("BirthDate"),
        Nokor.CivilRegistration.Contracts.VitalEvent.Death => UiText.T("DeathDate"),
        Nokor.CivilRegistration.Contracts.VitalEvent.Marriage => UiText.T("fam:MarriageDate"),
        Nokor.CivilRegistration.Contracts.VitalEvent.FoetalDeath => UiText.T("fam:DeliveryDate"),
        _ => UiText.T("rec.EventDate"),
    };

    /// <summary>A history action (entered, verified, certificate.printed...).</summary>
    public static string Action(string action)
    {
        var key = "rec.action." + action;
        var text = UiText.T(key);
        return text == key ? action : text;
    }

    /// <summary>
    /// A refusal from the module (its messages are English) in the UI language: fixed messages by
    /// their text (<c>rec.msg:...</c>), the few that carry a value by pattern, the dossier
    /// validator's through the entry pages' table, anything else as it came.
    /// </summary>
    public static string Message(string message)
    {
        var key = "rec.msg:" + message;
        var text = UiText.T(key);
        if (text != key)
        {
            return text;
        }

        if (UiText.IsKhmer)
        {
            foreach (var (pattern, khmer) in Patterns)
            {
                var match = pattern.Match(message);
                if (match.Success)
                {
                    return khmer(match);
                }
            }
        }

        return UiText.CivilMessage(message);
    }

    public static IDictionary<string, string[]> Messages(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(Message).ToArray(), StringComparer.Ordinal);

    private static readonly (Regex Pattern, Func<Match, string> Khmer)[] Patterns =
    [
        (new Regex(@"^The record is being worked on by (.+); a registrar can reassign it\.$", RegexOptions.CultureInvariant),
            m => $"កំណត់ត្រានេះកំពុងដោះស្រាយដោយ {m.Groups[1].Value}៖ មន្ត្រីអត្រានុកូលដ្ឋានអាចប្រគល់វាទៅអ្នកផ្សេង។"),
        (new Regex(@"^This registration is late \((\d+) days\): a senior registrar must approve it\.$", RegexOptions.CultureInvariant),
            m => $"ការចុះបញ្ជីនេះយឺត ({UiText.Digits(m.Groups[1].Value)} ថ្ងៃ)៖ មន្ត្រីអត្រានុកូលដ្ឋានជាន់ខ្ពស់ត្រូវអនុម័តវា។"),
        (new Regex(@"^The record is already (\w+)\.$", RegexOptions.CultureInvariant),
            m => $"កំណត់ត្រានេះ{Status(m.Groups[1].Value)}រួចហើយ។"),
        (new Regex(@"^The record is (\w+), not waiting for verification\.$", RegexOptions.CultureInvariant),
            m => $"កំណត់ត្រានេះ{Status(m.Groups[1].Value)}ហើយ មិនមែនកំពុងរង់ចាំការផ្ទៀងផ្ទាត់ទេ។"),
        (new Regex(@"^The (correction was|request is) already \w+\.$", RegexOptions.CultureInvariant),
            m => m.Groups[1].Value.StartsWith("correction", StringComparison.Ordinal) ? "ការកែតម្រូវនេះត្រូវបានសម្រេចរួចហើយ។" : "សំណើនេះត្រូវបានសម្រេចរួចហើយ។"),
        (new Regex(@"^The Population Registry refused the \w+: (.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline),
            m => $"បញ្ជីប្រជាជនបានបដិសេធ៖ {m.Groups[1].Value}"),
    ];

    private static string Status(string lower) =>
        Enum.TryParse<Nokor.CivilRegistration.Contracts.RegistrationStatus>(lower, ignoreCase: true, out var status) ? Coded(status) : lower;

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? UiText.Digits((bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture)) + " MB"
            : UiText.Digits(Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture)) + " KB";
}

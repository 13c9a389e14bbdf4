using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>
/// What a certificate's QR code carries, signed with the platform key (token format in
/// <c>Nokor.Platform.Signing.SignedToken</c>): the fields printed on the certificate that identify
/// it, so an offline verifier holding only the published public keys can tell a genuine certificate
/// and compare it with the paper. Short member names keep the QR code small.
/// </summary>
internal sealed record CertificatePayload(
    [property: JsonPropertyName("v")] int FormatVersion,
    [property: JsonPropertyName("e")] string Event,
    [property: JsonPropertyName("n")] string RegistrationNumber,
    [property: JsonPropertyName("r")] int RegistrationVersion,
    [property: JsonPropertyName("s")] string Serial,
    [property: JsonPropertyName("k")] string? Kidc,
    [property: JsonPropertyName("nk")] string NameKm,
    [property: JsonPropertyName("nl")] string NameLatin,
    [property: JsonPropertyName("d")] string EventDate,
    [property: JsonPropertyName("i")] DateTimeOffset IssuedAt)
{
    public const int Current = 1;

    // Khmer names as UTF-8, not \u escapes: the payload is never embedded in HTML, and escaping
    // would make the QR code denser for no benefit.
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The signed token in what a QR scanner or a person gives: the bare token (<c>NKC1....</c>) or
    /// the whole scanned address <c>{base}/verify/qr?t=&lt;token&gt;</c>.
    /// </summary>
    public static string TokenFromScan(string? scanned)
    {
        var text = scanned?.Trim() ?? "";
        var marker = text.IndexOf("t=", StringComparison.Ordinal);
        if (marker >= 0 && text.Contains("/verify", StringComparison.Ordinal))
        {
            text = Uri.UnescapeDataString(text[(marker + 2)..].Split('&')[0]);
        }

        return text;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Json));

    public static CertificatePayload? TryRead(byte[] bytes)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<CertificatePayload>(bytes, Json);
            return payload is { FormatVersion: Current, RegistrationNumber: not null, Serial: not null } ? payload : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

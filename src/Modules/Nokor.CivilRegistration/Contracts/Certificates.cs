using Nokor.Platform.Errors;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Contracts;

/// <summary>What the offline check of a certificate file (<see cref="ICertificateFiles.Check"/>) concluded about a file.</summary>
public enum CertificateFileVerdict
{
    /// <summary>The signature verifies; for a PDF, every signed field is also on the page.</summary>
    Genuine,

    /// <summary>Signed by no key of the set, or not a Nokor certificate code.</summary>
    NotGenuine,

    /// <summary>A PDF whose visible text lacks a signed field's printed form (<see cref="CertificateFileReport.Field"/>).</summary>
    TextMismatch,

    /// <summary>Too large, neither PDF nor PNG/JPEG, or a PDF or image that cannot be parsed.</summary>
    Unreadable,

    /// <summary>A readable PDF without the signed token in its metadata, or an image without a QR code.</summary>
    NoCode,
}

/// <summary>The fields a certificate's QR code carries, signed with the platform key, as printed on the certificate.</summary>
/// <param name="Event">The registration number's letter: "B" for a birth, "D" for a death, "M" for a marriage, "V" for a divorce...</param>
/// <param name="RegistrationNumber">The registration number, e.g. B120101-2026-000042.</param>
/// <param name="RegistrationVersion">The version of the registration the certificate prints.</param>
/// <param name="Serial">The certificate's serial, e.g. B120101-2026-000042/1.</param>
/// <param name="Kidc">The registered person's KIDC.</param>
/// <param name="NameKm">The name in Khmer.</param>
/// <param name="NameLatin">The name in Latin letters.</param>
/// <param name="EventDate">The date of the event (yyyy-MM-dd).</param>
/// <param name="IssuedAt">When the certificate was printed.</param>
public sealed record SignedCertificate(
    string Event, string RegistrationNumber, int RegistrationVersion, string Serial, string? Kidc, string NameKm, string NameLatin,
    string EventDate, DateTimeOffset IssuedAt);

/// <summary>The outcome of checking a certificate file offline: the verdict, a one-line message and, when the signature verified, the signed fields.</summary>
/// <param name="Verdict">What the check concluded.</param>
/// <param name="Message">One line saying why.</param>
/// <param name="Payload">The signed fields, when the signature verified.</param>
/// <param name="Token">The signed token found in the file.</param>
/// <param name="KeyId">The key that signed it.</param>
/// <param name="FromImage">Read from a photo or scan (its text is not checked by machine).</param>
/// <param name="Field">For <see cref="CertificateFileVerdict.TextMismatch"/>, the field whose printed form is missing.</param>
public sealed record CertificateFileReport(
    CertificateFileVerdict Verdict, string Message, SignedCertificate? Payload, string? Token, string? KeyId, bool FromImage, string? Field);

/// <summary>The answer of a public serial check, or how long to wait when its registration has had too many wrong check codes.</summary>
/// <param name="Check">The answer, when one is given.</param>
/// <param name="RetryAfter">How long to wait before another code is checked for this registration.</param>
public sealed record CertificateSerialCheck(CertificateCheck? Check, TimeSpan? RetryAfter = null);

/// <summary>
/// Birth and death certificates for the hosts (web pages, CLI): printing one, the public checks of a
/// QR payload or a typed serial (the offline check of a file is <see cref="ICertificateFiles"/>).
/// </summary>
public interface ICivilCertificates
{
    /// <summary>Prints the certificate of an approved registration (a reprint of a printed version is a certified copy with its fee); recorded and audited.</summary>
    Task<Outcome<(CertificateView Certificate, byte[] Pdf)>> PrintAsync(Guid registrationId, Actor actor, CancellationToken ct);

    /// <summary>The public check of a QR payload (or the scanned URL): genuine, and current or superseded.</summary>
    Task<CertificateCheck> CheckTokenAsync(string? token, CancellationToken ct);

    /// <summary>
    /// The public check of a typed certificate serial or registration number; the printed fields only
    /// with the check code printed on the certificate. Too many wrong codes answer with
    /// <see cref="CertificateSerialCheck.RetryAfter"/>.
    /// </summary>
    Task<CertificateSerialCheck> CheckSerialAsync(string? serialOrNumber, string? checkCode, CancellationToken ct);
}

/// <summary>
/// The offline check of a certificate file (PDF, or a photo or scan of the paper) against a
/// published key set: needs neither the database nor the local key ring.
/// </summary>
public interface ICertificateFiles
{
    /// <summary>The largest certificate file <see cref="Check"/> reads.</summary>
    const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Checks the file's signed code and, for a PDF, its visible text against the signed fields. Every failure is a verdict, never an exception.</summary>
    CertificateFileReport Check(byte[] file, PublicKeySet keys);
}

/// <summary>
/// The certificate renderer alone, without database or HTTP (the benchmarks measure it): lays out
/// a certificate's content as a PDF, and signs the payload its QR code carries.
/// </summary>
public interface ICertificateRenderer
{
    /// <summary>The PDF of a certificate whose printed content is already chosen and formatted.</summary>
    byte[] Render(CertificateContent content);

    /// <summary>The signed token a certificate's QR code carries for <paramref name="fields"/>, signed with <paramref name="keys"/>.</summary>
    string Sign(SignedCertificate fields, SigningKeyRing keys);
}

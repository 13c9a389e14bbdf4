using System.Globalization;
using System.Text;
using Nokor.CivilRegistration.Certificates.Rendering;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Khmer;
using Nokor.Platform.Pdf;
using Nokor.Platform.Signing;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>The outcome of checking a certificate file: the verdict, a one-line message and, when the signature verified, the signed payload.</summary>
internal sealed record CertificateFileResult(
    CertificateFileVerdict Verdict,
    string Message,
    CertificatePayload? Payload = null,
    string? Token = null,
    string? KeyId = null,
    bool FromImage = false,
    string? Field = null);

/// <summary>
/// Offline check of a certificate file (what <c>nokor certificate verify FILE</c> does before asking
/// the register): needs only the published public keys.
/// <list type="bullet">
/// <item>PDF (read with PdfPig): the signed token is taken from the metadata (the QR code of a PDF is
/// vector drawing; the token in Keywords is the same one), its signature verified, and then every
/// signed field must appear in its printed form in the visible text of page 1 (names in Khmer and
/// Latin, KIDC, date of the event in Khmer and English, registration number and version, serial,
/// issue time). A PDF whose visible name or KIDC was edited while the genuine token was kept fails,
/// naming the field. The check is of presence, not of layout: text hidden under a drawing is not
/// detected (invisible, white, tiny or off-page text is ignored, see <see cref="PdfReader"/>).</item>
/// <item>PNG or JPEG (a photo or scan of the paper): the QR code is decoded (ZXing.Net) and its
/// token verified. A photo's text cannot be checked by machine here (no OCR): the signed fields are
/// reported for the person to compare with the paper.</item>
/// </list>
/// Every failure is a verdict with one line, never an exception.
/// </summary>
internal static class CertificateFileCheck
{
    /// <summary>The largest file checked.</summary>
    public const int MaxBytes = ICertificateFiles.MaxBytes;

    public static CertificateFileResult Check(byte[] file, PublicKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(keys);
        if (file.Length > MaxBytes)
        {
            return new(CertificateFileVerdict.Unreadable, $"the file is larger than {MaxBytes / (1024 * 1024)} MB.");
        }

        if (file.AsSpan().StartsWith("%PDF-"u8))
        {
            return CheckPdf(file, keys);
        }

        if (QrCodeReader.LooksLikeImage(file))
        {
            return CheckImage(file, keys);
        }

        return new(CertificateFileVerdict.Unreadable, "the file is not a PDF, PNG or JPEG.");
    }

    private static CertificateFileResult CheckPdf(byte[] file, PublicKeySet keys)
    {
        if (!PdfReader.TryRead(file, out var contents, out var error))
        {
            return new(CertificateFileVerdict.Unreadable, error);
        }

        var token = contents!.Keywords?.Trim();
        if (token is null || !token.StartsWith(SignedToken.Prefix + ".", StringComparison.Ordinal))
        {
            return new(CertificateFileVerdict.NoCode, "the PDF carries no Nokor certificate code in its metadata.");
        }

        var verified = Verify(token, keys, fromImage: false);
        if (verified.Verdict != CertificateFileVerdict.Genuine)
        {
            return verified;
        }

        var page = Comparable(contents.PageTexts[0]);
        foreach (var (field, forms) in PrintedForms(verified.Payload!))
        {
            if (!forms.All(form => page.Contains(Comparable(form), StringComparison.OrdinalIgnoreCase)))
            {
                return verified with
                {
                    Verdict = CertificateFileVerdict.TextMismatch,
                    Field = field,
                    Message = $"the visible text does not match the signed data: {field}.",
                };
            }
        }

        return verified with { Message = "the signature is genuine and the visible text matches the signed data." };
    }

    private static CertificateFileResult CheckImage(byte[] file, PublicKeySet keys)
    {
        var failure = QrCodeReader.TryRead(file, out var text, out var error);
        if (failure != QrCodeReader.Failure.None)
        {
            return new(failure == QrCodeReader.Failure.NoCode ? CertificateFileVerdict.NoCode : CertificateFileVerdict.Unreadable, error);
        }

        var token = CertificatePayload.TokenFromScan(text);
        if (!token.StartsWith(SignedToken.Prefix + ".", StringComparison.Ordinal))
        {
            return new(CertificateFileVerdict.NotGenuine, "the QR code is not a Nokor certificate code.", FromImage: true);
        }

        var verified = Verify(token, keys, fromImage: true);
        return verified.Verdict == CertificateFileVerdict.Genuine
            ? verified with { Message = "the QR code's signature is genuine. The text of a photo is not checked by machine: compare the signed fields below with the paper." }
            : verified;
    }

    private static CertificateFileResult Verify(string token, PublicKeySet keys, bool fromImage)
    {
        if (!SignedToken.TryVerify(token, keys, out var bytes, out var error))
        {
            return new(CertificateFileVerdict.NotGenuine, error, FromImage: fromImage);
        }

        var payload = CertificatePayload.TryRead(bytes);
        if (payload is null)
        {
            return new(CertificateFileVerdict.NotGenuine, "the signed payload is not a Nokor certificate.", FromImage: fromImage);
        }

        return new(CertificateFileVerdict.Genuine, "", payload, token, token.Split('.')[2], fromImage);
    }

    /// <summary>
    /// Each signed field with the forms <see cref="CertificatePdf"/> prints it in; all of a field's
    /// forms must be on the page. The order is the order a reader meets them.
    /// </summary>
    internal static IEnumerable<(string Field, string[] Forms)> PrintedForms(CertificatePayload p)
    {
        var kind = KindOf(p.Event);
        var (titleKm, titleEn) = kind is { } k ? CertificatePdf.Title(k) : (p.Event, p.Event);
        yield return ("kind", [titleKm, titleEn]);
        yield return ("registration number", [p.RegistrationNumber]);
        var version = p.RegistrationVersion.ToString(CultureInfo.InvariantCulture);
        yield return ("version", [$"កំណែ {KhmerNumerals.ToKhmerDigits(version)}", $"Version {version}"]);

        // A marriage's (or its end's) subject is the two spouses, "husband & wife": each name is
        // printed in its own row.
        yield return ("name (Khmer)", p.NameKm.Split(" & "));
        yield return ("name (Latin)", p.NameLatin.Split(" & "));
        var dateField = kind switch
        {
            CertificateKind.Birth => "date of birth",
            CertificateKind.Death => "date of death",
            _ => "date of the event",
        };
        if (DateOnly.TryParseExact(p.EventDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            yield return (dateField, [CertificatePdf.KhmerDate(date), CertificatePdf.EnglishDate(date)]);
        }
        else
        {
            yield return (dateField, [p.EventDate]);
        }

        yield return ("KIDC", [p.Kidc is { Length: > 0 } kidc ? kidc : "—"]);
        yield return ("serial", [p.Serial]);
        yield return ("issue time", [p.IssuedAt.ToOffset(CambodiaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]);
    }

    /// <summary>The certificate kind of a payload's event letter (that of <c>RegistrationNumbers.Letter</c>), or null for an unknown letter.</summary>
    internal static CertificateKind? KindOf(string letter) => letter switch
    {
        "B" => CertificateKind.Birth,
        "D" => CertificateKind.Death,
        "M" => CertificateKind.Marriage,
        "V" => CertificateKind.Divorce,
        "A" => CertificateKind.Annulment,
        "S" => CertificateKind.LegalSeparation,
        "P" => CertificateKind.Adoption,
        "R" => CertificateKind.Recognition,
        "L" => CertificateKind.Legitimization,
        "F" => CertificateKind.FoetalDeath,
        "N" => CertificateKind.NameChange,
        _ => null,
    };

    /// <summary>Text compared without white space (line breaks and the spaces an extractor adds between drawn pieces) in NFC.</summary>
    private static string Comparable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsWhiteSpace(c) && c != '\u200B')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

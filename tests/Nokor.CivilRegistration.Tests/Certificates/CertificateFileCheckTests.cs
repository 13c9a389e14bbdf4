using System.Text;
using Nokor.CivilRegistration.Certificates;
using Nokor.CivilRegistration.Certificates.Rendering;
using Nokor.Platform.Pdf;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Signing;
using SkiaSharp;

namespace Nokor.CivilRegistration.Tests.Certificates;

/// <summary>
/// <c>nokor certificate verify FILE</c>'s offline check: a real certificate from the renderer, the
/// same certificate with its visible fields edited but the genuine token kept, photos of the paper,
/// and hostile files.
/// </summary>
public sealed class CertificateFileCheckTests : IDisposable
{
    private static readonly string s_outputDirectory = Path.Combine(Directory.GetCurrentDirectory(), "TestResults", "certificates");

    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "nokor-file-check-" + Guid.NewGuid().ToString("N"));
    private readonly SigningKeyRing _keys;
    private readonly PublicKeySet _published;

    public CertificateFileCheckTests()
    {
        _keys = new SigningKeyRing(_keyDirectory);
        _published = _keys.GetPublicKeySet();
    }

    public void Dispose()
    {
        _keys.Dispose();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    /// <summary>A birth certificate as the service prints it: the signed payload holds what the page prints.</summary>
    private CertificateContent Birth()
    {
        var issued = new DateTimeOffset(2026, 11, 23, 7, 5, 0, TimeSpan.Zero);
        var payload = new CertificatePayload(CertificatePayload.Current, "B", "B120101-2026-000042", 3, "B120101-2026-000042/1",
            "1234567890", "សុខ ស្រីនាង", "Sok Sreyneang", "2026-11-02", issued);
        var token = _keys.Sign(payload.ToBytes());
        return SampleCertificates.Birth(payload.RegistrationNumber, payload.RegistrationVersion, payload.Kidc, payload.Serial,
                issued.ToOffset(TimeSpan.FromHours(7)), token, "https://nokor.example.gov.kh/verify/qr?t=" + Uri.EscapeDataString(token))
            with { CheckCode = "7KQ2M-X9D4P" };
    }

    private CertificateFileResult Check(byte[] file) => CertificateFileCheck.Check(file, _published);

    [Fact]
    public void A_certificate_pdf_from_the_renderer_verifies_and_its_visible_text_matches_the_signed_data()
    {
        var result = Check(CertificatePdf.Render(Birth()));

        Assert.Equal(CertificateFileVerdict.Genuine, result.Verdict);
        Assert.Equal("B120101-2026-000042/1", result.Payload!.Serial);
        Assert.Equal("សុខ ស្រីនាង", result.Payload.NameKm);
        Assert.False(result.FromImage);
        Assert.Equal(_keys.ActiveKeyId, result.KeyId);
    }

    [Fact]
    public void A_superseded_certificate_with_its_watermark_still_matches()
    {
        Assert.Equal(CertificateFileVerdict.Genuine, Check(CertificatePdf.Render(Birth() with { IsSuperseded = true, IsCertifiedCopy = true })).Verdict);
    }

    [Theory]
    [InlineData("KIDC")]
    [InlineData("name (Latin)")]
    [InlineData("name (Khmer)")]
    [InlineData("date of birth")]
    public void A_pdf_whose_visible_field_was_changed_under_the_genuine_token_fails_naming_the_field(string field)
    {
        // The attack: the page re-made with another child's details, the genuine token kept in the
        // metadata (and so in the QR code), as an editor that rewrites the page would leave it.
        var genuine = Birth();
        var forged = field switch
        {
            "KIDC" => genuine with { Kidc = "1234567891" },
            "name (Latin)" => genuine with { GivenNameLatin = "Sreymom" },
            "name (Khmer)" => genuine with { GivenNameKm = "ស្រីមុំ" },
            _ => genuine with { EventDate = new DateOnly(2026, 11, 3) },
        };
        var pdf = CertificatePdf.Render(forged);
        Assert.True(PdfReader.TryReadKeywords(pdf, out var token));
        Assert.Equal(genuine.SignedToken, token);

        var result = Check(pdf);

        Assert.Equal(CertificateFileVerdict.TextMismatch, result.Verdict);
        Assert.Equal(field, result.Field);
        Assert.Equal($"the visible text does not match the signed data: {field}.", result.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_original_kidc_kept_in_white_text_does_not_hide_a_changed_one(bool hidden)
    {
        // A hand-made page with every signed field printed; the KIDC either shown as signed, or
        // changed with the signed one kept in white where no one sees it.
        var token = Birth().SignedToken;
        var pdf = new PdfDocumentBuilder(new PdfDocumentInfo("Birth certificate") { Keywords = token }).AddPage(page =>
        {
            var y = 60f;
            foreach (var line in new[]
            {
                "សំបុត្រកំណើត Birth Certificate", "B120101-2026-000042", "កំណែ ៣ / Version 3", "សុខ ស្រីនាង", "SOK Sreyneang",
                CertificatePdf.KhmerDate(new DateOnly(2026, 11, 2)), "2 November 2026", "Serial: B120101-2026-000042/1", "Issued: 2026-11-23 14:05 UTC+07:00",
            })
            {
                page.DrawText(line, 60, y += 24, new TextStyle(11));
            }

            page.DrawText(hidden ? "9999999999" : "1234567890", 60, y += 24, new TextStyle(11));
            if (hidden)
            {
                page.DrawText("1234567890", 60, y + 24, new TextStyle(11) { Color = SKColors.White });
            }
        }).ToPdf();

        var result = Check(pdf);

        Assert.Equal(hidden ? CertificateFileVerdict.TextMismatch : CertificateFileVerdict.Genuine, result.Verdict);
        Assert.Equal(hidden ? "KIDC" : null, result.Field);
    }

    [Fact]
    public void The_check_code_is_printed_beside_the_qr_code_in_both_languages()
    {
        var pdf = CertificatePdf.Render(Birth());
        Save("birth-with-check-code.pdf", pdf);

        Assert.True(PdfReader.TryRead(pdf, out var contents, out var error), error);
        Assert.Contains("7KQ2M-X9D4P", contents!.PageTexts[0], StringComparison.Ordinal);
        var text = Pdftotext.Extract(pdf);
        Assert.Contains("7KQ2M-X9D4P", text, StringComparison.Ordinal);
        Assert.Contains("លេខកូដផ្ទៀងផ្ទាត់", text, StringComparison.Ordinal);
        Assert.Contains("Check code", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_of_the_certificate_page_decodes_its_qr_code_and_verifies()
    {
        var png = CertificatePdf.RenderPng(Birth());

        var result = Check(png);

        Assert.Equal(CertificateFileVerdict.Genuine, result.Verdict);
        Assert.True(result.FromImage);
        Assert.Equal("1234567890", result.Payload!.Kidc);
        Assert.Contains("compare the signed fields below with the paper", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_photo_like_jpeg_scaled_down_rotated_and_compressed_still_decodes()
    {
        var photo = PhotoOf(CertificatePdf.RenderPng(Birth(), dpi: 200), scale: 0.6f, degrees: 4, quality: 70);
        Save("birth-photo.jpg", photo);
        Assert.Equal([0xFF, 0xD8, 0xFF], photo[..3]);

        var result = Check(photo);

        Assert.True(result.Verdict == CertificateFileVerdict.Genuine, result.Message);
        Assert.Equal("B120101-2026-000042/1", result.Payload!.Serial);
    }

    [Fact]
    public void A_png_without_a_qr_code_is_answered_with_its_line()
    {
        var png = new PdfDocumentBuilder(new PdfDocumentInfo("x")).AddPage(p => p.DrawText("សំបុត្រកំណើត / Birth Certificate", 60, 100, new TextStyle(20))).RenderPng(dpi: 100);

        var result = Check(png);

        Assert.Equal(CertificateFileVerdict.NoCode, result.Verdict);
        Assert.Equal("no QR code was found in the image.", result.Message);
    }

    [Fact]
    public void A_qr_code_that_is_not_a_nokor_token_is_not_genuine()
    {
        var png = new PdfDocumentBuilder(new PdfDocumentInfo("x")).AddPage(p => p.DrawQrCode("https://example.org/menu?table=4", 60, 60, 200)).RenderPng(dpi: 100);

        var result = Check(png);

        Assert.Equal(CertificateFileVerdict.NotGenuine, result.Verdict);
        Assert.Equal("the QR code is not a Nokor certificate code.", result.Message);
    }

    [Fact]
    public void A_token_signed_by_a_key_outside_the_published_set_is_not_genuine()
    {
        var otherDirectory = Path.Combine(Path.GetTempPath(), "nokor-other-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var other = new SigningKeyRing(otherDirectory);
            var content = Birth();
            var payload = CertificatePayload.TryRead(SignedToken.TryVerify(content.SignedToken, _published, out var bytes, out _) ? bytes : [])!;
            var forged = content with { SignedToken = other.Sign(payload.ToBytes()) };

            var result = Check(CertificatePdf.Render(forged));

            Assert.Equal(CertificateFileVerdict.NotGenuine, result.Verdict);
            Assert.Null(result.Payload);
        }
        finally
        {
            Directory.Delete(otherDirectory, recursive: true);
        }
    }

    [Fact]
    public void Hostile_files_get_one_line_each_and_no_exception()
    {
        var tooLarge = new byte[CertificateFileCheck.MaxBytes + 1];
        "%PDF-"u8.CopyTo(tooLarge);
        Assert.Equal((CertificateFileVerdict.Unreadable, "the file is larger than 20 MB."), Outcome(tooLarge));
        Assert.Equal(CertificateFileVerdict.Unreadable, Check("%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 9 0 R>> endobj\nthis is not a pdf"u8.ToArray()).Verdict);
        Assert.Equal((CertificateFileVerdict.Unreadable, "the file is not a PDF, PNG or JPEG."), Outcome("hello, not a certificate"u8.ToArray()));
        Assert.Equal(CertificateFileVerdict.Unreadable, Check([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5]).Verdict);
        Assert.Equal(CertificateFileVerdict.Unreadable, Check([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0]).Verdict);
        var truncated = CertificatePdf.Render(Birth());
        var half = Check(truncated[..(truncated.Length / 3)]);
        Assert.NotEqual(CertificateFileVerdict.Genuine, half.Verdict);
        Assert.DoesNotContain("\n", half.Message, StringComparison.Ordinal);

        var noToken = new PdfDocumentBuilder(new PdfDocumentInfo("A letter")).AddPage(p => p.DrawText("Dear Sir", 60, 100, new TextStyle(12))).ToPdf();
        Assert.Equal((CertificateFileVerdict.NoCode, "the PDF carries no Nokor certificate code in its metadata."), Outcome(noToken));
    }

    private (CertificateFileVerdict, string) Outcome(byte[] file)
    {
        var result = Check(file);
        return (result.Verdict, result.Message);
    }

    /// <summary>A phone photo of the printed page: smaller, slightly turned on a grey table, JPEG-compressed.</summary>
    internal static byte[] PhotoOf(byte[] png, float scale, float degrees, int quality)
    {
        using var page = SKBitmap.Decode(png);
        var width = (int)(page.Width * scale);
        var height = (int)(page.Height * scale);
        using var surface = SKSurface.Create(new SKImageInfo(width + 80, height + 80));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0x88, 0x88, 0x80));
        canvas.Translate((width + 80) / 2f, (height + 80) / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Scale(scale * 0.95f);
        using var image = SKImage.FromBitmap(page);
        using var paint = new SKPaint { IsAntialias = true };
        canvas.DrawImage(image, -page.Width / 2f, -page.Height / 2f, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, quality);
        return jpeg.ToArray();
    }

    private static void Save(string name, byte[] bytes)
    {
        Directory.CreateDirectory(s_outputDirectory);
        File.WriteAllBytes(Path.Combine(s_outputDirectory, name), bytes);
    }
}

using System.Text;
using Nokor.CivilRegistration.Certificates.Rendering;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Pdf;
using Nokor.Platform.Signing;
using SkiaSharp;

namespace Nokor.CivilRegistration.Tests.Certificates;

public sealed class CertificatePdfTests : IDisposable
{
    private const string VerifyBase = "https://nokor.example.gov.kh/verify/qr";
    private static readonly string s_outputDirectory = Path.Combine(Directory.GetCurrentDirectory(), "TestResults", "certificates");

    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "nokor-cert-keys-" + Guid.NewGuid().ToString("N"));
    private readonly SigningKeyRing _keys;

    public CertificatePdfTests()
    {
        _keys = new SigningKeyRing(_keyDirectory);
    }

    public void Dispose()
    {
        _keys.Dispose();
        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }

    private CertificateContent Birth()
    {
        var token = _keys.Sign(Encoding.UTF8.GetBytes(
            "{\"v\":1,\"e\":\"B\",\"n\":\"B120101-2026-000042\",\"r\":3,\"s\":\"C-2026-0000193\",\"k\":\"1234567890\",\"nk\":\"សុខ ស្រីនាង\",\"nl\":\"SOK Sreyneang\",\"d\":\"2026-11-02\"}"));
        return SampleCertificates.Birth("B120101-2026-000042", 3, "1234567890", "C-2026-0000193",
            new DateTimeOffset(2026, 11, 23, 14, 5, 0, TimeSpan.FromHours(7)), token, $"{VerifyBase}?t={token}");
    }

    private CertificateContent Death()
    {
        var token = _keys.Sign(Encoding.UTF8.GetBytes(
            "{\"v\":1,\"e\":\"D\",\"n\":\"D120101-2026-000007\",\"r\":1,\"s\":\"C-2026-0000194\",\"nk\":\"ហេង សំណាង\",\"nl\":\"HENG Samnang\",\"d\":\"2026-10-30\"}"));
        return new CertificateContent
        {
            Kind = CertificateKind.Death,
            RegistrationNumber = "D120101-2026-000007",
            RegistrationVersion = 1,
            Kidc = "1357924680",
            SurnameKm = "ហេង",
            GivenNameKm = "សំណាង",
            SurnameLatin = "Heng",
            GivenNameLatin = "Samnang",
            SexKm = "ប្រុស",
            SexEn = "Male",
            EventDate = new DateOnly(2026, 10, 30),
            PlaceKm = "ភូមិក្រាំង ឃុំព្រែកអញ្ចាញ ស្រុកមុខកំពូល ខេត្តកណ្តាល",
            PlaceLatin = "Kraing village, Prek Anhchanh, Mukh Kampul, Kandal",
            DateOfBirth = "1952",
            AgeAtDeath = "៧៤ ឆ្នាំ / 74 years",
            RegisteringOfficeKm = "ឃុំព្រែកអញ្ចាញ",
            RegisteringOfficeLatin = "Prek Anhchanh commune office",
            RegistrarName = "ម៉ៅ ចន្ទា / MAO Chantha",
            RegisteredOn = new DateOnly(2026, 11, 2),
            IssuedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(7)),
            CertificateSerial = "C-2026-0000194",
            IsCertifiedCopy = true,
            SignedToken = token,
            VerificationUrl = $"{VerifyBase}?t={token}",
        };
    }

    [Fact]
    public void A_birth_certificate_carries_its_token_title_and_text()
    {
        var content = Birth();

        var pdf = CertificatePdf.Render(content);
        Save("birth.pdf", pdf);

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.True(PdfReader.TryReadKeywords(pdf, out var keywords));
        Assert.Equal(content.SignedToken, keywords);
        Assert.True(_keys.TryVerify(keywords, out _, out var error), error);
        Assert.True(PdfReader.TryReadInfoString(pdf, "Title", out var title));
        Assert.Equal("Birth certificate B120101-2026-000042", title);

        var text = Pdftotext.Extract(pdf);
        Assert.Contains("សុខ ស្រីនាង", text, StringComparison.Ordinal);
        Assert.Contains("SOK Sreyneang", text, StringComparison.Ordinal);
        Assert.Contains("B120101-2026-000042", text, StringComparison.Ordinal);
        Assert.Contains("សំបុត្រកំណើត", text, StringComparison.Ordinal);
        Assert.Contains("Birth Certificate", text, StringComparison.Ordinal);
        Assert.Contains("ព្រះរាជាណាចក្រកម្ពុជា", text, StringComparison.Ordinal);
        Assert.Contains("ចាន់ សុភាព", text, StringComparison.Ordinal);
        Assert.Contains("ថ្ងៃទី២ ខែវិច្ឆិកា ឆ្នាំ២០២៦", text, StringComparison.Ordinal);
        Assert.Contains("Scan to verify", text, StringComparison.Ordinal);
        Assert.Contains(VerifyBase, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Certified copy", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_death_certificate_carries_its_token_and_text_and_no_cause_of_death()
    {
        var content = Death();

        var pdf = CertificatePdf.Render(content);
        Save("death-certified-copy.pdf", pdf);

        Assert.True(PdfReader.TryReadKeywords(pdf, out var keywords));
        Assert.Equal(content.SignedToken, keywords);
        Assert.True(PdfReader.TryReadInfoString(pdf, "Title", out var title));
        Assert.Equal("Death certificate D120101-2026-000007", title);

        var text = Pdftotext.Extract(pdf);
        Assert.Contains("ហេង សំណាង", text, StringComparison.Ordinal);
        Assert.Contains("D120101-2026-000007", text, StringComparison.Ordinal);
        Assert.Contains("សំបុត្រមរណភាព", text, StringComparison.Ordinal);
        Assert.Contains("Certified copy", text, StringComparison.Ordinal);
        Assert.Contains("ច្បាប់ចម្លងត្រឹមត្រូវ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cause", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("មូលហេតុ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_png_is_the_a4_page()
    {
        var birth = CertificatePdf.RenderPng(Birth());
        var death = CertificatePdf.RenderPng(Death());
        var superseded = CertificatePdf.RenderPng(Birth() with { IsSuperseded = true, IsCertifiedCopy = true });
        Save("birth.png", birth);
        Save("death-certified-copy.png", death);
        Save("birth-superseded-copy.png", superseded);

        foreach (var png in new[] { birth, death, superseded })
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            Assert.Equal(1240, bitmap.Width);
            Assert.Equal(297.0 / 210.0, (double)bitmap.Height / bitmap.Width, 2);
        }
    }

    [Fact]
    public void The_superseded_watermark_is_in_the_text()
    {
        var pdf = CertificatePdf.Render(Birth() with { IsSuperseded = true });
        Save("birth-superseded.pdf", pdf);

        var text = Pdftotext.Extract(pdf);

        Assert.Contains("SUPERSEDED", text, StringComparison.Ordinal);
        Assert.Contains("លែងប្រើ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_birth_without_a_registered_father_says_so()
    {
        var pdf = CertificatePdf.Render(Birth() with { FatherNameKm = null, FatherNameLatin = null, FatherKidc = null });

        var text = Pdftotext.Extract(pdf);

        Assert.Contains("Not recorded", text, StringComparison.Ordinal);
        Assert.Contains("មិនបានកត់ត្រា", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_written_the_formal_khmer_way()
    {
        Assert.Equal("ថ្ងៃទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២៦", CertificatePdf.KhmerDate(new DateOnly(2026, 11, 23)));
        Assert.Equal("ថ្ងៃទី១ ខែមករា ឆ្នាំ១៩៥២", CertificatePdf.KhmerDate(new DateOnly(1952, 1, 1)));
        Assert.Equal("23 November 2026", CertificatePdf.EnglishDate(new DateOnly(2026, 11, 23)));
    }

    private static void Save(string name, byte[] bytes)
    {
        Directory.CreateDirectory(s_outputDirectory);
        File.WriteAllBytes(Path.Combine(s_outputDirectory, name), bytes);
    }
}

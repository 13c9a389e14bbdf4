using Nokor.CivilRegistration.Certificates;
using Nokor.CivilRegistration.Certificates.Rendering;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Marriages;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Pdf;
using Nokor.Platform.Signing;

namespace Nokor.CivilRegistration.Tests.Certificates;

/// <summary>The marriage certificate as <see cref="MarriageProcedure"/> fills it and <see cref="CertificatePdf"/> lays it out, checked like a file.</summary>
public sealed class MarriageCertificateTests : IDisposable
{
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "nokor-marriage-certificate-" + Guid.NewGuid().ToString("N"));
    private readonly SigningKeyRing _keys;

    public MarriageCertificateTests() => _keys = new SigningKeyRing(_keyDirectory);

    public void Dispose()
    {
        _keys.Dispose();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    private static readonly MarriageDossier Dossier = new()
    {
        Husband = new SpouseDetails { Kidc = "1200000019", SurnameKm = "សុខ", GivenNameKm = "ដារ៉ា", SurnameLatin = "Sok", GivenNameLatin = "Dara", BirthDate = "1994-05-12", Nationality = "KH" },
        Wife = new SpouseDetails { SurnameLatin = "Nguyen", GivenNameLatin = "Thi Lan", BirthDate = "1996-09-30", Nationality = "VN", PassportNumber = "C7654321", PassportCountry = "VN" },
        MarriageDate = "2026-11-28",
        MarriagePlaceCode = "12010101",
        Witnesses = [new WitnessDetails { Name = "ហេង សំណាង" }, new WitnessDetails { Name = "Ly Sreymom" }],
        PropertyRegime = "Community",
    };

    private async Task<CertificateContent> ContentAsync(string nameKm, string nameLatin)
    {
        var issued = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var payload = new CertificatePayload(CertificatePayload.Current, "M", "M120101-2026-000007", 1, "M120101-2026-000007/1",
            "1200000019", nameKm, nameLatin, "2026-11-28", issued);
        var token = _keys.Sign(payload.ToBytes());
        var registration = new RegistrationEntity
        {
            Id = Guid.NewGuid(), Event = VitalEvent.Marriage, OfficeCode = "120101", EventDate = new DateOnly(2026, 11, 28), EventPlaceCode = "12010101",
            SubjectKidc = "1200000019", SubjectNameKm = nameKm, SubjectNameLatin = nameLatin, SubjectNameKey = "", Dossier = Dossiers.Write(Dossier),
            EnteredBy = "agent", EnteredByName = "Agent",
        };
        var common = new CertificateContent
        {
            Kind = CertificateKind.Marriage, RegistrationNumber = payload.RegistrationNumber, RegistrationVersion = 1, Kidc = payload.Kidc,
            SurnameKm = "", GivenNameKm = "", SurnameLatin = "", GivenNameLatin = "", SexKm = "", SexEn = "", EventDate = registration.EventDate,
            PlaceKm = "ភូមិទី១ សង្កាត់ស្រះចក", PlaceLatin = "Phum 1, Srah Chak", RegisteringOfficeKm = "ការិយាល័យអត្រានុកូលដ្ឋាន ស្រះចក",
            RegisteringOfficeLatin = "Civil registration office, Srah Chak", RegistrarName = "កែវ សុវណ្ណារី", RegisteredOn = new DateOnly(2026, 11, 30),
            IssuedAt = issued.ToOffset(TimeSpan.FromHours(7)), CertificateSerial = payload.Serial, SignedToken = token,
            VerificationUrl = "https://nokor.example.gov.kh/verify/qr?t=" + Uri.EscapeDataString(token),
        };
        return await new MarriageProcedure(null!, null!).CertificateAsync(registration, common, CancellationToken.None);
    }

    [Fact]
    public async Task A_marriage_certificate_prints_both_spouses_the_witnesses_and_the_regime_and_verifies_as_a_file()
    {
        var content = await ContentAsync("សុខ ដារ៉ា & Nguyen Thi Lan", "Sok Dara & Nguyen Thi Lan");
        var pdf = CertificatePdf.Render(content);

        var result = CertificateFileCheck.Check(pdf, _keys.GetPublicKeySet());
        Assert.True(result.Verdict == CertificateFileVerdict.Genuine, result.Message);
        Assert.True(PdfReader.TryRead(pdf, out var contents, out _));
        var page = contents!.PageTexts[0];
        foreach (var printed in new[] { "Marriage Certificate", "Husband", "Wife", "Passport C7654321 (VN)", "Ly Sreymom", "Community of property", "28 November 2026" })
        {
            Assert.Contains(printed, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_marriage_certificate_whose_wife_was_renamed_under_the_genuine_token_fails_on_the_name()
    {
        // The page says another wife while the token still signs Nguyen Thi Lan.
        var genuine = await ContentAsync("សុខ ដារ៉ា & Nguyen Thi Lan", "Sok Dara & Nguyen Thi Lan");
        var forged = genuine with
        {
            Facts = genuine.Facts.Select(f => f.LabelEn == "Wife" ? f with { ValueLatin = "TRAN Thi Mai · Passport C7654321 (VN)" } : f).ToList(),
        };

        var result = CertificateFileCheck.Check(CertificatePdf.Render(forged), _keys.GetPublicKeySet());
        Assert.Equal(CertificateFileVerdict.TextMismatch, result.Verdict);
        Assert.Equal("name (Khmer)", result.Field);
    }
}

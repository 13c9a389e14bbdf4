using System.Globalization;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Certificates.Rendering;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Numbers;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Khmer;
using Nokor.Platform.Pdf;
using SkiaSharp;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>Chooses and formats what a certificate, or a rejection decision, prints for a registration.</summary>
internal sealed class CertificateComposer(
    GazetteerService gazetteer, CertificateCheckCodes codes, IOptions<CivilRegistrationOptions> options, EventProcedures procedures)
{
    public async Task<CertificateContent> ContentAsync(RegistrationEntity r, CertificateEntity c, bool superseded, CancellationToken ct)
    {
        var (officeKm, officeLatin) = await OfficeAsync(r.OfficeCode, ct);
        var placeKm = await gazetteer.DescribeAsync(r.EventPlaceCode, khmer: true, ct) ?? r.EventPlaceCode;
        var placeLatin = await gazetteer.DescribeAsync(r.EventPlaceCode, khmer: false, ct) ?? r.EventPlaceCode;
        var content = new CertificateContent
        {
            Kind = CertificateFileCheck.KindOf(RegistrationNumbers.Letter(r.Event).ToString())!.Value,
            IsCertifiedCopy = c.Issue == CertificateIssue.CertifiedCopy,
            RegistrationNumber = c.RegistrationNumber,
            RegistrationVersion = c.RegistrationVersion,
            Kidc = r.SubjectKidc,
            SurnameKm = "",
            GivenNameKm = "",
            SurnameLatin = "",
            GivenNameLatin = "",
            SexKm = r.SubjectSex == "Male" ? "ប្រុស" : "ស្រី",
            SexEn = r.SubjectSex ?? "",
            EventDate = r.EventDate,
            PlaceKm = placeKm,
            PlaceLatin = placeLatin,
            RegisteringOfficeKm = officeKm,
            RegisteringOfficeLatin = officeLatin,
            RegistrarName = r.DecidedByName ?? "",
            RegisteredOn = CambodiaTime.DateOf(r.DecidedAt ?? c.IssuedAt),
            IssuedAt = c.IssuedAt.ToOffset(CambodiaTime.Offset),
            CertificateSerial = c.Serial,
            IsSuperseded = superseded,
            SignedToken = c.Token,
            CheckCode = codes.For(c.Serial, c.RegistrationVersion),
            VerificationUrl = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/verify/qr?t={Uri.EscapeDataString(c.Token)}",
        };

        if (r.Event == VitalEvent.Birth)
        {
            var birth = Dossiers.Read<BirthDossier>(r.Dossier);
            var child = birth.Child!;
            var facility = child.PlaceKind == nameof(EventPlaceKind.HealthFacility) && child.FacilityName is not null ? child.FacilityName + ", " : "";
            return content with
            {
                SurnameKm = child.SurnameKm!,
                GivenNameKm = child.GivenNameKm!,
                SurnameLatin = child.SurnameLatin!,
                GivenNameLatin = child.GivenNameLatin!,
                SexKm = child.Sex == "Male" ? "ប្រុស" : "ស្រី",
                SexEn = child.Sex!,
                EventDate = DateOnly.ParseExact(child.BirthDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                EventTime = child.BirthTime,
                PlaceKm = facility + placeKm,
                PlaceLatin = facility + placeLatin,
                MotherNameKm = KmName(birth.Mother),
                MotherNameLatin = LatinName(birth.Mother),
                MotherKidc = birth.Mother?.Kidc,
                FatherNameKm = KmName(birth.Father),
                FatherNameLatin = LatinName(birth.Father),
                FatherKidc = birth.Father?.Kidc,
                BirthTypeKm = child.BirthType is null or nameof(BirthType.Single) ? null : BirthTypeKm(child.BirthType),
                BirthTypeEn = child.BirthType is null or nameof(BirthType.Single) ? null : child.BirthType,
            };
        }

        if (r.Event != VitalEvent.Death)
        {
            // Every other event's procedure fills its facts (the spouses, the decision...).
            return await procedures.For(r.Event).CertificateAsync(r, content, ct);
        }

        var death = Dossiers.Read<DeathDossier>(r.Dossier);
        var names = r.SubjectNameKm.Split(' ', 2);
        var latin = r.SubjectNameLatin.Split(' ', 2);
        var deathDate = DateOnly.ParseExact(death.DeathDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return content with
        {
            SurnameKm = names[0],
            GivenNameKm = names.Length > 1 ? names[1] : "",
            SurnameLatin = latin[0],
            GivenNameLatin = latin.Length > 1 ? latin[1] : "",
            EventDate = deathDate,
            EventTime = death.DeathTime,
        };
    }

    /// <summary>The death certificate's date of birth and age come from the registry record, passed in by the caller when known.</summary>
    public static CertificateContent WithDeceased(CertificateContent content, string? birthDate)
    {
        if (birthDate is null || !PartialDate.TryParse(birthDate, out var born))
        {
            return content;
        }

        var age = DossierValidator.AgeAt(born.Earliest, content.EventDate);
        return content with
        {
            DateOfBirth = birthDate,
            AgeAtDeath = $"{KhmerNumerals.ToKhmerDigits(age.ToString(CultureInfo.InvariantCulture))} ឆ្នាំ / {age} years",
        };
    }

    public async Task<byte[]> RenderAsync(RegistrationEntity r, CertificateEntity c, CancellationToken ct, bool superseded = false, string? deceasedBirthDate = null)
    {
        var content = await ContentAsync(r, c, superseded, ct);
        return CertificatePdf.Render(WithDeceased(content, deceasedBirthDate));
    }

    public async Task<byte[]> RenderPngAsync(RegistrationEntity r, CertificateEntity c, CancellationToken ct, string? deceasedBirthDate = null)
    {
        var content = await ContentAsync(r, c, superseded: false, ct);
        return CertificatePdf.RenderPng(WithDeceased(content, deceasedBirthDate));
    }

    /// <summary>The rejection decision as a printed page: the application, the decision, the legal reasons and the registrar.</summary>
    public async Task<byte[]> RenderRejectionAsync(RegistrationEntity r, CancellationToken ct)
    {
        var (officeKm, officeLatin) = await OfficeAsync(r.OfficeCode, ct);
        var kindKm = r.Event switch
        {
            VitalEvent.Birth => "កំណើត",
            VitalEvent.Death => "មរណភាព",
            VitalEvent.Marriage => "អាពាហ៍ពិពាហ៍",
            VitalEvent.Divorce => "ការលែងលះ",
            VitalEvent.Annulment => "មោឃភាពអាពាហ៍ពិពាហ៍",
            VitalEvent.LegalSeparation => "ការរស់នៅដាច់ពីគ្នា",
            _ => "ព្រឹត្តិការណ៍អត្រានុកូលដ្ឋាន",
        };
        var kindEn = RegistrationRecords.Kind(r.Event).Replace('-', ' ');
        var decided = r.DecidedAt ?? DateTimeOffset.UtcNow;
        var info = new PdfDocumentInfo($"Rejection of the {kindEn} registration application {r.Id}")
        {
            Author = officeLatin,
            Subject = "សេចក្តីសម្រេចបដិសេធ / Decision of rejection",
            Creator = "Nokor civil registration",
            Created = decided,
        };
        var ink = new SKColor(0x11, 0x11, 0x11);
        return new PdfDocumentBuilder(info).AddPage(page =>
        {
            var left = PageCanvas.Mm(25);
            var width = page.Width - 2 * left;
            var center = page.Width / 2;
            var y = PageCanvas.Mm(25);
            page.DrawText("ព្រះរាជាណាចក្រកម្ពុជា", center, y, new TextStyle(14, Bold: true), TextAlign.Center);
            page.DrawText("Kingdom of Cambodia", center, y += PageCanvas.Mm(7), new TextStyle(11), TextAlign.Center);
            page.DrawText("ជាតិ សាសនា ព្រះមហាក្សត្រ / Nation Religion King", center, y += PageCanvas.Mm(7), new TextStyle(11), TextAlign.Center);
            page.DrawText(officeKm, left, y += PageCanvas.Mm(14), new TextStyle(11, Bold: true));
            page.DrawText(officeLatin, left, y += PageCanvas.Mm(6), new TextStyle(10));
            page.DrawText("សេចក្តីសម្រេចបដិសេធការចុះបញ្ជី" + kindKm, center, y += PageCanvas.Mm(16), new TextStyle(15, Bold: true), TextAlign.Center);
            page.DrawText($"Decision rejecting a {kindEn} registration application", center, y += PageCanvas.Mm(8), new TextStyle(12, Bold: true), TextAlign.Center);
            page.DrawLine(left, y += PageCanvas.Mm(5), left + width, y, 0.8f, ink);
            var lines = new[]
            {
                ("លេខពាក្យស្នើសុំ / Application", r.Id.ToString()),
                ("ឈ្មោះ / Name", $"{r.SubjectNameKm}  ({r.SubjectNameLatin})"),
                ("កាលបរិច្ឆេទព្រឹត្តិការណ៍ / Date of the event", r.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("ដាក់ពាក្យ / Applied", r.EnteredAt.ToOffset(CambodiaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                ("សម្រេច / Decided", decided.ToOffset(CambodiaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                ("មន្ត្រីអត្រានុកូលដ្ឋាន / Registrar", r.DecidedByName ?? ""),
            };
            y += PageCanvas.Mm(10);
            foreach (var (label, value) in lines)
            {
                page.DrawText(label, left, y, new TextStyle(10) { Color = new SKColor(0x55, 0x5B, 0x66) });
                page.DrawText(value, left + PageCanvas.Mm(70), y, new TextStyle(11));
                y += PageCanvas.Mm(8);
            }

            y += PageCanvas.Mm(6);
            page.DrawText("មូលហេតុផ្លូវច្បាប់នៃការបដិសេធ / Legal reasons for the rejection", left, y, new TextStyle(12, Bold: true));
            y = page.DrawParagraph(r.RejectionReasons, left, y + PageCanvas.Mm(4), width, new TextStyle(11));
            page.DrawParagraph(
                "អ្នកដាក់ពាក្យអាចដាក់ពាក្យម្តងទៀតដោយភ្ជាប់ឯកសារដែលខ្វះ។ / The applicant may apply again with the missing documents.",
                left, y + PageCanvas.Mm(12), width, new TextStyle(10));
        }).ToPdf();
    }

    private async Task<(string Km, string Latin)> OfficeAsync(string officeCode, CancellationToken ct)
    {
        var unit = await gazetteer.GetAsync(officeCode, ct);
        if (unit is null)
        {
            return ("អគ្គនាយកដ្ឋានអត្តសញ្ញាណកម្ម", "General Department of Identification");
        }

        // The office by its commune and district (the province is in the place of the event):
        // short enough for the heading and the "issued at" line.
        var path = (await gazetteer.PathAsync(officeCode, ct)).Where(u => u.Level != AdminLevel.Province).ToList();
        var km = "ការិយាល័យអត្រានុកូលដ្ឋាន " + GazetteerService.FormatPath(path, khmer: true);
        var latin = "Civil registration office, " + GazetteerService.FormatPath(path, khmer: false);
        return (km, latin);
    }

    private static string? KmName(ParentDetails? p) => p?.SurnameKm is null ? null : $"{p.SurnameKm} {p.GivenNameKm}".Trim();

    private static string? LatinName(ParentDetails? p) => p?.SurnameLatin is null ? null : $"{p.SurnameLatin} {p.GivenNameLatin}".Trim();

    private static string BirthTypeKm(string type) => type switch
    {
        nameof(BirthType.Twin) => "ភ្លោះពីរ",
        nameof(BirthType.Triplet) => "ភ្លោះបី",
        _ => "ភ្លោះច្រើន",
    };
}

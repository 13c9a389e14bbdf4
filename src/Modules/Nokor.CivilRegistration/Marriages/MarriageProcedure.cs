using System.Globalization;
using Nokor.CivilRegistration.Certificates.Rendering;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Marriages;

/// <summary>
/// What approving a marriage does beyond the shared procedure: both spouses become married in the
/// Population Registry with spouse links (idempotent by the registration's reference), the marriage
/// register gets its row in force, and the certificate prints both spouses, the date and place, the
/// witnesses and the property regime.
/// </summary>
internal sealed class MarriageProcedure(CivilDbContext db, IPopulationRegistry registry) : IEventProcedure
{
    public IReadOnlyList<VitalEvent> Events { get; } = [VitalEvent.Marriage];

    public async Task<(Outcome<RegistrationView>? Refused, string? SubjectKidc)> ApplyToRegistryAsync(RegistrationEntity r, Actor actor, CancellationToken ct)
    {
        var m = Dossiers.Read<MarriageDossier>(r.Dossier);
        var link = new MarriageLink(
            m.Husband!.Kidc, m.Wife!.Kidc,
            m.Husband.Kidc is null ? ForeignName(m.Husband) : null,
            m.Wife.Kidc is null ? ForeignName(m.Wife) : null,
            r.EventDate, "Marriage registered");
        var recorded = await registry.RecordMarriageAsync(link, actor, Approvals.Reference(r), ct);
        // A refusal: a spouse married or recorded dead since the entry.
        return Approvals.RegistryAnswer(recorded, "marriage", "marriage", r.SubjectKidc);
    }

    public Task<bool> UndoInRegistryAsync(RegistrationEntity r, Actor actor, string reason, CancellationToken ct) =>
        registry.RevertAsync(Approvals.Reference(r), actor, reason, ct);

    public Task<Outcome<RegistrationView>?> OnApprovingAsync(RegistrationEntity r, string number, Actor actor, CancellationToken ct)
    {
        var m = Dossiers.Read<MarriageDossier>(r.Dossier);
        db.Marriages.Add(new MarriageEntity
        {
            RegistrationId = r.Id,
            Number = number,
            OfficeCode = r.OfficeCode,
            MarriageDate = r.EventDate,
            HusbandKidc = m.Husband!.Kidc,
            WifeKidc = m.Wife!.Kidc,
            HusbandName = MarriageValidator.NameKm(m.Husband),
            WifeName = MarriageValidator.NameKm(m.Wife),
            State = MarriageState.InForce,
        });
        return Task.FromResult<Outcome<RegistrationView>?>(null);
    }

    public Task<CertificateContent> CertificateAsync(RegistrationEntity r, CertificateContent common, CancellationToken ct)
    {
        var m = Dossiers.Read<MarriageDossier>(r.Dossier);
        var facts = new List<CertificateFact>();
        facts.AddRange(SpouseFacts("ស្វាមី", "Husband", m.Husband!));
        facts.AddRange(SpouseFacts("ភរិយា", "Wife", m.Wife!));
        facts.Add(new("ថ្ងៃខែឆ្នាំអាពាហ៍ពិពាហ៍", "Date of marriage", CertificatePdf.KhmerDate(r.EventDate), CertificatePdf.EnglishDate(r.EventDate)));
        facts.Add(new("ទីកន្លែងអាពាហ៍ពិពាហ៍", "Place of marriage", common.PlaceKm, common.PlaceLatin));
        facts.Add(new("សាក្សី", "Witnesses", null, string.Join("; ", (m.Witnesses ?? []).Select(w => w.Name))));
        var (regimeKm, regimeEn) = Regime(m.PropertyRegime);
        facts.Add(new("របបទ្រព្យសម្បត្តិ", "Property regime", regimeKm, regimeEn));
        return Task.FromResult(common with
        {
            SurnameKm = r.SubjectNameKm,
            GivenNameKm = "",
            SurnameLatin = r.SubjectNameLatin,
            GivenNameLatin = "",
            SexKm = "",
            SexEn = "",
            Facts = facts,
        });
    }

    /// <summary>A spouse's rows: the name (Khmer, then Latin with the KIDC or passport) and the date of birth and nationality.</summary>
    public static IEnumerable<CertificateFact> SpouseFacts(string labelKm, string labelEn, SpouseDetails s)
    {
        var latin = $"{s.SurnameLatin?.ToUpperInvariant()} {s.GivenNameLatin}".Trim();
        var id = s.Kidc is not null ? $"KIDC {s.Kidc}" : $"Passport {s.PassportNumber} ({s.PassportCountry})";
        yield return new(labelKm, labelEn, s.SurnameKm is null ? null : $"{s.SurnameKm} {s.GivenNameKm}".Trim(), latin.Length > 0 ? $"{latin} · {id}" : id);
        var born = s.BirthDate is { Length: 10 } exact && DateOnly.TryParseExact(exact, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (CertificatePdf.KhmerDate(d), CertificatePdf.EnglishDate(d))
            : ((string?)null, s.BirthDate ?? "");
        yield return new("ថ្ងៃខែឆ្នាំកំណើត និងសញ្ជាតិ", $"{labelEn}'s date of birth and nationality", born.Item1, $"{born.Item2} · {s.Nationality}");
    }

    /// <summary>A spouse without a KIDC as the registry's spouse link shows them.</summary>
    private static string ForeignName(SpouseDetails s) =>
        $"{MarriageValidator.NameLatin(s)} ({s.Nationality}; passport {s.PassportNumber}, {s.PassportCountry})";

    private static (string Km, string En) Regime(string? regime) => regime switch
    {
        "Legal" => ("របបទ្រព្យសម្បត្តិតាមច្បាប់", "Statutory regime"),
        "Separate" => ("របបទ្រព្យសម្បត្តិដាច់ដោយឡែក", "Separate property"),
        "Community" => ("របបទ្រព្យសម្បត្តិរួម", "Community of property"),
        "Contract" => ("តាមកិច្ចសន្យាអាពាហ៍ពិពាហ៍", "By marriage contract"),
        _ => (regime ?? "", regime ?? ""),
    };
}

using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Certificates.Rendering;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Marriages;

/// <summary>
/// What approving a divorce, an annulment or a legal separation does: the Population Registry ends
/// (or suspends) the spouse links of the marriage from the effective date; the marriage register's
/// row changes state (checked against its revision, so two dissolutions of one marriage never both
/// apply) and the marriage registration gets a history line, itself unchanged and readable. The
/// certificate prints the marriage, the spouses and the decision.
/// </summary>
internal sealed class DissolutionProcedure(CivilDbContext db, IPopulationRegistry registry, RegistrationRecords records, StaffDirectory staff) : IEventProcedure
{
    public IReadOnlyList<VitalEvent> Events { get; } = EnterDissolution.Events;

    public async Task<(Outcome<RegistrationView>? Refused, string? SubjectKidc)> ApplyToRegistryAsync(RegistrationEntity r, Actor actor, CancellationToken ct)
    {
        var d = Dossiers.Read<DissolutionDossier>(r.Dossier);
        var marriage = await db.Marriages.AsNoTracking().FirstOrDefaultAsync(m => m.Number == d.MarriageNumber, ct);
        if (marriage is null)
        {
            return (Outcome<RegistrationView>.Invalid("dissolution.marriageNumber", DissolutionValidator.NotRegistered), null);
        }

        // Ended meanwhile (another dissolution approved, a spouse's death): refused before the registry acts.
        if (DissolutionValidator.Ended(r.Event, marriage, r.Id) is { } ended)
        {
            return (Outcome<RegistrationView>.Invalid("dissolution.marriageNumber", ended), null);
        }

        var kind = r.Event switch
        {
            VitalEvent.Divorce => MarriageEndKind.Divorce,
            VitalEvent.Annulment => MarriageEndKind.Annulment,
            _ => MarriageEndKind.LegalSeparation,
        };
        var outcome = await registry.EndMarriageAsync(
            new MarriageEnd($"{MarriageValidator.ReferencePrefix}{marriage.RegistrationId}", kind, r.EventDate, $"{Title(r.Event)} of marriage {marriage.Number} registered"),
            actor, Approvals.Reference(r), ct);
        return Approvals.RegistryAnswer(outcome, "dissolution.marriageNumber", "end of the marriage", r.SubjectKidc);
    }

    public Task<bool> UndoInRegistryAsync(RegistrationEntity r, Actor actor, string reason, CancellationToken ct) =>
        registry.RevertAsync(Approvals.Reference(r), actor, reason, ct);

    public async Task<Outcome<RegistrationView>?> OnApprovingAsync(RegistrationEntity r, string number, Actor actor, CancellationToken ct)
    {
        var d = Dossiers.Read<DissolutionDossier>(r.Dossier);
        var marriage = await db.Marriages.FirstOrDefaultAsync(m => m.Number == d.MarriageNumber, ct);
        if (marriage is null || DissolutionValidator.Ended(r.Event, marriage, r.Id) is not null)
        {
            return Outcome<RegistrationView>.Conflict("The marriage was ended by another registration meanwhile: open it again.");
        }

        // The row is tracked: the approving save checks its revision, so of two dissolutions saved
        // at once one answers 409.
        marriage.State = r.Event switch
        {
            VitalEvent.Divorce => MarriageState.Dissolved,
            VitalEvent.Annulment => MarriageState.Annulled,
            _ => MarriageState.Separated,
        };
        marriage.EndedOn = r.EventDate;
        marriage.EndedByRegistrationId = r.Id;
        marriage.EndedByNumber = number;
        marriage.Revision++;
        var registration = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == marriage.RegistrationId, ct);
        records.AddEvent(registration, actor, await staff.DisplayNameAsync(actor, ct), $"{RegistrationRecords.Kind(r.Event)}.registered",
            $"{number}; from {r.EventDate:yyyy-MM-dd}");
        return null;
    }

    public async Task<CertificateContent> CertificateAsync(RegistrationEntity r, CertificateContent common, CancellationToken ct)
    {
        var d = Dossiers.Read<DissolutionDossier>(r.Dossier);
        var marriage = await db.Marriages.AsNoTracking().FirstAsync(m => m.Number == d.MarriageNumber, ct);
        var registration = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == marriage.RegistrationId, ct);
        var m = Dossiers.Read<MarriageDossier>(registration.Dossier);
        var facts = new List<CertificateFact>();
        facts.AddRange(MarriageProcedure.SpouseFacts("ស្វាមី", "Husband", m.Husband!).Take(1));
        facts.AddRange(MarriageProcedure.SpouseFacts("ភរិយា", "Wife", m.Wife!).Take(1));
        facts.Add(new("អាពាហ៍ពិពាហ៍", "Marriage", $"{marriage.Number} · {CertificatePdf.KhmerDate(marriage.MarriageDate)}",
            $"{marriage.Number} · {CertificatePdf.EnglishDate(marriage.MarriageDate)}"));
        facts.Add(new("សេចក្តីសម្រេច", "Decision",
            d.Authority == nameof(DecisionAuthority.Court) ? $"{d.Court} · សំណុំរឿងលេខ {d.CaseNumber}" : $"សេចក្តីសម្រេចរដ្ឋបាលលេខ {d.CaseNumber}",
            d.Authority == nameof(DecisionAuthority.Court) ? $"{d.Court}, case {d.CaseNumber}, {d.DecisionDate}" : $"Administrative decision {d.CaseNumber}, {d.DecisionDate}"));
        var (effectKm, effectEn) = r.Event switch
        {
            VitalEvent.Divorce => ("ថ្ងៃលែងលះមានអានុភាព", "Divorce effective from"),
            VitalEvent.Annulment => ("ថ្ងៃមោឃភាពមានអានុភាព", "Annulment effective from"),
            _ => ("ថ្ងៃរស់នៅដាច់ពីគ្នាមានអានុភាព", "Separation effective from"),
        };
        facts.Add(new(effectKm, effectEn, CertificatePdf.KhmerDate(r.EventDate), CertificatePdf.EnglishDate(r.EventDate)));
        if (r.Event == VitalEvent.LegalSeparation)
        {
            facts.Add(new("កំណត់សម្គាល់", "Note", "ប្តីប្រពន្ធនៅតែជាប់អាពាហ៍ពិពាហ៍", "The spouses remain married"));
        }

        return common with
        {
            SurnameKm = r.SubjectNameKm,
            GivenNameKm = "",
            SurnameLatin = r.SubjectNameLatin,
            GivenNameLatin = "",
            SexKm = "",
            SexEn = "",
            Facts = facts,
        };
    }

    private static string Title(VitalEvent e) => e switch
    {
        VitalEvent.Divorce => "Divorce",
        VitalEvent.Annulment => "Annulment",
        _ => "Legal separation",
    };
}

using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The approval of a change of name: the registry takes the new names (a correction under the
/// reference <c>crvs:name-change:&lt;id&gt;</c>, reverted if the approval never completes), and the
/// person's birth registration and the approved marriage registrations naming them (by KIDC, as
/// husband or wife) get a new version with the current names, so every certificate printed from
/// them afterwards shows the current name and the earlier ones verify as superseded.
/// </summary>
internal sealed class NameChangeProcedure(IPopulationRegistry registry, CivilDbContext db, FamilyVersions versions) : IEventProcedure
{
    public IReadOnlyList<VitalEvent> Events { get; } = [VitalEvent.NameChange];

    public async Task<(Outcome<RegistrationView>? Refused, string? SubjectKidc)> ApplyToRegistryAsync(RegistrationEntity r, Actor actor, CancellationToken ct)
    {
        var d = Dossiers.Read<NameChangeDossier>(r.Dossier);
        var by = d.Authority == nameof(DecisionAuthority.Court) ? $"court decision {d.Court} {d.CaseNumber}" : "administrative decision";
        var outcome = await registry.CorrectAsync(d.Person!.Kidc!,
            new PersonCorrection(d.NewSurnameKm, d.NewGivenNameKm, d.NewSurnameLatin, d.NewGivenNameLatin, null, null, null, null, null, $"Change of name registered ({by})"),
            actor, Approvals.Reference(r), ct);
        return Approvals.RegistryAnswer(outcome, "nameChange", "change of name", d.Person.Kidc);
    }

    public Task<bool> UndoInRegistryAsync(RegistrationEntity r, Actor actor, string reason, CancellationToken ct) =>
        registry.RevertAsync(Approvals.Reference(r), actor, reason, ct);

    public async Task<Outcome<RegistrationView>?> OnApprovingAsync(RegistrationEntity r, string number, Actor actor, CancellationToken ct)
    {
        var d = Dossiers.Read<NameChangeDossier>(r.Dossier);
        var kidc = d.Person!.Kidc!;
        if (await FamilyChecks.BirthRegistrationAsync(db, kidc, ct) is { } birth)
        {
            var dossier = Dossiers.Read<BirthDossier>(birth.Dossier);
            dossier = dossier with
            {
                Child = dossier.Child! with
                {
                    SurnameKm = d.NewSurnameKm, GivenNameKm = d.NewGivenNameKm, SurnameLatin = d.NewSurnameLatin, GivenNameLatin = d.NewGivenNameLatin,
                },
            };
            await versions.AddAsync(birth, dossier, actor, "name-change", number, "Change of name", ct);
        }

        // The marriage registrations whose dossier names the person as husband or wife. The KIDC
        // narrows the search in the stored JSON; the dossier read says in which role.
        var marriages = await db.Registrations
            .Where(m => m.Event == VitalEvent.Marriage && m.Status == RegistrationStatus.Approved && m.Dossier.Contains(kidc))
            .ToListAsync(ct);
        foreach (var marriage in marriages)
        {
            var dossier = Dossiers.Read<MarriageDossier>(marriage.Dossier);
            var changed = dossier with
            {
                Husband = dossier.Husband?.Kidc == kidc ? Renamed(dossier.Husband, d) : dossier.Husband,
                Wife = dossier.Wife?.Kidc == kidc ? Renamed(dossier.Wife, d) : dossier.Wife,
            };
            if (changed != dossier)
            {
                await versions.AddAsync(marriage, changed, actor, "name-change", number, "Change of name of a spouse", ct);
            }
        }

        return null;
    }

    private static SpouseDetails Renamed(SpouseDetails spouse, NameChangeDossier d) => spouse with
    {
        SurnameKm = d.NewSurnameKm, GivenNameKm = d.NewGivenNameKm, SurnameLatin = d.NewSurnameLatin, GivenNameLatin = d.NewGivenNameLatin,
    };

    /// <summary>No certificate of its own: a new birth or marriage certificate is printed (PrintCertificate refuses before this is reached).</summary>
    public Task<CertificateContent> CertificateAsync(RegistrationEntity r, CertificateContent common, CancellationToken ct) =>
        throw new InvalidOperationException(FamilyCertificates.Refusal(r.Event));
}

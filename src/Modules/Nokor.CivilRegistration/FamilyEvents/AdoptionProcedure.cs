using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The approval of an adoption: the registry changes the child's parents (a full adoption makes the
/// adoptive parents the parents and keeps the earlier ones sealed; a simple one adds them), and the
/// child's birth registration, when registered here, gets a new version: for a full adoption the
/// adoptive parents as the parents (and the new surname or given name when the court gave one), the earlier
/// versions sealed (<see cref="RegistrationEntity.SealedThroughVersion"/>); for a simple adoption
/// the adoptive parents beside the parents. The new birth certificate is printed from it.
/// </summary>
internal sealed class AdoptionProcedure(IPopulationRegistry registry, CivilDbContext db, FamilyVersions versions) : IEventProcedure
{
    public IReadOnlyList<VitalEvent> Events { get; } = [VitalEvent.Adoption];

    public async Task<(Outcome<RegistrationView>? Refused, string? SubjectKidc)> ApplyToRegistryAsync(RegistrationEntity r, Actor actor, CancellationToken ct)
    {
        var a = Dossiers.Read<AdoptionDossier>(r.Dossier);
        var full = a.Kind == nameof(AdoptionKind.Full);
        var change = new ParentageChange(a.Adoptee!.Kidc!, full ? ParentageKind.FullAdoption : ParentageKind.SimpleAdoption,
            a.AdoptiveMother?.Kidc, a.AdoptiveFather?.Kidc, r.EventDate, full ? "Full adoption registered" : "Simple adoption registered")
        {
            NewSurnameKm = a.NewSurnameKm,
            NewGivenNameKm = a.NewGivenNameKm,
            NewSurnameLatin = a.NewSurnameLatin,
            NewGivenNameLatin = a.NewGivenNameLatin,
        };
        var outcome = await registry.ChangeParentsAsync(change, actor, Approvals.Reference(r), ct);
        return Approvals.RegistryAnswer(outcome, "adoption", "adoption", a.Adoptee.Kidc);
    }

    public Task<bool> UndoInRegistryAsync(RegistrationEntity r, Actor actor, string reason, CancellationToken ct) =>
        registry.RevertAsync(Approvals.Reference(r), actor, reason, ct);

    public async Task<Outcome<RegistrationView>?> OnApprovingAsync(RegistrationEntity r, string number, Actor actor, CancellationToken ct)
    {
        var a = Dossiers.Read<AdoptionDossier>(r.Dossier);
        var birth = await FamilyChecks.BirthRegistrationAsync(db, a.Adoptee!.Kidc!, ct);
        if (birth is null)
        {
            // Born before this registry or registered abroad: the registry's record is the one that changes.
            return null;
        }

        var dossier = Dossiers.Read<BirthDossier>(birth.Dossier);
        if (a.Kind == nameof(AdoptionKind.Full))
        {
            var child = dossier.Child!;
            dossier = dossier with
            {
                Mother = a.AdoptiveMother,
                Father = a.AdoptiveFather,
                AdoptiveMother = null,
                AdoptiveFather = null,
                Child = child with
                {
                    SurnameKm = a.NewSurnameKm ?? child.SurnameKm,
                    GivenNameKm = a.NewGivenNameKm ?? child.GivenNameKm,
                    SurnameLatin = a.NewSurnameLatin ?? child.SurnameLatin,
                    GivenNameLatin = a.NewGivenNameLatin ?? child.GivenNameLatin,
                },
            };

            // The versions so far (the biological parents, the birth names) are sealed from now on.
            birth.SealedThroughVersion = birth.Version;
            await versions.AddAsync(birth, dossier, actor, "adoption.full", number, "Full adoption", ct);
        }
        else
        {
            dossier = dossier with { AdoptiveMother = a.AdoptiveMother, AdoptiveFather = a.AdoptiveFather };
            await versions.AddAsync(birth, dossier, actor, "adoption.simple", number, "Simple adoption", ct);
        }

        return null;
    }

    /// <summary>An adoption has no certificate of its own: the child's new birth certificate is printed (PrintCertificate refuses before this is reached).</summary>
    public Task<CertificateContent> CertificateAsync(RegistrationEntity r, CertificateContent common, CancellationToken ct) =>
        throw new InvalidOperationException(FamilyCertificates.Refusal(r.Event));
}

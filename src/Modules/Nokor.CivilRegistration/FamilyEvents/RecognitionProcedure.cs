using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The approval of a recognition or a legitimization: the registry adds the parent to the child
/// (for a legitimization, the spouse who was not yet the child's parent), and the child's birth registration, when
/// registered here, gets a new version naming the parent, from which a new birth certificate is printed.
/// </summary>
internal sealed class RecognitionProcedure(IPopulationRegistry registry, CivilDbContext db, FamilyVersions versions) : IEventProcedure
{
    public IReadOnlyList<VitalEvent> Events { get; } = [VitalEvent.Recognition, VitalEvent.Legitimization];

    public async Task<(Outcome<RegistrationView>? Refused, string? SubjectKidc)> ApplyToRegistryAsync(RegistrationEntity r, Actor actor, CancellationToken ct)
    {
        var d = Dossiers.Read<RecognitionDossier>(r.Dossier);
        if (d.Parent is null)
        {
            // A legitimization of a child whose parents (the spouses, checked at entry) are both in
            // the registry already: the registry's parent links do not change.
            return (null, d.Child!.Kidc);
        }

        // The registry fills the missing parent; for a legitimization the entry checked that the
        // other parent is the other spouse of the marriage.
        var mother = d.ParentRole == "Mother" ? d.Parent.Kidc : null;
        var father = d.ParentRole == "Mother" ? null : d.Parent.Kidc;
        var kind = r.Event == VitalEvent.Legitimization ? ParentageKind.Legitimization : ParentageKind.Recognition;
        var outcome = await registry.ChangeParentsAsync(
            new ParentageChange(d.Child!.Kidc!, kind, mother, father, r.EventDate, kind == ParentageKind.Legitimization ? "Legitimization registered" : "Recognition registered"),
            actor, Approvals.Reference(r), ct);
        return Approvals.RegistryAnswer(outcome, "recognition.parent.kidc", RegistrationRecords.Kind(r.Event), d.Child.Kidc);
    }

    public Task<bool> UndoInRegistryAsync(RegistrationEntity r, Actor actor, string reason, CancellationToken ct) =>
        registry.RevertAsync(Approvals.Reference(r), actor, reason, ct);

    public async Task<Outcome<RegistrationView>?> OnApprovingAsync(RegistrationEntity r, string number, Actor actor, CancellationToken ct)
    {
        var d = Dossiers.Read<RecognitionDossier>(r.Dossier);
        if (d.Parent is null)
        {
            // A legitimization of a child who already had both parents: the birth registration names them already.
            return null;
        }

        var birth = await FamilyChecks.BirthRegistrationAsync(db, d.Child!.Kidc!, ct);
        if (birth is null)
        {
            return null;
        }

        var dossier = Dossiers.Read<BirthDossier>(birth.Dossier);
        dossier = d.ParentRole == "Mother" ? dossier with { Mother = d.Parent } : dossier with { Father = d.Parent };
        var what = r.Event == VitalEvent.Legitimization ? "Legitimization" : "Recognition";
        await versions.AddAsync(birth, dossier, actor, r.Event == VitalEvent.Legitimization ? "legitimization" : "recognition", number,
            $"{what}: the {d.ParentRole!.ToLowerInvariant()} is added", ct);
        return null;
    }

    /// <summary>No certificate of its own: the new birth certificate is printed (PrintCertificate refuses before this is reached).</summary>
    public Task<CertificateContent> CertificateAsync(RegistrationEntity r, CertificateContent common, CancellationToken ct) =>
        throw new InvalidOperationException(FamilyCertificates.Refusal(r.Event));
}

using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// The steps every use case on a registration shares: loading it under the caller's jurisdiction,
/// acting on it (one person at a time, history line, audit entry, optimistic concurrency) and the
/// view staff see. The registration procedure is NSPI 5.3 and 6.2 Table 5: an agent enters the
/// dossier, a different staff member verifies it, a registrar approves or rejects it. A record is
/// worked by one person at a time.
/// </summary>
internal sealed class RegistrationRecords(CivilDbContext db, StaffDirectory staff, IAuditLog audit, TimeProvider clock)
{
    public const string NotFoundMessage = "No registration with this id in your area.";

    /// <summary>
    /// Loads the record in the actor's area, checks it is not held by someone else, applies the
    /// change, writes the history line and the audit entry, and saves with optimistic concurrency.
    /// </summary>
    public async Task<Outcome<RegistrationView>> ActAsync(
        Guid id, Actor actor, string action, CancellationToken ct,
        Func<RegistrationEntity, string, Outcome<RegistrationView>?> change, string? note = null, bool supervisor = false)
    {
        var r = await FindAsync(id, actor, track: true, ct);
        if (r is null)
        {
            return Outcome<RegistrationView>.NotFound(NotFoundMessage);
        }

        if (!supervisor && r.AssignedTo is not null && r.AssignedTo != actor.Id)
        {
            return Outcome<RegistrationView>.Conflict($"The record is being worked on by {r.AssignedToName}; a registrar can reassign it.");
        }

        return await ApplyAsync(r, actor, action, ct, change, note);
    }

    /// <summary>The second half of <see cref="ActAsync"/>, for a record already loaded with tracking and checked.</summary>
    public async Task<Outcome<RegistrationView>> ApplyAsync(
        RegistrationEntity r, Actor actor, string action, CancellationToken ct,
        Func<RegistrationEntity, string, Outcome<RegistrationView>?> change, string? note)
    {
        var approvedBefore = r.Status == RegistrationStatus.Approved;
        var name = await staff.DisplayNameAsync(actor, ct);
        if (change(r, name) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }

        r.Revision++;
        AddEvent(r, actor, name, action, note);
        await audit.AppendAsync(new AuditEvent(actor, $"civil.{Kind(r.Event)}.{action}", "registration", r.Id.ToString(), "civil registration"), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The entry above is already in the chain; this one says the action did not happen.
            db.ChangeTracker.Clear();
            await audit.AppendAsync(new AuditEvent(actor, $"civil.{Kind(r.Event)}.{action}.failed", "registration", r.Id.ToString(), "civil registration",
                AuditDetails.Of(new { error = "changed meanwhile" })), CancellationToken.None);
            return Outcome<RegistrationView>.Conflict("The record was changed by someone else meanwhile: open it again.");
        }

        return Outcome<RegistrationView>.Ok(await ViewAsync(r, ct, approvedBefore: approvedBefore));
    }

    public static void Unassign(RegistrationEntity r)
    {
        r.AssignedTo = null;
        r.AssignedToName = null;
        r.AssignedAt = null;
    }

    public void AddEvent(RegistrationEntity r, Actor actor, string name, string action, string? note) =>
        db.Events.Add(new RegistrationEventEntity
        {
            RegistrationId = r.Id, At = clock.GetUtcNow(), ActorId = actor.Id, ActorName = name, Action = action, Version = r.Version, Note = note,
        });

    public async Task<RegistrationEntity?> FindAsync(Guid id, Actor actor, bool track, CancellationToken ct)
    {
        var query = track ? db.Registrations : db.Registrations.AsNoTracking();
        var r = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
        return r is not null && actor.Jurisdiction.Covers(r.OfficeCode) ? r : null;
    }

    /// <param name="r">The record.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="fresh">Created by this request: no annexes, certificates or corrections yet.</param>
    /// <param name="approvedBefore">
    /// Whether the record was approved before the action this view answers (default: its status
    /// says). Certificates and corrections exist only for a registration approved earlier — both
    /// services refuse any other, and an approval is never undone — so for the others those two
    /// look-ups are skipped.
    /// </param>
    public async Task<RegistrationView> ViewAsync(RegistrationEntity r, CancellationToken ct, bool fresh = false, bool? approvedBefore = null)
    {
        if (fresh)
        {
            return View(r, [], [], []);
        }

        var annexes = await db.Annexes.AsNoTracking().Where(a => a.RegistrationId == r.Id).OrderBy(a => a.AddedAt)
            .Select(a => new AnnexView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.Description, a.AddedAt, a.AddedBy))
            .ToListAsync(ct);
        if (!(approvedBefore ?? r.Status == RegistrationStatus.Approved))
        {
            return View(r, annexes, [], []);
        }

        // The certificates and corrections of sealed versions (a full adoption's) are not shown: see ReadSealedVersions.
        var sealedThrough = r.SealedThroughVersion ?? 0;
        var certificates = (await db.Certificates.AsNoTracking().Where(c => c.RegistrationId == r.Id && c.RegistrationVersion > sealedThrough).ToListAsync(ct))
            .OrderBy(c => c.IssuedAt)
            .Select(c => new CertificateView(c.Id, c.Serial, c.RegistrationVersion, c.Issue,
                c.RegistrationVersion == r.Version ? CertificateState.Current : CertificateState.Superseded,
                c.IssuedAt, c.IssuedByName, c.FeeRiel))
            .ToList();
        var corrections = (await db.Corrections.AsNoTracking().Where(c => c.RegistrationId == r.Id && c.BaseVersion > sealedThrough).ToListAsync(ct))
            .OrderBy(c => c.RequestedAt)
            .Select(c => new CorrectionView(c.Id, c.BaseVersion, c.Status, c.Reason, c.EvidenceAnnexId, c.RequestedByName,
                c.RequestedAt, c.DecidedByName, c.DecidedAt, c.DecisionNote, c.ResultingVersion))
            .ToList();
        return View(r, annexes, certificates, corrections);
    }

    private static RegistrationView View(RegistrationEntity r, IReadOnlyList<AnnexView> annexes, IReadOnlyList<CertificateView> certificates, IReadOnlyList<CorrectionView> corrections) =>
        Dossiers.WithFamilyDossier(new(
            r.Id, r.Event, r.Status, r.Number, r.OfficeCode, r.Version, r.EventDate.ToString("yyyy-MM-dd"), r.EventPlaceCode,
            r.SubjectKidc, r.SubjectNameKm, r.SubjectNameLatin, r.IsLate, r.DelayDays, r.FeeRiel, r.NeedsSeniorApproval,
            r.NotificationId, r.EnteredByName, r.EnteredAt, r.VerifiedByName, r.VerifiedAt, r.DecidedByName, r.DecidedAt,
            r.RejectionReasons, r.AssignedToName, Dossiers.Birth(r), Dossiers.Death(r), annexes, certificates, corrections) { SealedThroughVersion = r.SealedThroughVersion }, r);

    /// <summary>The event's name in audit actions, references and routes ("birth", "legal-separation"...).</summary>
    public static string Kind(VitalEvent e) => e switch
    {
        VitalEvent.Birth => "birth",
        VitalEvent.Death => "death",
        VitalEvent.Marriage => "marriage",
        VitalEvent.Divorce => "divorce",
        VitalEvent.Annulment => "annulment",
        VitalEvent.LegalSeparation => "legal-separation",
        VitalEvent.Adoption => "adoption",
        VitalEvent.Recognition => "recognition",
        VitalEvent.Legitimization => "legitimization",
        VitalEvent.FoetalDeath => "foetal-death",
        VitalEvent.NameChange => "name-change",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };
}

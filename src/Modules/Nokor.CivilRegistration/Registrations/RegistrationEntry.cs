using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Numbers;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;

using Nokor.Platform.Dates;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// What entering a birth and entering a death share: the retried application answered once, the
/// linked notification, and the new record with its first version and history line. Late
/// registration carries the fee of the fee table and needs a senior registrar.
/// </summary>
internal sealed class RegistrationEntry(
    CivilDbContext db,
    RegistrationRecords records,
    StaffDirectory staff,
    IAuditLog audit,
    IOptions<CivilRegistrationOptions> options,
    TimeProvider clock)
{
    private CivilRegistrationOptions Options => options.Value;

    /// <summary>A retried application (same client id) answers with what the first one created, without a second record.</summary>
    public async Task<Outcome<RegistrationView>?> ExistingAsync(Guid id, VitalEvent e, Actor actor, CancellationToken ct)
    {
        var found = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (found is null)
        {
            return null;
        }

        if (found.Event != e || found.EnteredBy != actor.Id)
        {
            return Outcome<RegistrationView>.Conflict("Another application already uses this id: generate a new one.");
        }

        return Outcome<RegistrationView>.Ok(await records.ViewAsync(found, ct));
    }

    public async Task<NotificationEntity?> NotificationAsync(Guid? id, VitalEvent e, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        if (id is null)
        {
            return null;
        }

        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !actor.Jurisdiction.Covers(n.CommuneCode))
        {
            errors.Add("notificationId", "No notification with this id in your area.");
            return null;
        }

        if (n.Event != e)
        {
            errors.Add("notificationId", $"This notification is of a {n.Event.ToString().ToLowerInvariant()}, not a {e.ToString().ToLowerInvariant()}.");
            return null;
        }

        if (n.Status != NotificationStatus.Open)
        {
            errors.Add("notificationId", "This notification is already linked to a registration.");
            return null;
        }

        return n;
    }

    /// <summary>
    /// The court decision an application completes: received (not applied, not held), of a kind that
    /// opens this event, for an office of the caller's area. Linked to the new record in its save.
    /// </summary>
    public async Task<CourtDecisionEntity?> CourtDecisionAsync(Guid? id, VitalEvent e, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        if (id is null)
        {
            return null;
        }

        var d = await db.CourtDecisions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !actor.Jurisdiction.Covers(d.OfficeCode))
        {
            errors.Add("courtDecisionId", "No court decision with this id in your area.");
            return null;
        }

        if (EventOf(d.Kind) != e)
        {
            errors.Add("courtDecisionId", $"This court decision is a {d.Kind}: it opens a {RegistrationRecords.Kind(EventOf(d.Kind))} application, not a {RegistrationRecords.Kind(e)}.");
            return null;
        }

        if (d.Status != CourtDecisionStatus.Received)
        {
            errors.Add("courtDecisionId", d.Status == CourtDecisionStatus.Applied
                ? "This court decision is already applied by another application."
                : "This court decision is held for review: it cannot be applied as it is.");
            return null;
        }

        return d;
    }

    /// <summary>The event a court decision of this kind opens (a correction judgment opens a correction of a birth or death; it is answered there).</summary>
    public static VitalEvent EventOf(CourtDecisionKind kind) => kind switch
    {
        CourtDecisionKind.Divorce => VitalEvent.Divorce,
        CourtDecisionKind.Annulment => VitalEvent.Annulment,
        CourtDecisionKind.LegalSeparation => VitalEvent.LegalSeparation,
        CourtDecisionKind.SimpleAdoption or CourtDecisionKind.FullAdoption => VitalEvent.Adoption,
        CourtDecisionKind.Paternity => VitalEvent.Recognition,
        CourtDecisionKind.NameChange => VitalEvent.NameChange,
        _ => VitalEvent.Birth,
    };

    /// <summary>The act a registry look-up is made for, as the audit's purpose.</summary>
    public static string Act(Guid registrationId) => $"civil registration {registrationId}";

    public async Task<Outcome<RegistrationView>> CreateAsync(
        Guid? clientId, Guid registrationId, VitalEvent e, string dossier, DossierFacts facts, NotificationEntity? notification, Actor actor, CancellationToken ct,
        CourtDecisionEntity? decision = null)
    {
        if (decision is not null && CourtDecisions.CourtDecisionMatch.Contradictions(decision, e, dossier) is { Any: true } departs)
        {
            return Outcome<RegistrationView>.Invalid(departs);
        }

        var now = clock.GetUtcNow();
        var delay = CambodiaTime.DateOf(now).DayNumber - facts.EventDate.DayNumber;
        var late = Options.LateAfterDays(e) is { } lateAfter && delay > lateAfter;
        var name = await staff.DisplayNameAsync(actor, ct);
        var registration = new RegistrationEntity
        {
            Id = registrationId,
            Event = e,
            Status = RegistrationStatus.Entered,
            OfficeCode = OfficeCodeOf(actor, facts.EventPlaceCode),
            OfficeId = actor.OfficeId,
            Version = 1,
            EventDate = facts.EventDate,
            EventPlaceCode = facts.EventPlaceCode,
            SubjectKidc = facts.SubjectKidc,
            SubjectNameKm = facts.SubjectNameKm,
            SubjectNameLatin = facts.SubjectNameLatin,
            SubjectNameKey = NameKeys.KhmerKey(facts.SubjectNameKm),
            SubjectSex = facts.SubjectSex,
            SubjectBirthDate = facts.SubjectBirthDate,
            SubjectResidenceCode = facts.SubjectResidenceCode,
            IsLate = late,
            DelayDays = delay,
            // Late registration carries the fee of the fee table and needs a senior registrar.
            FeeRiel = late ? Options.LateFee(e) : 0,
            NeedsSeniorApproval = late,
            NotificationId = notification?.Id,
            CourtDecisionId = decision?.Id,
            Dossier = dossier,
            EnteredBy = actor.Id,
            EnteredByName = name,
            EnteredAt = now,
        };
        db.Registrations.Add(registration);
        db.Versions.Add(new RegistrationVersionEntity
        {
            RegistrationId = registration.Id, Version = 1, Dossier = dossier, At = now, By = actor.Id, Reason = "Application entered",
        });
        records.AddEvent(registration, actor, name, "entered", late ? $"Late by {delay} days; fee {registration.FeeRiel} riel" : null);
        if (notification is not null)
        {
            notification.Status = NotificationStatus.Registered;
            notification.RegistrationId = registration.Id;
        }

        if (decision is not null)
        {
            decision.Status = CourtDecisionStatus.Applied;
            decision.RegistrationId = registration.Id;
            decision.Revision++;
            // The decision's PDF becomes the registration's annex: the same stored file, by its SHA-256.
            var annex = CourtDecisions.CourtDecisionAnnex.For(decision, registration.Id, now, name);
            db.Annexes.Add(annex);
            records.AddEvent(registration, actor, name, "annex.added", $"{annex.FileName} ({annex.Sha256[..12]})");
        }

        await audit.AppendAsync(new AuditEvent(actor, $"civil.{RegistrationRecords.Kind(e)}.enter", "registration", registration.Id.ToString(), "civil registration"), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same client id arrived twice at the same moment, or the notification was taken.
            db.ChangeTracker.Clear();
            if (clientId is { } id && await ExistingAsync(id, e, actor, ct) is { } existing)
            {
                return existing;
            }

            return Outcome<RegistrationView>.Conflict(decision is null
                ? "The notification was linked to another application meanwhile."
                : "The notification or court decision was linked to another application meanwhile.");
        }

        // Just created: no annexes (but a court decision's PDF), certificates or corrections yet.
        return Outcome<RegistrationView>.Ok(await records.ViewAsync(registration, ct, fresh: decision is null));
    }

    /// <summary>The registering office's area: the actor's office, or for a national office the commune of the event.</summary>
    private static string OfficeCodeOf(Actor actor, string eventPlaceCode) =>
        actor.Jurisdiction.AreaCode ?? (eventPlaceCode.Length >= 6 ? eventPlaceCode[..6] : RegistrationNumbers.NationalOffice);
}

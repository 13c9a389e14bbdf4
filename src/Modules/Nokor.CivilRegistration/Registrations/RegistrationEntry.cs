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

    /// <summary>The act a registry look-up is made for, as the audit's purpose.</summary>
    public static string Act(Guid registrationId) => $"civil registration {registrationId}";

    public async Task<Outcome<RegistrationView>> CreateAsync(
        Guid? clientId, Guid registrationId, VitalEvent e, string dossier, DossierFacts facts, NotificationEntity? notification, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var delay = CambodiaTime.DateOf(now).DayNumber - facts.EventDate.DayNumber;
        var lateAfter = e == VitalEvent.Birth ? Options.BirthLateAfterDays : Options.DeathLateAfterDays;
        var late = delay > lateAfter;
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

            return Outcome<RegistrationView>.Conflict("The notification was linked to another application meanwhile.");
        }

        // Just created: no annexes, certificates or corrections yet.
        return Outcome<RegistrationView>.Ok(await records.ViewAsync(registration, ct, fresh: true));
    }

    /// <summary>The registering office's area: the actor's office, or for a national office the commune of the event.</summary>
    private static string OfficeCodeOf(Actor actor, string eventPlaceCode) =>
        actor.Jurisdiction.AreaCode ?? (eventPlaceCode.Length >= 6 ? eventPlaceCode[..6] : RegistrationNumbers.NationalOffice);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Numbers;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// The registration procedure of NSPI 5.3 and 6.2 Table 5: an agent enters the dossier, a different
/// staff member verifies it ("double verification of the entered data into the system by different
/// staff members before the certificates are printed"), a registrar approves it — which asks the
/// Population Registry for the child's KIDC, or records the death — or rejects it with the legal
/// reasons. A record is worked by one person at a time.
/// </summary>
internal sealed class RegistrationService(
    CivilDbContext db,
    DossierValidator validator,
    IPopulationRegistry registry,
    StaffDirectory staff,
    IAuditLog audit,
    IOptions<CivilRegistrationOptions> options,
    TimeProvider clock)
{
    private CivilRegistrationOptions Options => options.Value;

    public async Task<Outcome<RegistrationView>> EnterBirthAsync(BirthApplication application, Actor actor, CancellationToken ct)
    {
        if (application.Id is { } id && await ExistingAsync(id, VitalEvent.Birth, actor, ct) is { } existing)
        {
            return existing;
        }

        var errors = new FieldErrors();
        var registrationId = application.Id ?? Guid.CreateVersion7();
        var notification = await NotificationAsync(application.NotificationId, VitalEvent.Birth, actor, errors, ct);
        var (dossier, facts) = await validator.BirthAsync(application.Birth, actor, errors, Act(registrationId), ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        return await CreateAsync(application.Id, registrationId, VitalEvent.Birth, Dossiers.Write(dossier), facts!, notification, actor, ct);
    }

    public async Task<Outcome<RegistrationView>> EnterDeathAsync(DeathApplication application, Actor actor, CancellationToken ct)
    {
        if (application.Id is { } id && await ExistingAsync(id, VitalEvent.Death, actor, ct) is { } existing)
        {
            return existing;
        }

        var errors = new FieldErrors();
        var registrationId = application.Id ?? Guid.CreateVersion7();
        var notification = await NotificationAsync(application.NotificationId, VitalEvent.Death, actor, errors, ct);
        var (dossier, facts) = await validator.DeathAsync(application.Death, actor, errors, Act(registrationId), ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        // Another office's open application is not revealed: it gets the one "not confirmed" answer.
        var open = await db.Registrations.AsNoTracking()
            .Where(r => r.Event == VitalEvent.Death && r.SubjectKidc == facts!.SubjectKidc && r.Status != RegistrationStatus.Rejected)
            .Select(r => r.OfficeCode).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            return Outcome<RegistrationView>.Invalid("death.deceasedKidc", actor.Jurisdiction.Covers(open)
                ? "A death application for this person is already open or registered."
                : DossierValidator.NotConfirmed);
        }

        return await CreateAsync(application.Id, registrationId, VitalEvent.Death, Dossiers.Write(dossier), facts!, notification, actor, ct);
    }

    /// <summary>A retried application (same client id) answers with what the first one created, without a second record.</summary>
    private async Task<Outcome<RegistrationView>?> ExistingAsync(Guid id, VitalEvent e, Actor actor, CancellationToken ct)
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

        return Outcome<RegistrationView>.Ok(await ViewAsync(found, ct));
    }

    private async Task<NotificationEntity?> NotificationAsync(Guid? id, VitalEvent e, Actor actor, FieldErrors errors, CancellationToken ct)
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
    private static string Act(Guid registrationId) => $"civil registration {registrationId}";

    private async Task<Outcome<RegistrationView>> CreateAsync(
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
        AddEvent(registration, actor, name, "entered", late ? $"Late by {delay} days; fee {registration.FeeRiel} riel" : null);
        if (notification is not null)
        {
            notification.Status = NotificationStatus.Registered;
            notification.RegistrationId = registration.Id;
        }

        await audit.AppendAsync(new AuditEvent(actor, $"civil.{Kind(e)}.enter", "registration", registration.Id.ToString(), "civil registration"), ct);
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
        return Outcome<RegistrationView>.Ok(await ViewAsync(registration, ct, fresh: true));
    }

    /// <summary>The registering office's area: the actor's office, or for a national office the commune of the event.</summary>
    private static string OfficeCodeOf(Actor actor, string eventPlaceCode) =>
        actor.Jurisdiction.AreaCode ?? (eventPlaceCode.Length >= 6 ? eventPlaceCode[..6] : RegistrationNumbers.NationalOffice);

    /// <summary>The purpose recorded for reads made by the registration pages themselves.</summary>
    public const string PagePurpose = "civil registration: record page";

    /// <summary>
    /// The purpose a caller states for reading a registration (header X-Purpose), required and
    /// checked like the Population Registry's person reads: plain text of at most 200 characters.
    /// </summary>
    public static string? Purpose(string? text, FieldErrors errors)
    {
        var purpose = Fields.Trimmed(text);
        if (purpose is null)
        {
            errors.Add("purpose", "State the purpose of this access (header X-Purpose); it is recorded in the audit log.");
            return null;
        }

        if (purpose.Length > 200 || purpose.Any(char.IsControl))
        {
            errors.Add("purpose", "The purpose must be at most 200 characters of plain text.");
            return null;
        }

        return purpose;
    }

    /// <summary>
    /// The purpose of a read that a browser link may also make (an annex shown inline), which cannot
    /// send a header: the caller's X-Purpose when stated, checked like <see cref="Purpose"/>;
    /// otherwise <paramref name="fallback"/>.
    /// </summary>
    public static string? PurposeOr(string? text, string fallback, FieldErrors errors) =>
        Fields.Trimmed(text) is null ? fallback : Purpose(text, errors);

    public async Task<Outcome<RegistrationView>> GetAsync(Guid id, string? purposeText, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = Purpose(purposeText, errors);
        if (purpose is null)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        var r = await FindAsync(id, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<RegistrationView>.NotFound("No registration with this id in your area.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.registration.read", "registration", r.Id.ToString(), purpose), ct);
        return Outcome<RegistrationView>.Ok(await ViewAsync(r, ct));
    }

    public async Task<Outcome<IReadOnlyList<RegistrationHistoryEntry>>> HistoryAsync(Guid id, string? purposeText, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = Purpose(purposeText, errors);
        if (purpose is null)
        {
            return Outcome<IReadOnlyList<RegistrationHistoryEntry>>.Invalid(errors);
        }

        var r = await FindAsync(id, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<IReadOnlyList<RegistrationHistoryEntry>>.NotFound("No registration with this id in your area.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.registration.history", "registration", r.Id.ToString(), purpose), ct);
        var events = await db.Events.AsNoTracking().Where(e => e.RegistrationId == id).OrderBy(e => e.Id)
            .Select(e => new RegistrationHistoryEntry(e.At, e.ActorName, e.Action, e.Version, e.Note))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<RegistrationHistoryEntry>>.Ok(events);
    }

    /// <summary>Takes the record to work on it; nobody else can act on it until it is released or done.</summary>
    public async Task<Outcome<RegistrationView>> ClaimAsync(Guid id, Actor actor, CancellationToken ct) =>
        await ActAsync(id, actor, "claimed", ct, (r, name) =>
        {
            if (r.AssignedTo == actor.Id)
            {
                return null;
            }

            r.AssignedTo = actor.Id;
            r.AssignedToName = name;
            r.AssignedAt = clock.GetUtcNow();
            return null;
        });

    public async Task<Outcome<RegistrationView>> ReleaseAsync(Guid id, Actor actor, CancellationToken ct) =>
        await ActAsync(id, actor, "released", ct, (r, _) =>
        {
            Unassign(r);
            return null;
        });

    /// <summary>A supervisor (registrar) gives the record to another member of staff whose office covers it.</summary>
    public async Task<Outcome<RegistrationView>> AssignAsync(Guid id, string? userName, Actor actor, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.Registrar))
        {
            return Outcome<RegistrationView>.Invalid("userName", "Only a registrar (supervisor) can reassign a record.");
        }

        if (string.IsNullOrWhiteSpace(userName))
        {
            return Outcome<RegistrationView>.Invalid("userName", "Name the staff account to assign the record to.");
        }

        var member = await staff.FindByUserNameAsync(userName, ct);
        var record = await FindAsync(id, actor, track: false, ct);
        if (record is null)
        {
            return Outcome<RegistrationView>.NotFound("No registration with this id in your area.");
        }

        if (member is null || !new Jurisdiction(member.AreaCode).Covers(record.OfficeCode) ||
            !member.Roles.Any(r => r is Roles.Agent or Roles.Registrar))
        {
            return Outcome<RegistrationView>.Invalid("userName", "No agent or registrar with this user name works in this record's area.");
        }

        return await ActAsync(id, actor, "assigned", ct, (r, _) =>
        {
            r.AssignedTo = member.Id;
            r.AssignedToName = member.DisplayName;
            r.AssignedAt = clock.GetUtcNow();
            return null;
        }, note: member.DisplayName, supervisor: true);
    }

    public async Task<Outcome<RegistrationView>> VerifyAsync(Guid id, Actor actor, CancellationToken ct) =>
        await ActAsync(id, actor, "verified", ct, (r, name) =>
        {
            if (r.Status != RegistrationStatus.Entered)
            {
                return Outcome<RegistrationView>.Conflict($"The record is {r.Status.ToString().ToLowerInvariant()}, not waiting for verification.");
            }

            // NSPI 6.2 Table 5: double verification by different staff members.
            if (r.EnteredBy == actor.Id)
            {
                return Outcome<RegistrationView>.Invalid("verifier", "The data must be verified by a different staff member from the one who entered it.");
            }

            r.Status = RegistrationStatus.Verified;
            r.VerifiedBy = actor.Id;
            r.VerifiedByName = name;
            r.VerifiedAt = clock.GetUtcNow();
            Unassign(r);
            return null;
        });

    public async Task<Outcome<RegistrationView>> ApproveAsync(Guid id, Actor actor, CancellationToken ct)
    {
        // One tracked load for the whole approval: the save at the end is checked against the
        // revision read here, so a concurrent decision on the same record answers 409.
        var check = await FindAsync(id, actor, track: true, ct);
        if (check is null)
        {
            return Outcome<RegistrationView>.NotFound("No registration with this id in your area.");
        }

        if (ApprovalBlocked(check, actor) is { } blocked)
        {
            return blocked;
        }

        if (check.AssignedTo is not null && check.AssignedTo != actor.Id)
        {
            return Outcome<RegistrationView>.Conflict($"The record is being worked on by {check.AssignedToName}; a registrar can reassign it.");
        }

        if (check.ApprovalStartedAt is not null)
        {
            return Outcome<RegistrationView>.Conflict("The record is being approved at this moment (an interrupted approval is completed automatically): open it again.");
        }

        // The intent is durable before the registry acts: a crash after the registry's change leaves
        // a record that the recovery pass finds and completes (or undoes, once rejected). The save
        // is checked against the revision read above, so of two approvers only one gets here.
        var name = await staff.DisplayNameAsync(actor, ct);
        check.ApprovalStartedAt = clock.GetUtcNow();
        check.ApprovalStartedBy = actor.Id;
        check.ApprovalStartedByName = name;
        check.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<RegistrationView>.Conflict("The record was changed by someone else meanwhile: open it again.");
        }

        var (refused, subjectKidc) = await ApplyToRegistryAsync(check, actor, ct);
        if (refused is not null)
        {
            await ClearIntentAsync(check.Id, CancellationToken.None);
            return refused;
        }

        if (Options.EffectiveTestPause is > 0 and var pause)
        {
            Console.WriteLine($"nokor-test-hook: approval-paused {check.Id}");
            await Task.Delay(pause, CancellationToken.None);
        }

        return await FinishApprovalAsync(check, subjectKidc!, actor, name, note: null, ct);
    }

    /// <summary>
    /// Asks the Population Registry to act for an approval: registers the child, or records the
    /// death. Idempotent by the registration's reference, so a retry or the recovery pass never
    /// makes a second person or a second death.
    /// </summary>
    internal async Task<(Outcome<RegistrationView>? Refused, string? SubjectKidc)> ApplyToRegistryAsync(RegistrationEntity check, Actor actor, CancellationToken ct)
    {
        if (check.Event == VitalEvent.Birth)
        {
            var birth = Dossiers.Read<BirthDossier>(check.Dossier);
            var c = birth.Child!;
            var created = await registry.RegisterNewbornAsync(new Newborn(
                c.SurnameKm!, c.GivenNameKm!, c.SurnameLatin!, c.GivenNameLatin!,
                Enum.Parse<Sex>(c.Sex!), check.EventDate, c.BirthPlaceCode!, c.ResidenceVillageCode!, c.ResidenceAddress,
                birth.Mother?.Kidc, birth.Mother?.Kidc is null ? JoinName(birth.Mother) : null,
                birth.Father?.Kidc, birth.Father?.Kidc is null ? JoinName(birth.Father) : null,
                "Birth registered"), actor, Reference(check), ct);
            if (created.Kind == OutcomeKind.Conflict)
            {
                // Another approval of this record is registering the child at this moment.
                return (Outcome<RegistrationView>.Conflict("The record is being approved by someone else at this moment: open it again."), null);
            }

            if (!created.IsOk)
            {
                return (Outcome<RegistrationView>.Invalid("birth", "The Population Registry refused the child: " +
                    string.Join(" ", created.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))) + created.Message), null);
            }

            return (null, created.Value!.Kidc);
        }

        var recorded = await registry.RecordDeathAsync(check.SubjectKidc!, check.EventDate, actor, Reference(check), ct);
        if (recorded.Kind == OutcomeKind.Conflict)
        {
            return (Outcome<RegistrationView>.Conflict("The record is being approved by someone else at this moment: open it again."), null);
        }

        if (!recorded.IsOk)
        {
            return (Outcome<RegistrationView>.Invalid("death", "The Population Registry refused the death: " +
                string.Join(" ", recorded.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))) + recorded.Message), null);
        }

        return (null, check.SubjectKidc!);
    }

    /// <summary>
    /// Undoes what the registry did for this registration (voids the child, reverts the death),
    /// for a registration that will never be approved. True when nothing of it is left in force.
    /// </summary>
    internal async Task<bool> UndoInRegistryAsync(RegistrationEntity r, Actor actor, string reason, CancellationToken ct)
    {
        if (r.Event == VitalEvent.Birth)
        {
            // Voided now or before, or never registered: either way no child of it is in force.
            await registry.VoidNewbornAsync(Reference(r), actor, reason, ct);
            return true;
        }

        return await registry.RevertDeathAsync(Reference(r), actor, reason, ct);
    }

    /// <summary>The reference the registry knows this registration's change by.</summary>
    internal static string Reference(RegistrationEntity r) => $"crvs:{Kind(r.Event)}:{r.Id}";

    /// <summary>Takes the number and saves the approval (clearing the intent), checked against the record's revision.</summary>
    internal async Task<Outcome<RegistrationView>> FinishApprovalAsync(RegistrationEntity check, string subjectKidc, Actor actor, string deciderName, string? note, CancellationToken ct)
    {
        // The number is taken in its own atomic statement, not in a transaction held open across
        // the audit append (which commits on its own connection). A save that then fails leaves a
        // gap in the office's sequence, never a duplicate.
        var number = await RegistrationNumbers.NextAsync(db, check.Event, check.OfficeCode, CambodiaTime.Today(clock).Year, ct);
        var decider = check.ApprovalStartedBy ?? actor.Id;
        return await ApplyAsync(check, actor, "approved", ct, (r, _) =>
        {
            r.Status = RegistrationStatus.Approved;
            r.Number = number;
            r.SubjectKidc = subjectKidc;
            r.DecidedBy = decider;
            r.DecidedByName = deciderName;
            r.DecidedAt = clock.GetUtcNow();
            r.ApprovalStartedAt = null;
            r.ApprovalStartedBy = null;
            r.ApprovalStartedByName = null;
            Unassign(r);
            return null;
        }, note: note is null ? number : $"{number}; {note}");
    }

    private async Task ClearIntentAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var r = await db.Registrations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || r.ApprovalStartedAt is null)
        {
            return;
        }

        r.ApprovalStartedAt = null;
        r.ApprovalStartedBy = null;
        r.ApprovalStartedByName = null;
        r.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile: the recovery pass looks at it again later.
        }

        db.ChangeTracker.Clear();
    }

    private static Outcome<RegistrationView>? ApprovalBlocked(RegistrationEntity r, Actor actor)
    {
        if (r.Status != RegistrationStatus.Verified)
        {
            return Outcome<RegistrationView>.Conflict(r.Status == RegistrationStatus.Entered
                ? "The record must be verified by a second staff member before approval."
                : $"The record is already {r.Status.ToString().ToLowerInvariant()}.");
        }

        if (!actor.IsInRole(Roles.Registrar))
        {
            return Outcome<RegistrationView>.Invalid("approver", "Only a registrar can approve a registration.");
        }

        if (r.EnteredBy == actor.Id)
        {
            return Outcome<RegistrationView>.Invalid("approver", "The registrar approving must not be the one who entered the data.");
        }

        // Late registration needs a senior registrar's approval.
        if (r.NeedsSeniorApproval && !actor.IsInRole(Roles.SeniorRegistrar))
        {
            return Outcome<RegistrationView>.Invalid("approver", $"This registration is late ({r.DelayDays} days): a senior registrar must approve it.");
        }

        return null;
    }

    /// <summary>The registrar rejects the application, recording the legal reasons (NSPI 5.3); the decision can be printed.</summary>
    public async Task<Outcome<RegistrationView>> RejectAsync(Guid id, string? reasons, Actor actor, CancellationToken ct)
    {
        var text = Fields.Trimmed(reasons);
        if (text is null)
        {
            return Outcome<RegistrationView>.Invalid("reasons", "State the legal reasons for the rejection.");
        }

        if (text.Length > 2000 || text.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
        {
            return Outcome<RegistrationView>.Invalid("reasons", "The reasons must be at most 2,000 characters of text.");
        }

        text = KhmerText.ContainsKhmer(text) ? KhmerText.Normalize(text) : text;
        var wasVerified = false;
        var rejected = await ActAsync(id, actor, "rejected", ct, (r, name) =>
        {
            wasVerified = r.Status == RegistrationStatus.Verified;
            if (r.Status is RegistrationStatus.Approved or RegistrationStatus.Rejected)
            {
                return Outcome<RegistrationView>.Conflict($"The record is already {r.Status.ToString().ToLowerInvariant()}.");
            }

            if (!actor.IsInRole(Roles.Registrar))
            {
                return Outcome<RegistrationView>.Invalid("reasons", "Only a registrar can reject a registration.");
            }

            r.Status = RegistrationStatus.Rejected;
            r.RejectionReasons = text;
            r.DecidedBy = actor.Id;
            r.DecidedByName = name;
            r.DecidedAt = clock.GetUtcNow();
            Unassign(r);
            return null;
        }, note: text);

        // A record rejected after (part of) an approval reached the registry must leave nothing
        // there: the child is voided, the death reverted. An intent stays set on the record so that
        // the recovery pass does it again once any approval still in flight has finished.
        if (rejected.IsOk && wasVerified)
        {
            var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            await UndoInRegistryAsync(r, actor, "registration rejected", CancellationToken.None);
        }

        return rejected;
    }

    /// <summary>
    /// Loads the record in the actor's area, checks it is not held by someone else, applies the
    /// change, writes the history line and the audit entry, and saves with optimistic concurrency.
    /// </summary>
    private async Task<Outcome<RegistrationView>> ActAsync(
        Guid id, Actor actor, string action, CancellationToken ct,
        Func<RegistrationEntity, string, Outcome<RegistrationView>?> change, string? note = null, bool supervisor = false)
    {
        var r = await FindAsync(id, actor, track: true, ct);
        if (r is null)
        {
            return Outcome<RegistrationView>.NotFound("No registration with this id in your area.");
        }

        if (!supervisor && r.AssignedTo is not null && r.AssignedTo != actor.Id)
        {
            return Outcome<RegistrationView>.Conflict($"The record is being worked on by {r.AssignedToName}; a registrar can reassign it.");
        }

        return await ApplyAsync(r, actor, action, ct, change, note);
    }

    /// <summary>The second half of <see cref="ActAsync"/>, for a record already loaded with tracking and checked.</summary>
    private async Task<Outcome<RegistrationView>> ApplyAsync(
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
                "{\"error\":\"changed meanwhile\"}"), CancellationToken.None);
            return Outcome<RegistrationView>.Conflict("The record was changed by someone else meanwhile: open it again.");
        }

        return Outcome<RegistrationView>.Ok(await ViewAsync(r, ct, approvedBefore: approvedBefore));
    }

    private static void Unassign(RegistrationEntity r)
    {
        r.AssignedTo = null;
        r.AssignedToName = null;
        r.AssignedAt = null;
    }

    internal void AddEvent(RegistrationEntity r, Actor actor, string name, string action, string? note) =>
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

        var certificates = (await db.Certificates.AsNoTracking().Where(c => c.RegistrationId == r.Id).ToListAsync(ct))
            .OrderBy(c => c.IssuedAt)
            .Select(c => new CertificateView(c.Id, c.Serial, c.RegistrationVersion, c.Issue,
                c.RegistrationVersion == r.Version ? CertificateState.Current : CertificateState.Superseded,
                c.IssuedAt, c.IssuedByName, c.FeeRiel))
            .ToList();
        var corrections = (await db.Corrections.AsNoTracking().Where(c => c.RegistrationId == r.Id).ToListAsync(ct))
            .OrderBy(c => c.RequestedAt)
            .Select(c => new CorrectionView(c.Id, c.BaseVersion, c.Status, c.Reason, c.EvidenceAnnexId, c.RequestedByName,
                c.RequestedAt, c.DecidedByName, c.DecidedAt, c.DecisionNote, c.ResultingVersion))
            .ToList();
        return View(r, annexes, certificates, corrections);
    }

    private static RegistrationView View(RegistrationEntity r, IReadOnlyList<AnnexView> annexes, IReadOnlyList<CertificateView> certificates, IReadOnlyList<CorrectionView> corrections) =>
        new(
            r.Id, r.Event, r.Status, r.Number, r.OfficeCode, r.Version, r.EventDate.ToString("yyyy-MM-dd"), r.EventPlaceCode,
            r.SubjectKidc, r.SubjectNameKm, r.SubjectNameLatin, r.IsLate, r.DelayDays, r.FeeRiel, r.NeedsSeniorApproval,
            r.NotificationId, r.EnteredByName, r.EnteredAt, r.VerifiedByName, r.VerifiedAt, r.DecidedByName, r.DecidedAt,
            r.RejectionReasons, r.AssignedToName, Dossiers.Birth(r), Dossiers.Death(r), annexes, certificates, corrections);

    public static string Kind(VitalEvent e) => e == VitalEvent.Birth ? "birth" : "death";

    private static string? JoinName(ParentDetails? p) => p?.SurnameKm is null ? null : $"{p.SurnameKm} {p.GivenNameKm}".Trim();
}

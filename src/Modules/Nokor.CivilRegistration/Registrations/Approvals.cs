using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Numbers;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

using Nokor.Platform.Dates;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// The steps of an approval that <see cref="ApproveRegistration"/>, <see cref="RejectRegistration"/>
/// and <see cref="ApprovalRecovery"/> share: asking the Population Registry to act (or undo), and
/// taking the number while saving the approval.
/// </summary>
internal sealed class Approvals(CivilDbContext db, RegistrationRecords records, IPopulationRegistry registry, EventProcedures procedures, TimeProvider clock)
{
    /// <summary>
    /// Asks the Population Registry to act for an approval: registers the child, or records the
    /// death. Idempotent by the registration's reference, so a retry or the recovery pass never
    /// makes a second person or a second death.
    /// </summary>
    public async Task<(Outcome<RegistrationView>? Refused, string? SubjectKidc)> ApplyToRegistryAsync(RegistrationEntity check, Actor actor, CancellationToken ct)
    {
        if (check.Event is not (VitalEvent.Birth or VitalEvent.Death))
        {
            return await procedures.For(check.Event).ApplyToRegistryAsync(check, actor, ct);
        }

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
            // A conflict: another approval of this record is registering the child at this moment.
            return RegistryAnswer(created, "birth", "child", created.Value?.Kidc);
        }

        var recorded = await registry.RecordDeathAsync(check.SubjectKidc!, check.EventDate, actor, Reference(check), ct);
        return RegistryAnswer(recorded, "death", "death", check.SubjectKidc!);
    }

    /// <summary>
    /// The Population Registry's answer as the approval's: a conflict (another approval of this
    /// record at this moment), or its refusal on <paramref name="field"/> naming <paramref name="what"/>,
    /// or the subject's KIDC. Every event's procedure answers through it.
    /// </summary>
    public static (Outcome<RegistrationView>? Refused, string? SubjectKidc) RegistryAnswer<T>(Outcome<T> outcome, string field, string what, string? subjectKidc)
    {
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            return (Outcome<RegistrationView>.Conflict("The record is being approved by someone else at this moment: open it again."), null);
        }

        if (!outcome.IsOk)
        {
            return (Outcome<RegistrationView>.Invalid(field, $"The Population Registry refused the {what}: " +
                string.Join(" ", outcome.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))) + outcome.Message), null);
        }

        return (null, subjectKidc);
    }

    /// <summary>
    /// Undoes what the registry did for this registration (voids the child, reverts the death),
    /// for a registration that will never be approved. True when nothing of it is left in force.
    /// </summary>
    public async Task<bool> UndoInRegistryAsync(RegistrationEntity r, Actor actor, string reason, CancellationToken ct)
    {
        if (r.Event is not (VitalEvent.Birth or VitalEvent.Death))
        {
            return await procedures.For(r.Event).UndoInRegistryAsync(r, actor, reason, ct);
        }

        if (r.Event == VitalEvent.Birth)
        {
            // Voided now or before, or never registered: either way no child of it is in force.
            await registry.VoidNewbornAsync(Reference(r), actor, reason, ct);
            return true;
        }

        return await registry.RevertDeathAsync(Reference(r), actor, reason, ct);
    }

    /// <summary>The reference the registry knows this registration's change by.</summary>
    public static string Reference(RegistrationEntity r) => $"crvs:{RegistrationRecords.Kind(r.Event)}:{r.Id}";

    /// <summary>Takes the number and saves the approval (clearing the intent), checked against the record's revision.</summary>
    public async Task<Outcome<RegistrationView>> FinishApprovalAsync(RegistrationEntity check, string? subjectKidc, Actor actor, string deciderName, string? note, CancellationToken ct)
    {
        // The number is taken in its own atomic statement, not in a transaction held open across
        // the audit append (which commits on its own connection). A save that then fails leaves a
        // gap in the office's sequence, never a duplicate.
        var number = await RegistrationNumbers.NextAsync(db, check.Event, check.OfficeCode, CambodiaTime.Today(clock).Year, ct);
        var decider = check.ApprovalStartedBy ?? actor.Id;
        if (check.Event is not (VitalEvent.Birth or VitalEvent.Death) &&
            await procedures.For(check.Event).OnApprovingAsync(check, number, actor, ct) is { } refused)
        {
            return refused;
        }

        // The death of a married person ends their marriage in the marriage register.
        if (check.Event == VitalEvent.Death && (subjectKidc ?? check.SubjectKidc) is { } deceased)
        {
            await Marriages.MarriageRegister.EndByDeathAsync(db, records, deciderName, check, deceased, number, actor, ct);
        }

        return await records.ApplyAsync(check, actor, "approved", ct, (r, _) =>
        {
            r.Status = RegistrationStatus.Approved;
            r.Number = number;
            r.SubjectKidc = subjectKidc ?? r.SubjectKidc;
            r.DecidedBy = decider;
            r.DecidedByName = deciderName;
            r.DecidedAt = clock.GetUtcNow();
            r.ApprovalStartedAt = null;
            r.ApprovalStartedBy = null;
            r.ApprovalStartedByName = null;
            RegistrationRecords.Unassign(r);
            return null;
        }, note: note is null ? number : $"{number}; {note}");
    }

    public async Task ClearIntentAsync(Guid id, CancellationToken ct)
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

    private static string? JoinName(ParentDetails? p) => p?.SurnameKm is null ? null : $"{p.SurnameKm} {p.GivenNameKm}".Trim();
}

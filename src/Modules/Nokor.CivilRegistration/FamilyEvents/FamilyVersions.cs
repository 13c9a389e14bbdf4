using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Corrections;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// What the procedures of the family events share at approval: the registry's refusal as the
/// approval's answer, and the new version an approved event gives another registration (the
/// child's birth registration, a marriage registration naming a person whose name changed),
/// written the way a correction writes one (<see cref="RegistrationVersions"/>) in the approving save.
/// </summary>
internal sealed class FamilyVersions(CivilDbContext db, RegistrationRecords records, StaffDirectory staff, TimeProvider clock)
{
    /// <summary>The Population Registry's answer as the approval's: a conflict (another approval at this moment) or a refusal on <paramref name="field"/>.</summary>
    public static (Outcome<RegistrationView>? Refused, string? SubjectKidc) Answer<T>(Outcome<T> outcome, string field, string what, string? subjectKidc)
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
    /// Adds the next version of <paramref name="target"/> with <paramref name="dossier"/> and its history
    /// line (<paramref name="action"/>, noting the event's registration <paramref name="number"/>); saved
    /// with the approval, checked against the target's revision.
    /// </summary>
    public async Task AddAsync<T>(RegistrationEntity target, T dossier, Actor actor, string action, string number, string reason, CancellationToken ct)
    {
        RegistrationVersions.Add(db, target, Dossiers.Write(dossier), actor.Id, $"{reason} ({number})", clock.GetUtcNow());
        records.AddEvent(target, actor, await staff.DisplayNameAsync(actor, ct), action, number);
    }
}

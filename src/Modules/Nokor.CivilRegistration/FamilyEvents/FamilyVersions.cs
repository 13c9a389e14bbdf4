using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Corrections;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// What the procedures of the family events share at approval: the new version an approved event
/// gives another registration (the child's birth registration, a marriage registration naming a
/// person whose name changed), written the way a correction writes one (<see cref="RegistrationVersions"/>) in the approving save.
/// </summary>
internal sealed class FamilyVersions(CivilDbContext db, RegistrationRecords records, StaffDirectory staff, TimeProvider clock)
{
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

using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Marriages;

/// <summary>The marriage register's part in the approval of a death: the deceased's marriage in force (or suspended) ends by the death.</summary>
internal static class MarriageRegister
{
    /// <summary>
    /// Adds to the tracked context the end by death of the deceased's marriage that is in force or
    /// separated on the date of death, with a history line on the marriage registration; saved in
    /// the death's approving save (a concurrent change of the marriage row answers 409 there).
    /// </summary>
    public static async Task EndByDeathAsync(
        CivilDbContext db, RegistrationRecords records, string actorName, RegistrationEntity death, string deceasedKidc, string number, Actor actor, CancellationToken ct)
    {
        var marriages = await db.Marriages
            .Where(m => (m.HusbandKidc == deceasedKidc || m.WifeKidc == deceasedKidc) &&
                (m.State == MarriageState.InForce || m.State == MarriageState.Separated) && m.MarriageDate <= death.EventDate)
            .ToListAsync(ct);
        foreach (var m in marriages)
        {
            m.State = MarriageState.EndedByDeath;
            m.EndedOn = death.EventDate;
            m.EndedByRegistrationId = death.Id;
            m.EndedByNumber = number;
            m.Revision++;
            var registration = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == m.RegistrationId, ct);
            records.AddEvent(registration, actor, actorName, "ended-by-death", $"{number}; {death.EventDate:yyyy-MM-dd}");
        }
    }
}

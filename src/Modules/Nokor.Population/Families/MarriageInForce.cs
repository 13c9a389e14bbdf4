using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.Population.Families;

/// <summary>
/// The marriage in force of a person (a legally separated person's marriage is still in force),
/// for the bigamy check of a new marriage. Audited as <c>person.marriage.read</c> under the
/// caller's purpose, whatever the answer.
/// </summary>
internal static class MarriageInForce
{
    public static async Task<SpouseLink?> HandleAsync(string kidc, Actor actor, string purpose, FamilySteps steps, IAuditLog audit, CancellationToken ct)
    {
        if (!KidcRule.IsValid(kidc))
        {
            return null;
        }

        var link = await steps.Db.PersonSpouses.AsNoTracking()
            .Where(s => s.PersonKidc == kidc && s.EndedBy == null)
            .OrderByDescending(s => s.Id)
            .FirstOrDefaultAsync(ct);
        await audit.AppendAsync(new AuditEvent(actor, "person.marriage.read", "person", kidc, FamilySteps.Trim(purpose, 500),
            link is null ? "{\"inForce\":false}" : "{\"inForce\":true}"), ct);
        return link is null ? null : FamilySteps.ToLink(link);
    }
}

using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.Population.Families;

/// <summary>
/// What a recorded death does to the deceased's marriage in force, and its undoing when the death
/// is reverted: the links of both spouses end on the date of death (<see cref="MarriageEndKind.Death"/>,
/// under the death's reference) and the survivor becomes widowed, in a new version. The deceased's
/// own marital status stays what it was at death.
/// </summary>
internal static class DeathOfSpouse
{
    /// <summary>Ends the marriage in force of the deceased, if any; a second call finds none and does nothing.</summary>
    public static async Task EndAsync(string kidc, DateOnly deathDate, Actor actor, string reference, FamilySteps steps, IAuditLog audit, CancellationToken ct)
    {
        var db = steps.Db;
        var own = await db.PersonSpouses.Where(s => s.PersonKidc == kidc && s.EndedBy == null).ToListAsync(ct);
        if (own.Count == 0)
        {
            return;
        }

        var marriages = own.Select(s => s.MarriageReference).ToList();
        var survivors = await db.PersonSpouses
            .Where(s => marriages.Contains(s.MarriageReference) && s.PersonKidc != kidc && s.EndedBy == null)
            .ToListAsync(ct);
        var survivorIds = survivors.Select(s => s.PersonId).ToList();
        var persons = await db.Persons.Where(p => survivorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var link in own.Concat(survivors))
        {
            link.Until = deathDate;
            link.EndedBy = MarriageEndKind.Death;
            link.EndReference = reference;
        }

        var text = $"Spouse's death registered ({reference})";
        foreach (var link in survivors)
        {
            var survivor = persons[link.PersonId];
            survivor.MaritalStatus = MaritalStatus.Widowed;
            steps.AddVersion(survivor, actor, text, "maritalStatus,spouses", reference);
            await audit.AppendAsync(new AuditEvent(actor, "person.marriage.end", "person", survivor.Kidc, text,
                AuditDetails.Of(new { reference, kind = nameof(MarriageEndKind.Death), version = survivor.Version })), ct);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Whether the links the death under <paramref name="reference"/> ended can be reopened: false
    /// when a survivor has married again since.
    /// </summary>
    public static async Task<bool> CanReopenAsync(string reference, FamilySteps steps, CancellationToken ct)
    {
        var db = steps.Db;
        var ended = await db.PersonSpouses.AsNoTracking()
            .Where(s => s.EndReference == reference && s.EndedBy == MarriageEndKind.Death)
            .Select(s => new { s.Id, s.PersonKidc })
            .ToListAsync(ct);
        foreach (var link in ended)
        {
            if (await db.PersonSpouses.AnyAsync(s => s.PersonKidc == link.PersonKidc && s.Id > link.Id, ct))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reopens the links the death ended (tracked, saved by the caller with the revived person): the
    /// survivor is married again, or separated when the marriage was suspended.
    /// </summary>
    public static async Task ReopenAsync(string reference, Guid deceasedId, Actor actor, string reason, FamilySteps steps, IAuditLog audit, CancellationToken ct)
    {
        var db = steps.Db;
        var ended = await db.PersonSpouses.Where(s => s.EndReference == reference && s.EndedBy == MarriageEndKind.Death).ToListAsync(ct);
        var survivorIds = ended.Where(s => s.PersonId != deceasedId).Select(s => s.PersonId).ToList();
        var persons = await db.Persons.Where(p => survivorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var text = $"Spouse's death reverted: {reason} ({reference})";
        foreach (var link in ended)
        {
            link.Until = null;
            link.EndedBy = null;
            link.EndReference = null;
            if (persons.TryGetValue(link.PersonId, out var survivor))
            {
                survivor.MaritalStatus = link.SeparatedOn is null ? MaritalStatus.Married : MaritalStatus.Separated;
                steps.AddVersion(survivor, actor, text, "maritalStatus,spouses", FamilySteps.RevertPrefix + reference);
                await audit.AppendAsync(new AuditEvent(actor, "person.revert", "person", survivor.Kidc, FamilySteps.Trim(text, 500),
                    AuditDetails.Of(new { reference, version = survivor.Version })), ct);
            }
        }
    }
}

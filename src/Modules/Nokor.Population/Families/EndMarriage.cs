using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Persons;

namespace Nokor.Population.Families;

/// <summary>
/// Ends a recorded marriage (divorce, annulment) or suspends it (legal separation): the spouse
/// links keep their history, and each spouse's marital status follows: divorced; separated; for
/// an annulment, what it was before the marriage. A separated marriage may still end in a divorce.
/// </summary>
internal static class EndMarriage
{
    public static async Task<Outcome<MarriageRecorded>> HandleAsync(
        MarriageEnd end, Actor actor, string reference, FamilySteps steps, IAuditLog audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(end);
        var claimant = await steps.Db.PersonSpouses.AsNoTracking()
            .Where(s => s.MarriageReference == end.MarriageReference)
            .Select(s => s.PersonId)
            .FirstOrDefaultAsync(ct);
        return await steps.OnceAsync(reference, claimant,
            () => steps.RecordedAsync(reference, ct),
            () => WriteAsync(end, actor, reference, steps, audit, ct), ct);
    }

    private static async Task<Outcome<MarriageRecorded>> WriteAsync(
        MarriageEnd end, Actor actor, string reference, FamilySteps steps, IAuditLog audit, CancellationToken ct)
    {
        var db = steps.Db;
        var errors = new FieldErrors();
        var reason = ChangeRequest.Reason(end.Reason, required: true, errors);
        if (end.Kind == MarriageEndKind.Death)
        {
            errors.Add("kind", "A death ends a marriage through the registration of the death.");
        }
        else if (!Enum.IsDefined(end.Kind))
        {
            errors.Add("kind", "Use Divorce, Annulment or LegalSeparation.");
        }

        if (end.Date > steps.Today)
        {
            errors.Add("date", "The date is in the future.");
        }

        var links = await db.PersonSpouses.Where(s => s.MarriageReference == end.MarriageReference).OrderBy(s => s.Id).ToListAsync(ct);
        if (links.Count == 0)
        {
            errors.Add("marriageReference", "No marriage is recorded in the Population Registry under this reference.");
        }
        else if (links[0].EndedBy is { } endedBy)
        {
            errors.Add("marriageReference", $"This marriage already ended: {endedBy} on {links[0].Until:yyyy-MM-dd}.");
        }
        else if (end.Kind == MarriageEndKind.LegalSeparation && links[0].SeparatedOn is { } separated)
        {
            errors.Add("marriageReference", $"This marriage is already suspended by a legal separation since {separated:yyyy-MM-dd}.");
        }
        else if (end.Date < links[0].From)
        {
            errors.Add("date", $"The date is before the marriage ({links[0].From:yyyy-MM-dd}).");
        }
        else if (links[0].SeparatedOn is { } since && end.Date < since)
        {
            errors.Add("date", $"The date is before the legal separation ({since:yyyy-MM-dd}).");
        }

        if (errors.Any)
        {
            return Outcome<MarriageRecorded>.Invalid(errors);
        }

        var ids = links.Select(l => l.PersonId).ToList();
        var persons = await db.Persons.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var text = $"{reason} ({reference})";
        var changed = new List<Data.PersonEntity>();
        foreach (var link in links)
        {
            var person = persons[link.PersonId];
            if (end.Kind == MarriageEndKind.LegalSeparation)
            {
                link.SeparatedOn = end.Date;
                link.SeparationReference = reference;
                person.MaritalStatus = MaritalStatus.Separated;
            }
            else
            {
                link.Until = end.Date;
                link.EndedBy = end.Kind;
                link.EndReference = reference;
                person.MaritalStatus = end.Kind == MarriageEndKind.Divorce ? MaritalStatus.Divorced : link.StatusBefore;
            }

            steps.AddVersion(person, actor, text, "maritalStatus,spouses", reference);
            changed.Add(person);
        }

        foreach (var person in changed)
        {
            await audit.AppendAsync(new AuditEvent(actor, "person.marriage.end", "person", person.Kidc, FamilySteps.Trim(text, 500),
                AuditDetails.Of(new { reference, marriage = end.MarriageReference, kind = end.Kind.ToString(), version = person.Version })), ct);
        }

        if (await steps.SaveAsync(ct) is { } conflict)
        {
            return Outcome<MarriageRecorded>.Conflict(conflict);
        }

        return Outcome<MarriageRecorded>.Ok(new MarriageRecorded(
            changed.Select(p => p.Kidc).ToList(), changed.Select(p => p.MaritalStatus).ToList()));
    }
}

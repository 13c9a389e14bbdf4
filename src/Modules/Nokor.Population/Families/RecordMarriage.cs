using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Persons;

namespace Nokor.Population.Families;

/// <summary>
/// Records an approved marriage: each spouse in the registry gets a spouse link and becomes
/// married, in a new version written under the marriage's reference. A spouse with a death
/// recorded is refused, even one who died after the date: the registry records a marriage while
/// both spouses live. Only the registered links
/// count as "already married": a status of married declared when a person was registered (a
/// marriage older than the registry, never registered) does not, since the registry cannot name it.
/// </summary>
internal static class RecordMarriage
{
    public const int MaxForeignNameLength = 300;

    public static async Task<Outcome<MarriageRecorded>> HandleAsync(
        MarriageLink marriage, Actor actor, string reference, FamilySteps steps, IAuditLog audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(marriage);
        var db = steps.Db;
        var codes = new[] { marriage.HusbandKidc, marriage.WifeKidc }.Where(k => k is not null && KidcRule.IsValid(k)).Cast<string>().ToList();
        var claimant = codes.Count == 0
            ? Guid.Empty
            : await db.Persons.AsNoTracking().Where(p => codes.Contains(p.Kidc)).Select(p => p.Id).FirstOrDefaultAsync(ct);
        return await steps.OnceAsync(reference, claimant,
            () => steps.RecordedAsync(reference, ct),
            () => WriteAsync(marriage, actor, reference, steps, audit, ct), ct);
    }

    private static async Task<Outcome<MarriageRecorded>> WriteAsync(
        MarriageLink marriage, Actor actor, string reference, FamilySteps steps, IAuditLog audit, CancellationToken ct)
    {
        var db = steps.Db;
        var errors = new FieldErrors();
        var reason = ChangeRequest.Reason(marriage.Reason, required: true, errors);
        if (marriage.Date > steps.Today)
        {
            errors.Add("date", "The date of the marriage is in the future.");
        }

        var husband = await SpouseAsync("husband", marriage.HusbandKidc, marriage.HusbandName, marriage.Date, db, errors, ct);
        var wife = await SpouseAsync("wife", marriage.WifeKidc, marriage.WifeName, marriage.Date, db, errors, ct);
        if (marriage.HusbandKidc is null && marriage.WifeKidc is null)
        {
            errors.Add("husbandKidc", "At least one spouse must be in the Population Registry: give the husband's or the wife's KIDC.");
        }
        else if (marriage.HusbandKidc is not null && marriage.HusbandKidc == marriage.WifeKidc)
        {
            errors.Add("wifeKidc", "The husband and the wife are the same person (the same KIDC twice).");
        }

        if (errors.Any)
        {
            return Outcome<MarriageRecorded>.Invalid(errors);
        }

        var text = $"{reason} ({reference})";
        var changed = new List<PersonEntity>();
        foreach (var (person, spouse, spouseName) in new[]
                 {
                     (husband.Person, marriage.WifeKidc, wife.Name),
                     (wife.Person, marriage.HusbandKidc, husband.Name),
                 })
        {
            if (person is null)
            {
                continue;
            }

            db.PersonSpouses.Add(new PersonSpouseEntity
            {
                PersonId = person.Id,
                PersonKidc = person.Kidc,
                SpouseKidc = spouse,
                SpouseName = spouse is null ? spouseName : null,
                From = marriage.Date,
                MarriageReference = reference,
                StatusBefore = person.MaritalStatus,
            });
            person.MaritalStatus = MaritalStatus.Married;
            steps.AddVersion(person, actor, text, "maritalStatus,spouses", reference);
            changed.Add(person);
        }

        foreach (var person in changed)
        {
            await audit.AppendAsync(new AuditEvent(actor, "person.marriage", "person", person.Kidc, FamilySteps.Trim(text, 500),
                AuditDetails.Of(new { reference, version = person.Version })), ct);
        }

        if (await steps.SaveAsync(ct) is { } conflict)
        {
            return Outcome<MarriageRecorded>.Conflict(conflict);
        }

        return Outcome<MarriageRecorded>.Ok(new MarriageRecorded(
            changed.Select(p => p.Kidc).ToList(), changed.Select(p => p.MaritalStatus).ToList()));
    }

    /// <summary>
    /// One spouse: a person in the registry by KIDC (alive on the date, born before it, no
    /// marriage in force), or a spouse without a KIDC by name. Errors go on <c>husbandKidc</c>,
    /// <c>wifeKidc</c>, <c>husbandName</c> or <c>wifeName</c>.
    /// </summary>
    private static async Task<(PersonEntity? Person, string? Name)> SpouseAsync(
        string role, string? kidc, string? name, DateOnly date, PopulationDbContext db, FieldErrors errors, CancellationToken ct)
    {
        var field = role + "Kidc";
        if (kidc is null)
        {
            var text = TextFields.Read(errors, role + "Name", name, MaxForeignNameLength, required: true, validateKhmer: false);
            return (null, text);
        }

        if (!KidcRule.IsValid(kidc))
        {
            errors.Add(field, ChangeRequest.InvalidKidc);
            return (null, null);
        }

        var person = await db.Persons.FirstOrDefaultAsync(p => p.Kidc == kidc, ct);
        if (person is null)
        {
            errors.Add(field, "No person with this KIDC is in the Population Registry.");
            return (null, null);
        }

        if (person.LifeStatus == LifeStatus.Deceased)
        {
            // A marriage is recorded while both spouses live (civil registration's entry refuses the
            // same at entry, so that an approval never fails here).
            errors.Add(field, person.DeathDate is { } died && died > date
                ? $"This person has since died ({died:yyyy-MM-dd}); a marriage is recorded while both spouses live."
                : "This person is recorded as deceased on the date of the marriage.");
            return (null, null);
        }

        if (new Nokor.Platform.Dates.PartialDate(person.BirthYear, person.BirthMonth, person.BirthDay).Earliest > date)
        {
            errors.Add(field, "This person was born after the date of the marriage.");
            return (null, null);
        }

        var existing = await db.PersonSpouses.AsNoTracking()
            .Where(s => s.PersonKidc == kidc && s.EndedBy == null)
            .OrderByDescending(s => s.Id)
            .Select(s => new { s.MarriageReference, s.From, s.SeparatedOn })
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            errors.Add(field, existing.SeparatedOn is null
                ? $"This person is already married: the marriage recorded under {existing.MarriageReference} (from {existing.From:yyyy-MM-dd}) is in force."
                : $"This person is legally separated, still married: the marriage recorded under {existing.MarriageReference} (from {existing.From:yyyy-MM-dd}) is in force until a divorce.");
            return (null, null);
        }

        return (person, null);
    }
}

using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Persons;

namespace Nokor.Population.Families;

/// <summary>
/// Changes a child's parents after an approved recognition, legitimization or adoption, in a new
/// version of the child written under the event's reference:
/// <list type="bullet">
/// <item>a recognition or legitimization fills a missing parent (a parent declared only by name at
/// birth counts as missing: the recognizing parent's KIDC replaces the name); a child who already
/// has that parent, or another person in that role, is refused on <c>parentKidc</c>;</item>
/// <item>a simple adoption adds adoptive parents beside the parents, who stay;</item>
/// <item>a full adoption makes the adoptive parents the child's father and mother (and gives the new
/// names when the decision sets them); the parents it replaces are kept as sealed links, not shown
/// in the record and still followed by the kinship check. A parent who adopts their spouse's
/// child together with them keeps their place.</item>
/// </list>
/// Every parent must be in the registry, of the role's sex, born before the child and alive on the date.
/// </summary>
internal static class ChangeParents
{
    public static async Task<Outcome<PersonRecord>> HandleAsync(
        ParentageChange change, Actor actor, string reference, FamilySteps steps, PersonValidator validator, PersonRecords records,
        IAuditLog audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var db = steps.Db;
        var childId = KidcRule.IsValid(change.ChildKidc)
            ? await db.Persons.AsNoTracking().Where(p => p.Kidc == change.ChildKidc).Select(p => p.Id).FirstOrDefaultAsync(ct)
            : Guid.Empty;
        return await steps.OnceAsync(reference, childId,
            async () =>
            {
                var child = await db.Persons.AsNoTracking().Include(p => p.Documents).FirstAsync(p => p.Id == childId, ct);
                return await records.ToRecordAsync(child, Jurisdiction.National, ct);
            },
            () => WriteAsync(change, actor, reference, steps, validator, records, audit, ct), ct);
    }

    private static async Task<Outcome<PersonRecord>> WriteAsync(
        ParentageChange change, Actor actor, string reference, FamilySteps steps, PersonValidator validator, PersonRecords records,
        IAuditLog audit, CancellationToken ct)
    {
        var db = steps.Db;
        var errors = new FieldErrors();
        var reason = ChangeRequest.Reason(change.Reason, required: true, errors);
        if (!Enum.IsDefined(change.Kind))
        {
            errors.Add("kind", "Use Recognition, Legitimization, SimpleAdoption or FullAdoption.");
        }

        if (change.Date > steps.Today)
        {
            errors.Add("date", "The date is in the future.");
        }

        if (!KidcRule.IsValid(change.ChildKidc))
        {
            return Outcome<PersonRecord>.Invalid("childKidc", ChangeRequest.InvalidKidc);
        }

        var child = await db.Persons.Include(p => p.Documents).FirstOrDefaultAsync(p => p.Kidc == change.ChildKidc, ct);
        if (child is null)
        {
            return Outcome<PersonRecord>.Invalid("childKidc", "No person with this KIDC is in the Population Registry.");
        }

        var given = new List<(ParentRole Role, string Kidc)>();
        if (change.FatherKidc is not null) given.Add((ParentRole.Father, change.FatherKidc));
        if (change.MotherKidc is not null) given.Add((ParentRole.Mother, change.MotherKidc));
        if (given.Count == 0)
        {
            errors.Add("parentKidc", "Name the parent by KIDC: the father's, the mother's, or both.");
        }
        else if (change.FatherKidc == change.MotherKidc)
        {
            errors.Add("parentKidc", "The father and the mother cannot be the same person.");
        }

        foreach (var (role, kidc) in given)
        {
            await CheckParentAsync(role, kidc, child, change.Date, db, errors, ct);
        }

        var existingAdoptive = await db.PersonParents.AsNoTracking()
            .Where(l => l.ChildId == child.Id && l.Kind == ParentLinkKind.Adoptive)
            .Select(l => l.ParentKidc)
            .ToListAsync(ct);
        var changed = new List<string>();
        if (!errors.Any)
        {
            switch (change.Kind)
            {
                case ParentageKind.Recognition or ParentageKind.Legitimization:
                    foreach (var (role, kidc) in given)
                    {
                        var current = role == ParentRole.Father ? child.FatherKidc : child.MotherKidc;
                        var word = role == ParentRole.Father ? "father" : "mother";
                        if (current == kidc)
                        {
                            errors.Add("parentKidc", $"The child already has this {word}.");
                        }
                        else if (current is not null)
                        {
                            errors.Add("parentKidc", $"The child already has another {word} in the registry: a recognition fills only a missing parent.");
                        }
                    }

                    break;
                case ParentageKind.SimpleAdoption or ParentageKind.FullAdoption:
                    foreach (var (role, kidc) in given)
                    {
                        if (existingAdoptive.Contains(kidc))
                        {
                            errors.Add("parentKidc", "This person is already an adoptive parent of the child.");
                        }
                        else if (change.Kind == ParentageKind.SimpleAdoption && (child.FatherKidc == kidc || child.MotherKidc == kidc))
                        {
                            errors.Add("parentKidc", "This person is already a parent of the child.");
                        }
                    }

                    break;
            }
        }

        if (errors.Any)
        {
            return Outcome<PersonRecord>.Invalid(errors);
        }

        switch (change.Kind)
        {
            case ParentageKind.Recognition or ParentageKind.Legitimization:
                foreach (var (role, kidc) in given)
                {
                    SetParent(child, role, kidc, changed);
                }

                break;
            case ParentageKind.SimpleAdoption:
                foreach (var (role, kidc) in given)
                {
                    db.PersonParents.Add(Link(child, role, ParentLinkKind.Adoptive, kidc, null, change.Date, reference));
                }

                changed.Add("adoptiveParents");
                break;
            case ParentageKind.FullAdoption:
                var names = new PersonFields
                {
                    SurnameKm = change.NewSurnameKm,
                    GivenNameKm = change.NewGivenNameKm,
                    SurnameLatin = change.NewSurnameLatin,
                    GivenNameLatin = change.NewGivenNameLatin,
                };
                changed.AddRange(await validator.ApplyAsync(names, child, isNew: false, FamilySteps.Nationally(actor), errors, ct));
                if (errors.Any)
                {
                    db.ChangeTracker.Clear();
                    return Outcome<PersonRecord>.Invalid(errors);
                }

                foreach (var role in Enum.GetValues<ParentRole>())
                {
                    var adopter = given.Where(g => g.Role == role).Select(g => g.Kidc).FirstOrDefault();
                    var (currentKidc, currentName) = role == ParentRole.Father
                        ? (child.FatherKidc, child.FatherNameKm)
                        : (child.MotherKidc, child.MotherNameKm);
                    if (adopter is not null && adopter == currentKidc)
                    {
                        continue;
                    }

                    if (currentKidc is not null || currentName is not null)
                    {
                        db.PersonParents.Add(Link(child, role, ParentLinkKind.Sealed, currentKidc, currentKidc is null ? currentName : null, change.Date, reference));
                        changed.Add("sealedParents");
                    }

                    if (adopter is not null)
                    {
                        db.PersonParents.Add(Link(child, role, ParentLinkKind.FullAdoptive, adopter, null, change.Date, reference));
                    }

                    SetParent(child, role, adopter, changed);
                }

                break;
        }

        var text = $"{reason} ({reference})";
        steps.AddVersion(child, actor, text, string.Join(',', changed.Distinct()), reference);
        await audit.AppendAsync(new AuditEvent(actor, "person.parents", "person", child.Kidc, FamilySteps.Trim(text, 500),
            AuditDetails.Of(new { reference, kind = change.Kind.ToString(), version = child.Version })), ct);
        if (await steps.SaveAsync(ct) is { } conflict)
        {
            return Outcome<PersonRecord>.Conflict(conflict);
        }

        return Outcome<PersonRecord>.Ok(await records.ToRecordAsync(child, Jurisdiction.National, ct));
    }

    private static void SetParent(PersonEntity child, ParentRole role, string? kidc, List<string> changed)
    {
        if (role == ParentRole.Father)
        {
            if (child.FatherKidc != kidc) { child.FatherKidc = kidc; changed.Add("fatherKidc"); }
            if (child.FatherNameKm is not null) { child.FatherNameKm = null; changed.Add("fatherNameKm"); }
        }
        else
        {
            if (child.MotherKidc != kidc) { child.MotherKidc = kidc; changed.Add("motherKidc"); }
            if (child.MotherNameKm is not null) { child.MotherNameKm = null; changed.Add("motherNameKm"); }
        }
    }

    private static PersonParentEntity Link(PersonEntity child, ParentRole role, ParentLinkKind kind, string? kidc, string? nameKm, DateOnly from, string reference) => new()
    {
        ChildId = child.Id,
        ChildKidc = child.Kidc,
        Role = role,
        Kind = kind,
        ParentKidc = kidc,
        ParentNameKm = nameKm,
        From = from,
        Reference = reference,
    };

    private static async Task CheckParentAsync(ParentRole role, string kidc, PersonEntity child, DateOnly date, PopulationDbContext db, FieldErrors errors, CancellationToken ct)
    {
        if (!KidcRule.IsValid(kidc))
        {
            errors.Add("parentKidc", ChangeRequest.InvalidKidc);
            return;
        }

        if (kidc == child.Kidc)
        {
            errors.Add("parentKidc", "A person cannot be their own parent.");
            return;
        }

        var parent = await db.Persons.AsNoTracking()
            .Where(p => p.Kidc == kidc)
            .Select(p => new { p.Sex, p.BirthYear, p.BirthMonth, p.BirthDay, p.LifeStatus, p.DeathDate })
            .FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            errors.Add("parentKidc", "No person with this KIDC is in the Population Registry.");
        }
        else if (parent.Sex != (role == ParentRole.Father ? Sex.Male : Sex.Female))
        {
            errors.Add("parentKidc", role == ParentRole.Father ? "The father is recorded as a woman." : "The mother is recorded as a man.");
        }
        else if (new PartialDate(parent.BirthYear, parent.BirthMonth, parent.BirthDay).Earliest >
                 new PartialDate(child.BirthYear, child.BirthMonth, child.BirthDay).Latest)
        {
            errors.Add("parentKidc", "This parent was born after the child.");
        }
        else if (parent.LifeStatus == LifeStatus.Deceased && (parent.DeathDate is null || parent.DeathDate <= date))
        {
            errors.Add("parentKidc", "This parent is recorded as deceased on the date.");
        }
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Persons;

namespace Nokor.Population.Families;

/// <summary>
/// Undoes what a family event's call (or a correction, such as a name change) wrote under a
/// reference, when its registration will never be approved: a marriage's links go and each
/// spouse's status returns to what it was before; an end or a separation is lifted; a parentage
/// change's links go and the fields the event changed return to the values of the version before
/// it. Refused (false, nothing written) when something later depends on it: the marriage has since
/// ended or been suspended, a spouse has married again, or a later version changed the same fields.
/// The undoing is a new version of each person under <c>revert:&lt;reference&gt;</c>, and the
/// reference is never applied again. Audited as <c>person.revert</c>.
/// </summary>
internal static class RevertFamilyEvent
{
    /// <summary>Fields kept by the family links themselves, restored by their own rules rather than from a snapshot.</summary>
    private static readonly HashSet<string> LinkFields = ["maritalStatus", "spouses", "adoptiveParents", "sealedParents"];

    public static async Task<bool> HandleAsync(string reference, Actor actor, string reason, FamilySteps steps, IAuditLog audit, CancellationToken ct)
    {
        var db = steps.Db;
        if (await steps.RevertedAsync(reference, ct))
        {
            return true;
        }

        var versions = await db.PersonVersions.AsNoTracking()
            .Where(v => v.Reference == reference)
            .OrderBy(v => v.Id)
            .ToListAsync(ct);
        if (versions.Count == 0)
        {
            return true;
        }

        var ids = versions.Select(v => v.PersonId).Distinct().ToList();
        var persons = await db.Persons.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var changed = ids.ToDictionary(id => id, _ => new List<string>());

        // Spouse links this reference made, ended or suspended.
        var married = await db.PersonSpouses.Where(s => s.MarriageReference == reference).ToListAsync(ct);
        var ended = await db.PersonSpouses.Where(s => s.EndReference == reference && s.MarriageReference != reference).ToListAsync(ct);
        var separated = await db.PersonSpouses.Where(s => s.SeparationReference == reference).ToListAsync(ct);
        if (married.Any(s => (s.EndedBy is not null && s.EndReference != reference) || s.SeparatedOn is not null) ||
            separated.Any(s => s.EndedBy is not null))
        {
            db.ChangeTracker.Clear();
            return false;
        }

        foreach (var link in ended)
        {
            if (await db.PersonSpouses.AnyAsync(s => s.PersonKidc == link.PersonKidc && s.Id > link.Id, ct))
            {
                db.ChangeTracker.Clear();
                return false;
            }
        }

        // The other fields (a correction, a name change, a parentage change) return to the version before.
        var restores = new List<(PersonEntity Person, PersonRecord Before, IReadOnlyList<string> Fields)>();
        foreach (var version in versions)
        {
            var fields = version.ChangedFields.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(f => !LinkFields.Contains(f)).ToList();
            if (fields.Count == 0)
            {
                continue;
            }

            var later = await db.PersonVersions.AsNoTracking()
                .Where(v => v.PersonId == version.PersonId && v.Version > version.Version)
                .Select(v => v.ChangedFields)
                .ToListAsync(ct);
            var before = await db.PersonVersions.AsNoTracking()
                .Where(v => v.PersonId == version.PersonId && v.Version == version.Version - 1)
                .Select(v => v.Snapshot)
                .FirstOrDefaultAsync(ct);
            var record = before is null ? null : Read(before);
            if (record is null || fields.Contains("*") ||
                later.Any(l => l == "*" || l.Split(',').Intersect(fields).Any()) ||
                fields.Any(f => !Restorable.Contains(f)))
            {
                db.ChangeTracker.Clear();
                return false;
            }

            restores.Add((persons[version.PersonId], record, fields));
        }

        foreach (var link in married)
        {
            persons[link.PersonId].MaritalStatus = link.StatusBefore;
            changed[link.PersonId].AddRange(["maritalStatus", "spouses"]);
            db.PersonSpouses.Remove(link);
        }

        foreach (var link in ended)
        {
            link.Until = null;
            link.EndedBy = null;
            link.EndReference = null;
            if (persons.TryGetValue(link.PersonId, out var person))
            {
                person.MaritalStatus = link.SeparatedOn is null ? MaritalStatus.Married : MaritalStatus.Separated;
                changed[link.PersonId].AddRange(["maritalStatus", "spouses"]);
            }
        }

        foreach (var link in separated)
        {
            link.SeparatedOn = null;
            link.SeparationReference = null;
            if (persons.TryGetValue(link.PersonId, out var person))
            {
                person.MaritalStatus = MaritalStatus.Married;
                changed[link.PersonId].AddRange(["maritalStatus", "spouses"]);
            }
        }

        var parents = await db.PersonParents.Where(l => l.Reference == reference).ToListAsync(ct);
        foreach (var link in parents)
        {
            db.PersonParents.Remove(link);
            if (changed.TryGetValue(link.ChildId, out var fields))
            {
                fields.Add(link.Kind == ParentLinkKind.Adoptive ? "adoptiveParents" : "sealedParents");
            }
        }

        foreach (var (person, before, fields) in restores)
        {
            Restore(person, before, fields);
            changed[person.Id].AddRange(fields);
        }

        var text = $"Reverted: {reason} ({reference})";
        foreach (var (id, fields) in changed)
        {
            var person = persons[id];
            steps.AddVersion(person, actor, text, string.Join(',', fields.Distinct()), FamilySteps.RevertPrefix + reference);
            await audit.AppendAsync(new AuditEvent(actor, "person.revert", "person", person.Kidc, FamilySteps.Trim(reason, 500),
                AuditDetails.Of(new { reference, version = person.Version })), ct);
        }

        return await steps.SaveAsync(ct) is null;
    }

    private static readonly HashSet<string> Restorable =
    [
        "surnameKm", "givenNameKm", "surnameLatin", "givenNameLatin", "sex", "birthDate", "birthPlaceCode", "birthCountry",
        "fatherKidc", "motherKidc", "fatherNameKm", "motherNameKm", "lifeStatus", "deathDate", "nationality", "citizenshipStatus",
    ];

    private static void Restore(PersonEntity p, PersonRecord before, IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            switch (field)
            {
                case "surnameKm": p.SurnameKm = before.SurnameKm; break;
                case "givenNameKm": p.GivenNameKm = before.GivenNameKm; break;
                case "surnameLatin": p.SurnameLatin = before.SurnameLatin; break;
                case "givenNameLatin": p.GivenNameLatin = before.GivenNameLatin; break;
                case "sex": p.Sex = before.Sex; break;
                case "birthDate":
                    if (PartialDate.TryParse(before.BirthDate, out var born))
                    {
                        (p.BirthYear, p.BirthMonth, p.BirthDay) = (born.Year, born.Month, born.Day);
                    }

                    break;
                case "birthPlaceCode": p.BirthPlaceCode = before.BirthPlace.Code; break;
                case "birthCountry": p.BirthCountry = before.BirthPlace.Country; break;
                case "fatherKidc": p.FatherKidc = before.Father?.Kidc; break;
                case "motherKidc": p.MotherKidc = before.Mother?.Kidc; break;
                case "fatherNameKm": p.FatherNameKm = before.Father?.NameKm; break;
                case "motherNameKm": p.MotherNameKm = before.Mother?.NameKm; break;
                case "lifeStatus": p.LifeStatus = before.LifeStatus; break;
                case "deathDate": p.DeathDate = before.DeathDate; break;
                case "nationality": p.Nationality = before.Nationality; break;
                case "citizenshipStatus": p.CitizenshipStatus = before.CitizenshipStatus; break;
            }
        }

        p.NameKmKey = NameKeys.KhmerKey(p.SurnameKm, p.GivenNameKm);
        p.NameLatinKey = NameKeys.LatinKey(p.SurnameLatin, p.GivenNameLatin);
    }

    private static PersonRecord? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PersonRecord>(json, PersonRecords.SnapshotJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

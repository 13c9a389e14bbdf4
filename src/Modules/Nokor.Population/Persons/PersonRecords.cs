using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Dates;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Persons;

/// <summary>Loads person records for a caller and turns entities into the records the API returns.</summary>
internal sealed class PersonRecords(PopulationDbContext db, GazetteerService gazetteer)
{
    public const int MaxChildren = 100;

    public static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The person with this KIDC if the actor's office covers their residence; null otherwise, so
    /// that a person outside the caller's area looks exactly like one that does not exist
    /// (DESIGN: a caller that may not see a record gets 404, not 403).
    /// </summary>
    public async Task<PersonEntity?> FindInJurisdictionAsync(string kidc, Actor actor, bool track, CancellationToken ct)
    {
        var query = db.Persons.Include(p => p.Documents).Where(p => p.Kidc == kidc);
        if (!track)
        {
            query = query.AsNoTracking();
        }

        var person = await query.FirstOrDefaultAsync(ct);
        return person is not null && actor.Jurisdiction.Covers(person.ResidenceVillageCode) ? person : null;
    }

    public async Task<PersonRecord> ToRecordAsync(PersonEntity p, Jurisdiction jurisdiction, CancellationToken ct)
    {
        // Parents and children in one round trip: the people whose KIDC this person names as a
        // parent, and the people who name this person as theirs.
        var kidc = p.Kidc;
        var fatherKidc = p.FatherKidc ?? "";
        var motherKidc = p.MotherKidc ?? "";
        var spouses = await db.PersonSpouses.AsNoTracking().Where(s => s.PersonKidc == kidc).OrderBy(s => s.From).ThenBy(s => s.Id).ToListAsync(ct);
        var adoptive = await db.PersonParents.AsNoTracking()
            .Where(l => l.ChildKidc == kidc && l.Kind == ParentLinkKind.Adoptive)
            .OrderBy(l => l.Role).ThenBy(l => l.Id)
            .ToListAsync(ct);
        var others = spouses.Select(s => s.SpouseKidc).Concat(adoptive.Select(l => l.ParentKidc)).OfType<string>().Distinct().ToList();
        var named = others.Count == 0
            ? []
            : await db.Persons.AsNoTracking()
                .Where(x => others.Contains(x.Kidc))
                .Select(x => new { x.Kidc, x.SurnameKm, x.GivenNameKm, x.SurnameLatin, x.GivenNameLatin, x.ResidenceVillageCode })
                .ToListAsync(ct);

        // A spouse's or adoptive parent's names are that person's data: shown only inside the caller's area.
        (string? Km, string? Latin) NameOf(string? other)
        {
            var x = named.FirstOrDefault(n => n.Kidc == other && jurisdiction.Covers(n.ResidenceVillageCode));
            return x is null ? (null, null) : ($"{x.SurnameKm} {x.GivenNameKm}", $"{x.SurnameLatin} {x.GivenNameLatin}");
        }

        var related = await db.Persons.AsNoTracking()
            .Where(x => x.Kidc == fatherKidc || x.Kidc == motherKidc || x.FatherKidc == kidc || x.MotherKidc == kidc)
            .OrderByDescending(x => x.Kidc == fatherKidc || x.Kidc == motherKidc)
            .ThenBy(x => x.Kidc)
            .Select(x => new { x.Kidc, x.SurnameKm, x.GivenNameKm, x.SurnameLatin, x.GivenNameLatin, x.BirthYear, x.BirthMonth, x.BirthDay, x.FatherKidc, x.MotherKidc, x.ResidenceVillageCode })
            .Take(MaxChildren + 2)
            .ToListAsync(ct);
        var parents = related.Where(x => x.Kidc == fatherKidc || x.Kidc == motherKidc).ToList();
        var children = related.Where(x => x.FatherKidc == kidc || x.MotherKidc == kidc)
            .OrderBy(c => c.BirthYear).ThenBy(c => c.BirthMonth).ThenBy(c => c.BirthDay).ToList();

        ParentLink? Parent(string? kidc, string? nameKm)
        {
            if (kidc is null)
            {
                return nameKm is null ? null : new ParentLink(null, nameKm, null);
            }

            // A parent's names are that parent's data: shown only inside the caller's area.
            var parent = parents.FirstOrDefault(x => x.Kidc == kidc && jurisdiction.Covers(x.ResidenceVillageCode));
            return new ParentLink(kidc,
                parent is null ? nameKm : $"{parent.SurnameKm} {parent.GivenNameKm}",
                parent is null ? null : $"{parent.SurnameLatin} {parent.GivenNameLatin}");
        }

        var record = await ToRecordAsync(p,
            Parent(p.FatherKidc, p.FatherNameKm),
            Parent(p.MotherKidc, p.MotherNameKm),
            children.Select(c => jurisdiction.Covers(c.ResidenceVillageCode)
                ? new ChildLink(c.Kidc, $"{c.SurnameKm} {c.GivenNameKm}", $"{c.SurnameLatin} {c.GivenNameLatin}",
                    new PartialDate(c.BirthYear, c.BirthMonth, c.BirthDay).ToString())
                : new ChildLink(c.Kidc, null, null, null)).ToList(), ct);
        return record with
        {
            Spouses = spouses.Select(s => Families.FamilySteps.ToLink(s, s.SpouseKidc is null ? null : NameOf(s.SpouseKidc).Km)).ToList(),
            AdoptiveParents = adoptive.Select(l =>
            {
                var (km, latin) = NameOf(l.ParentKidc);
                return new ParentLink(l.ParentKidc, km ?? l.ParentNameKm, latin);
            }).ToList(),
        };
    }

    /// <summary>The record without derived links and place names, as stored in version snapshots.</summary>
    public static PersonRecord ToSnapshotRecord(PersonEntity p) =>
        ToRecord(p, null, null,
            p.FatherKidc is null && p.FatherNameKm is null ? null : new ParentLink(p.FatherKidc, p.FatherNameKm, null),
            p.MotherKidc is null && p.MotherNameKm is null ? null : new ParentLink(p.MotherKidc, p.MotherNameKm, null),
            []);

    private async Task<PersonRecord> ToRecordAsync(PersonEntity p, ParentLink? father, ParentLink? mother, IReadOnlyList<ChildLink> children, CancellationToken ct)
    {
        var birthPlace = p.BirthPlaceCode is null ? null : await gazetteer.GetAsync(p.BirthPlaceCode, ct);
        var village = await gazetteer.GetAsync(p.ResidenceVillageCode, ct);
        return ToRecord(p, birthPlace, village, father, mother, children);
    }

    private static PersonRecord ToRecord(PersonEntity p, GazetteerUnit? birthPlace, GazetteerUnit? village, ParentLink? father, ParentLink? mother, IReadOnlyList<ChildLink> children)
    {
        return new PersonRecord(
            p.Kidc,
            p.Version,
            p.SurnameKm,
            p.GivenNameKm,
            p.SurnameLatin,
            p.GivenNameLatin,
            p.Sex,
            new PartialDate(p.BirthYear, p.BirthMonth, p.BirthDay).ToString(),
            new PlaceOfBirth(p.BirthPlaceCode, p.BirthCountry, birthPlace?.NameKm, birthPlace?.NameLatin),
            p.Nationality,
            p.CitizenshipStatus,
            p.MaritalStatus,
            father,
            mother,
            children,
            new Residence(p.ResidenceVillageCode, p.ResidenceAddress, village?.NameKm, village?.NameLatin),
            p.Documents.OrderBy(d => d.Type).ThenBy(d => d.Number)
                .Select(d => new IdentityDocument(d.Type, d.Number, d.IssuingSystem, d.IssuedOn, d.ValidUntil)).ToList(),
            p.LifeStatus,
            p.DeathDate,
            p.CreatedAt,
            p.UpdatedAt);
    }

    public static string Snapshot(PersonEntity p) => JsonSerializer.Serialize(ToSnapshotRecord(p), SnapshotJson);

    public static PersonSummary ToSummary(PersonEntity p) => new(
        p.Kidc, p.SurnameKm, p.GivenNameKm, p.SurnameLatin, p.GivenNameLatin, p.Sex,
        new PartialDate(p.BirthYear, p.BirthMonth, p.BirthDay).ToString(), p.ResidenceVillageCode, p.LifeStatus);
}

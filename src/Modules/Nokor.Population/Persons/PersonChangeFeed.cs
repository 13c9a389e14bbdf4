using Microsoft.EntityFrameworkCore;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Persons;

internal sealed class PersonChangeFeed(PopulationDbContext db) : IPersonChangeFeed
{
    public async Task<IReadOnlyList<PersonChange>> ReadAsync(long position, int max, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var rows = await db.PersonChanges.AsNoTracking()
            .Where(c => c.Id > position)
            .OrderBy(c => c.Id)
            .Take(max)
            .Join(db.Persons.AsNoTracking(), c => c.PersonId, p => p.Id, (c, p) => new { c.Id, c.At, Person = p })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Id).Select(r => new PersonChange(r.Id, r.At, ToFacts(r.Person))).ToList();
    }

    public async Task<long> HeadAsync(CancellationToken ct) =>
        await db.PersonChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;

    public async Task<IReadOnlyList<PersonFacts>> SnapshotAsync(string? afterKidc, int max, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var query = db.Persons.AsNoTracking();
        if (afterKidc is not null)
        {
            query = query.Where(p => string.Compare(p.Kidc, afterKidc) > 0);
        }

        var persons = await query.OrderBy(p => p.Kidc).Take(max).ToListAsync(ct);
        return persons.Select(ToFacts).ToList();
    }

    private static PersonFacts ToFacts(PersonEntity p) => new(
        p.Id, p.Kidc, p.Version, p.SurnameKm, p.GivenNameKm, p.SurnameLatin, p.GivenNameLatin, p.Sex,
        p.BirthYear, p.BirthMonth, p.BirthDay, p.BirthPlaceCode, p.BirthCountry, p.Nationality,
        p.ResidenceVillageCode, p.LifeStatus, p.DeathDate);
}

using Microsoft.EntityFrameworkCore;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Generation;

internal sealed class PopulationSamples(PopulationDbContext db, TimeProvider clock) : IPopulationSamples
{
    public async Task<IReadOnlyList<SampleCouple>> CouplesAsync(int count, CancellationToken ct)
    {
        var year = clock.GetUtcNow().Year;
        var rows = await (
                from child in db.Persons.AsNoTracking()
                where child.MotherKidc != null && child.FatherKidc != null
                join mother in db.Persons.AsNoTracking() on child.MotherKidc equals mother.Kidc
                join father in db.Persons.AsNoTracking() on child.FatherKidc equals father.Kidc
                where mother.LifeStatus == LifeStatus.Alive && mother.BirthYear >= year - 45 && mother.BirthYear <= year - 19
                orderby EF.Functions.Random()
                select new { mother.Kidc, FatherKidc = father.Kidc, father.SurnameKm, father.SurnameLatin, mother.ResidenceVillageCode, mother.ResidenceAddress })
            .Take(count * 2)
            .ToListAsync(ct);
        return rows.DistinctBy(r => r.Kidc).Take(count)
            .Select(r => new SampleCouple(r.Kidc, r.FatherKidc, r.SurnameKm, r.SurnameLatin, r.ResidenceVillageCode, r.ResidenceAddress))
            .ToList();
    }

    public async Task<IReadOnlyList<SamplePerson>> LivingAsync(int count, int minAge, CancellationToken ct)
    {
        var maxYear = clock.GetUtcNow().Year - minAge;
        return await db.Persons.AsNoTracking()
            .Where(p => p.LifeStatus == LifeStatus.Alive && p.BirthYear <= maxYear)
            .OrderBy(p => EF.Functions.Random())
            .Take(count)
            .Select(p => new SamplePerson(p.Kidc, p.Sex, p.BirthYear, p.ResidenceVillageCode))
            .ToListAsync(ct);
    }

    public (string Km, string Latin) GivenName(Sex sex, Random random)
    {
        var name = NameLists.Embedded.GivenNames(sex).Next(random);
        return (name.Km, name.Latin);
    }
}

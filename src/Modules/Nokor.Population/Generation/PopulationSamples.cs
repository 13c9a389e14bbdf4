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
                select new { Mother = mother, Father = father })
            .Take(count * 2)
            .ToListAsync(ct);
        return rows.DistinctBy(r => r.Mother.Kidc).Take(count)
            .Select(r => new SampleCouple(Identity(r.Mother), Identity(r.Father), r.Mother.ResidenceVillageCode, r.Mother.ResidenceAddress))
            .ToList();
    }

    public async Task<IReadOnlyList<SamplePerson>> LivingAsync(int count, int minAge, CancellationToken ct)
    {
        var maxYear = clock.GetUtcNow().Year - minAge;
        var persons = await db.Persons.AsNoTracking()
            .Where(p => p.LifeStatus == LifeStatus.Alive && p.BirthYear <= maxYear && string.Compare(p.Kidc, Persons.PersonMatch.VoidedPrefix) < 0)
            .OrderBy(p => EF.Functions.Random())
            .Take(count)
            .ToListAsync(ct);
        return persons.Select(p => new SamplePerson(Identity(p), p.Sex, p.BirthYear, p.ResidenceVillageCode)).ToList();
    }

    private static SampleIdentity Identity(PersonEntity p) => new(
        p.Kidc, p.SurnameKm, p.GivenNameKm, p.SurnameLatin, p.GivenNameLatin,
        new Platform.Dates.PartialDate(p.BirthYear, p.BirthMonth, p.BirthDay).ToString());

    public (string Km, string Latin) GivenName(Sex sex, Random random)
    {
        var name = NameLists.Embedded.GivenNames(sex).Next(random);
        return (name.Km, name.Latin);
    }
}

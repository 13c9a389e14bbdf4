using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Audit;
using Nokor.Platform.Data;
using Nokor.Platform.Demo;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Kidc;
using Nokor.Population.Persons;

namespace Nokor.Population.Demo;

/// <summary>
/// A few families per demo commune, registered through the same handler as the API, so the demo
/// shows real KIDCs, versions and audit entries.
/// </summary>
internal static class DemoPersons
{
    private sealed record Family(
        (string Km, string Latin) Surname,
        (string Km, string Latin, string Born) Father,
        (string Km, string Latin, string Surname, string SurnameLatin, string Born) Mother,
        (string Km, string Latin, string Sex, string Born)[] Children);

    private static readonly Family[] Families =
    [
        new(("សុខ", "Sok"), ("ដារ៉ា", "Dara", "1985-03-14"), ("សុភា", "Sophea", "ចាន់", "Chan", "1988-07-02"),
            [("ពិសិដ្ឋ", "Piseth", "Male", "2010-01-20"), ("ស្រីមុំ", "Sreymom", "Female", "2014-11-05")]),
        new(("ហេង", "Heng"), ("វណ្ណា", "Vanna", "1979"), ("ចន្ថា", "Chantha", "កែវ", "Keo", "1981-05"),
            [("សុវណ្ណ", "Sovann", "Male", "2003-09-30")]),
        new(("លី", "Ly"), ("សុផល", "Sophal", "1990-12-01"), ("ស្រីនាង", "Sreyneang", "ម៉ៅ", "Mao", "1992-02-29"),
            [("រតនា", "Ratana", "Female", "2019-06-15")]),
    ];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<string> communeCodes, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var actor = Actor.Platform("demo-seed");
        for (var c = 0; c < communeCodes.Count; c++)
        {
            var villages = await platform.GazetteerUnits.AsNoTracking()
                .Where(u => u.Level == AdminLevel.Village && u.ParentCode == communeCodes[c])
                .OrderBy(u => u.Code).Select(u => u.Code).Take(3).ToListAsync(ct);
            for (var f = 0; f < Families.Length; f++)
            {
                // Rotate so each commune has every family name but not the same people.
                var family = Families[(f + c) % Families.Length];
                var village = villages[f % villages.Count];
                var address = $"House {12 + f * 7}, Street {3 + c}";
                var father = await RegisterAsync(sp, actor, new RegisterPersonRequest
                {
                    SurnameKm = family.Surname.Km, GivenNameKm = family.Father.Km,
                    SurnameLatin = family.Surname.Latin, GivenNameLatin = family.Father.Latin,
                    Sex = "Male", BirthDate = family.Father.Born, BirthPlaceCode = village, MaritalStatus = "Married",
                    CitizenshipStatus = "CitizenByBirth", ResidenceVillageCode = village, ResidenceAddress = address,
                    Source = "Crvs", Reason = "Demo data",
                }, ct);
                var mother = await RegisterAsync(sp, actor, new RegisterPersonRequest
                {
                    SurnameKm = family.Mother.Surname, GivenNameKm = family.Mother.Km,
                    SurnameLatin = family.Mother.SurnameLatin, GivenNameLatin = family.Mother.Latin,
                    Sex = "Female", BirthDate = family.Mother.Born, BirthPlaceCode = village, MaritalStatus = "Married",
                    CitizenshipStatus = "CitizenByBirth", ResidenceVillageCode = village, ResidenceAddress = address,
                    Source = "Crvs", Reason = "Demo data",
                }, ct);
                foreach (var child in family.Children)
                {
                    await RegisterAsync(sp, actor, new RegisterPersonRequest
                    {
                        SurnameKm = family.Surname.Km, GivenNameKm = child.Km,
                        SurnameLatin = family.Surname.Latin, GivenNameLatin = child.Latin,
                        Sex = child.Sex, BirthDate = child.Born, BirthPlaceCode = village,
                        CitizenshipStatus = "CitizenByBirth", ResidenceVillageCode = village, ResidenceAddress = address,
                        FatherKidc = father, MotherKidc = mother, Source = "Crvs", Reason = "Demo data",
                    }, ct);
                }
            }
        }
    }

    private static async Task<string> RegisterAsync(IServiceProvider sp, Actor actor, RegisterPersonRequest request, CancellationToken ct)
    {
        var outcome = await RegisterPerson.HandleAsync(request, actor,
            sp.GetRequiredService<PopulationDbContext>(), sp.GetRequiredService<PersonValidator>(), sp.GetRequiredService<PersonRecords>(),
            sp.GetRequiredService<KidcService>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>(), ct);
        return outcome.IsOk
            ? outcome.Value!.Kidc
            : throw new InvalidOperationException("Demo person rejected: " + string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")));
    }
}

/// <summary>
/// Demo families once, when the demo accounts are first created and the registry is empty, then a
/// synthetic population of <see cref="GeneratedPersons"/> in the two demo communes (households,
/// namesakes, ages from the pyramid), so the offices' first look is a commune with its people:
/// the name search finds several "Sok Dara", the civil generator finds couples to register births.
/// </summary>
internal sealed class PopulationDemoSeeder(PopulationDbContext db, IPopulationGeneration generation) : IDemoSeeder
{
    public const int GeneratedPersons = 1500;

    public int Order => 100;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (context.AccountsCreated && !await db.Persons.AnyAsync(ct))
        {
            await DemoPersons.SeedAsync(context.Services, context.CommuneCodes, ct);
            await generation.GenerateAsync(new PopulationGenerationOptions
            {
                Count = GeneratedPersons,
                Seed = 2026,
                BatchSize = 500,
                AreaCodes = context.CommuneCodes,
                Actor = Actor.Platform("demo-seed"),
            }, progress: null, ct);
        }
    }
}

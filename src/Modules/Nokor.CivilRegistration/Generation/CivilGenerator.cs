using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Generation;

/// <summary>
/// Drives the real procedure — notify, enter, verify, approve — for synthetic births (to couples of
/// the registry) and deaths (of living persons of the registry), for demo data and benchmarks. Each
/// commune's work is done by three generator actors of that commune (a health facility notifies, an
/// agent enters, a second agent verifies, a senior registrar approves), named "generator:..." in the
/// audit log so that generated records are never mistaken for a person's work.
/// </summary>
internal sealed class CivilGenerator(IServiceProvider services, TimeProvider clock)
{
    private static readonly (string Condition, string Icd10, string Interval)[][] s_causes =
    [
        [("Acute myocardial infarction", "I21.9", "2 hours"), ("Coronary atherosclerosis", "I25.1", "10 years")],
        [("Pneumonia", "J18.9", "5 days"), ("Chronic obstructive pulmonary disease", "J44.9", "8 years")],
        [("Septic shock", "R57.2", "1 day"), ("Dengue haemorrhagic fever", "A91", "6 days")],
        [("Intracerebral haemorrhage", "I61.9", "1 day"), ("Essential hypertension", "I10", "12 years")],
        [("Respiratory failure", "J96.0", "2 days"), ("Pulmonary tuberculosis", "A16.2", "1 year")],
        [("Hepatic failure", "K72.9", "3 days"), ("Hepatocellular carcinoma", "C22.0", "1 year"), ("Chronic viral hepatitis B", "B18.1", "20 years")],
        [("Diabetic ketoacidosis", "E10.1", "2 days"), ("Type 2 diabetes mellitus", "E11.9", "15 years")],
    ];

    /// <summary>
    /// Registers <paramref name="births"/> births and <paramref name="deaths"/> deaths; the last
    /// <paramref name="pendingBirths"/> births stop after entry (waiting for verification), as on a
    /// working day.
    /// </summary>
    public Task<CivilGenerationResult> GenerateAsync(int births, int deaths, int seed, IProgress<(int Done, int Total)>? progress, CancellationToken ct, int pendingBirths = 0) =>
        GenerateAsync(new CivilGenerationRequest(births, deaths, 0, 0, 0, seed), progress, ct, pendingBirths);

    /// <summary>
    /// Registers every event of the request: births and deaths, then marriages, divorces of those
    /// marriages and adoptions (<see cref="FamilyGenerator"/>). The last <paramref name="pendingBirths"/>
    /// births, and the last <paramref name="pendingFamily"/> of each family event, stop after entry.
    /// </summary>
    public async Task<CivilGenerationResult> GenerateAsync(CivilGenerationRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken ct,
        int pendingBirths = 0, int pendingFamily = 0)
    {
        var (births, deaths, seed) = (request.Births, request.Deaths, request.Seed);
        var watch = Stopwatch.StartNew();
        var random = new Random(seed);
        var total = births + deaths + request.Marriages + request.Divorces + request.Adoptions;
        var done = 0;
        var failed = 0;
        IReadOnlyList<SampleCouple> couples;
        IReadOnlyList<SamplePerson> dying;
        await using (var scope = services.CreateAsyncScope())
        {
            var samples = scope.ServiceProvider.GetRequiredService<IPopulationSamples>();
            couples = births > 0 ? await samples.CouplesAsync(births, ct) : [];
            dying = deaths > 0 ? await samples.LivingAsync(deaths, 40, ct) : [];
        }

        if (couples.Count < births || dying.Count < deaths)
        {
            throw new Nokor.Platform.Errors.PreconditionException(
                $"The registry has {couples.Count} couples and {dying.Count} persons over 40 to draw from; generate a population first (nokor population generate).");
        }

        var today = CambodiaTime.Today(clock);
        for (var i = 0; i < couples.Count; i++)
        {
            var ok = await BirthAsync(couples[i], today, random, complete: i < couples.Count - pendingBirths, ct);
            failed += ok ? 0 : 1;
            progress?.Report((++done, total));
        }

        foreach (var person in dying)
        {
            var ok = await DeathAsync(person, today, random, ct);
            failed += ok ? 0 : 1;
            progress?.Report((++done, total));
        }

        IReadOnlyList<string> refusals = [];
        if (request.Marriages + request.Adoptions > 0)
        {
            var family = await new FamilyGenerator(services, clock).GenerateAsync(request.Marriages, request.Divorces, request.Adoptions, random,
                () => progress?.Report((++done, total)), ct, pendingFamily);
            failed += family.Failed;
            refusals = family.Refusals;
        }

        return new CivilGenerationResult(births, deaths, failed, watch.Elapsed)
        {
            Marriages = request.Marriages, Divorces = request.Divorces, Adoptions = request.Adoptions, Refusals = refusals,
        };
    }

    private async Task<bool> BirthAsync(SampleCouple couple, DateOnly today, Random random, bool complete, CancellationToken ct)
    {
        var commune = couple.ResidenceVillageCode[..6];
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var given = sp.GetRequiredService<IPopulationSamples>().GivenName(sex, random);
        var birthDate = today.AddDays(-random.Next(0, 40));
        var weight = (int)Math.Clamp(3000 + 450 * Gaussian(random), 1200, 5000);
        var type = random.NextDouble() < 0.015 ? BirthType.Twin : BirthType.Single;
        var notified = await sp.GetRequiredService<ICivilNotifications>().NotifyAsync(new NotificationRequest
        {
            Id = Guid.CreateVersion7(),
            Event = nameof(VitalEvent.Birth),
            InformantKind = nameof(InformantKind.HealthFacility),
            InformantName = "Health centre",
            FacilityName = "Health centre " + commune,
            EventDate = birthDate.ToString("yyyy-MM-dd"),
            EventPlaceCode = couple.ResidenceVillageCode,
            ChildSex = sex.ToString(),
            BirthWeightGrams = weight,
            BirthType = type.ToString(),
            MotherKidc = couple.MotherKidc,
        }, Actors.Facility(commune), ct);
        if (!notified.IsOk)
        {
            return false;
        }

        var entered = await sp.GetRequiredService<ICivilRegistrations>().EnterBirthAsync(new BirthApplication
        {
            Id = Guid.CreateVersion7(),
            NotificationId = notified.Value!.Id,
            Birth = new BirthDossier
            {
                Child = new ChildDetails
                {
                    SurnameKm = couple.FatherSurnameKm,
                    GivenNameKm = given.Km,
                    SurnameLatin = couple.FatherSurnameLatin,
                    GivenNameLatin = given.Latin,
                    Sex = sex.ToString(),
                    BirthDate = birthDate.ToString("yyyy-MM-dd"),
                    BirthTime = $"{random.Next(24):D2}:{random.Next(60):D2}",
                    BirthPlaceCode = couple.ResidenceVillageCode,
                    PlaceKind = nameof(EventPlaceKind.HealthFacility),
                    FacilityName = "Health centre " + commune,
                    Attendant = nameof(BirthAttendant.Midwife),
                    BirthType = type.ToString(),
                    BirthOrder = 1 + random.Next(4),
                    BirthWeightGrams = weight,
                    ResidenceVillageCode = couple.ResidenceVillageCode,
                    ResidenceAddress = couple.ResidenceAddress,
                },
                Mother = Parent(couple.Mother),
                Father = Parent(couple.Father),
                Informant = new InformantDetails { Kind = nameof(InformantKind.Relative), Name = "Mother", Relationship = "mother", Kidc = couple.MotherKidc },
            },
        }, Actors.Agent(commune), ct);
        return entered.IsOk && (!complete || await CompleteAsync(sp, entered, commune, ct));
    }

    private async Task<bool> DeathAsync(SamplePerson person, DateOnly today, Random random, CancellationToken ct)
    {
        var commune = person.ResidenceVillageCode[..6];
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var deathDate = today.AddDays(-random.Next(0, 20));
        var chain = s_causes[random.Next(s_causes.Length)];
        CauseLine? Line(int i) => i < chain.Length ? new CauseLine { Condition = chain[i].Condition, Icd10 = chain[i].Icd10, Interval = chain[i].Interval } : null;
        var age = deathDate.Year - person.BirthYear;
        var cause = new CauseOfDeath
        {
            LineA = Line(0),
            LineB = Line(1),
            LineC = Line(2),
            Manner = nameof(MannerOfDeath.Disease),
            Pregnancy = person.Sex == Sex.Female && age is >= 15 and <= 50 ? nameof(PregnancyStatus.NotPregnant) : null,
            CertifierName = "Dr. Health Centre " + commune,
            CertifierRole = "doctor",
        };
        var atHome = random.NextDouble() < 0.5;
        var notified = await sp.GetRequiredService<ICivilNotifications>().NotifyAsync(new NotificationRequest
        {
            Id = Guid.CreateVersion7(),
            Event = nameof(VitalEvent.Death),
            InformantKind = atHome ? nameof(InformantKind.VillageChief) : nameof(InformantKind.HealthFacility),
            InformantName = atHome ? "Village chief" : "Health centre",
            EventDate = deathDate.ToString("yyyy-MM-dd"),
            EventPlaceCode = person.ResidenceVillageCode,
            DeceasedKidc = person.Kidc,
        }, Actors.Facility(commune), ct);
        if (!notified.IsOk)
        {
            return false;
        }

        var entered = await sp.GetRequiredService<ICivilRegistrations>().EnterDeathAsync(new DeathApplication
        {
            Id = Guid.CreateVersion7(),
            NotificationId = notified.Value!.Id,
            Death = new DeathDossier
            {
                DeceasedKidc = person.Kidc,
                DeceasedSurnameKm = person.Identity.SurnameKm,
                DeceasedGivenNameKm = person.Identity.GivenNameKm,
                DeceasedSurnameLatin = person.Identity.SurnameLatin,
                DeceasedGivenNameLatin = person.Identity.GivenNameLatin,
                DeceasedSex = person.Sex.ToString(),
                DeceasedBirthDate = person.Identity.BirthDate,
                DeathDate = deathDate.ToString("yyyy-MM-dd"),
                DeathPlaceCode = person.ResidenceVillageCode,
                PlaceKind = atHome ? nameof(EventPlaceKind.Home) : nameof(EventPlaceKind.HealthFacility),
                FacilityName = atHome ? null : "Health centre " + commune,
                Informant = new InformantDetails { Kind = nameof(InformantKind.Relative), Name = "Relative", Relationship = "child" },
                Cause = cause,
            },
        }, Actors.Agent(commune), ct);
        return entered.IsOk && await CompleteAsync(sp, entered, commune, ct);
    }

    private static async Task<bool> CompleteAsync(IServiceProvider sp, Outcome<RegistrationView> entered, string commune, CancellationToken ct)
    {
        var registrations = sp.GetRequiredService<ICivilRegistrations>();
        var verified = await registrations.VerifyAsync(entered.Value!.Id, Actors.Verifier(commune), ct);
        if (!verified.IsOk)
        {
            return false;
        }

        var approved = await registrations.ApproveAsync(entered.Value.Id, Actors.Registrar(commune), ct);
        return approved.IsOk;
    }

    /// <summary>A parent as the informant declares them: the KIDC with the names and date of birth the registry confirms.</summary>
    internal static ParentDetails Parent(SampleIdentity p) => new()
    {
        Kidc = p.Kidc,
        SurnameKm = p.SurnameKm,
        GivenNameKm = p.GivenNameKm,
        SurnameLatin = p.SurnameLatin,
        GivenNameLatin = p.GivenNameLatin,
        BirthDate = p.BirthDate,
    };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    /// <summary>The generator's actors for one commune.</summary>
    internal static class Actors
    {
        public static Actor Facility(string commune) =>
            new("system", $"generator:health-facility:{commune}", null, Jurisdiction.National, new HashSet<string> { Roles.System });

        public static Actor Agent(string commune) => Staff("agent", commune, Roles.Agent);

        public static Actor Verifier(string commune) => Staff("verifier", commune, Roles.Agent);

        public static Actor Registrar(string commune) => Staff("registrar", commune, Roles.Registrar, Roles.SeniorRegistrar);

        private static Actor Staff(string what, string commune, params string[] roles) =>
            new("staff", $"generator:{what}:{commune}", null, new Jurisdiction(commune), roles.ToHashSet());
    }
}

/// <summary>The generator door for the CLI and benchmarks: delegates to <see cref="CivilGenerator"/>.</summary>
internal sealed class CivilDataGenerator(IServiceProvider services, TimeProvider clock) : ICivilDataGenerator
{
    public Task<CivilGenerationResult> GenerateAsync(int births, int deaths, int seed, IProgress<(int Done, int Total)>? progress, CancellationToken ct) =>
        new CivilGenerator(services, clock).GenerateAsync(births, deaths, seed, progress, ct);

    public Task<CivilGenerationResult> GenerateAsync(CivilGenerationRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken ct) =>
        new CivilGenerator(services, clock).GenerateAsync(request, progress, ct);
}

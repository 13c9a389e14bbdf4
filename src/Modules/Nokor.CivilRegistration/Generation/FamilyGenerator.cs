using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Generation;

/// <summary>
/// Synthetic marriages, divorces and adoptions through the real procedure (enter, verify by a
/// second generator actor, approve by a registrar), like <see cref="CivilGenerator"/>'s births:
/// couples are living adults of the registry of opposite sex, neither married (the registry's
/// marriage in force) nor related (the registry's kinship check), each used once; divorces end
/// marriages made in the same run; adoptions are of young children by couples of the registry.
/// Events are dated over the last <c>spreadDays</c> days (a marriage older than the legal period is
/// registered late, with its fee and a senior registrar's approval, as the procedure decides). For
/// the demo it also makes foetal deaths, recognitions of children and changes of name.
/// </summary>
internal sealed class FamilyGenerator(IServiceProvider services, TimeProvider clock, int spreadDays = 25)
{
    /// <summary>The court the generated decisions come from (one of the configured courts) and its case number format "n/yyyy".</summary>
    public const string Court = "Phnom Penh Municipal Court of First Instance";

    private const string Purpose = "civil registration: synthetic data generation";

    private readonly List<string> _refusals = [];

    /// <summary>Why the procedure refused what it refused ("marriage entry: husband.kidc: ..."), in order.</summary>
    public IReadOnlyList<string> Refusals => _refusals;

    /// <summary>True when the step succeeded; otherwise what the procedure answered is kept in <see cref="Refusals"/>.</summary>
    private bool Note<T>(string step, Outcome<T> outcome)
    {
        if (!outcome.IsOk)
        {
            var first = outcome.Errors?.FirstOrDefault();
            _refusals.Add(first is { Key: { } key, Value: { } messages }
                ? $"{step}: {key}: {string.Join(" ", messages)}"
                : $"{step}: {outcome.Message ?? outcome.Kind.ToString()}");
        }

        return outcome.IsOk;
    }

    /// <summary>A marriage this run approved, for the divorces.</summary>
    public sealed record Married(string Number, string Commune, DateOnly Date);

    /// <summary>How many of each were asked for and done.</summary>
    public sealed record Counts(int Marriages, int Divorces, int Adoptions, int Failed, IReadOnlyList<Married> Made, IReadOnlyList<string> Refusals);

    /// <summary>
    /// Registers the family events. Persons are drawn before anything is written: too few candidates
    /// is a <see cref="PreconditionException"/> naming what to generate first. The last
    /// <paramref name="pending"/> of each kind stop after entry (waiting for verification).
    /// </summary>
    public async Task<Counts> GenerateAsync(int marriages, int divorces, int adoptions, Random random, Action step, CancellationToken ct, int pending = 0)
    {
        if (divorces > marriages)
        {
            throw new ArgumentOutOfRangeException(nameof(divorces), "Divorces end marriages generated in the same run: at most as many as the marriages.");
        }

        var today = Nokor.Platform.Dates.CambodiaTime.Today(clock);
        var couples = marriages > 0 ? await CouplesAsync(marriages, today, random, ct) : [];
        if (couples.Count < marriages)
        {
            throw new PreconditionException(
                $"The registry has {couples.Count} unmarried, unrelated couples of adults to draw {marriages} marriages from; generate a larger population first (nokor population generate).");
        }

        var (children, parents) = adoptions > 0 ? await AdoptionsAsync(adoptions, today, ct) : ([], []);
        if (children.Count < adoptions || parents.Count < adoptions)
        {
            throw new PreconditionException(
                $"The registry has {children.Count} young children and {parents.Count} couples to draw {adoptions} adoptions from; generate a larger population first (nokor population generate).");
        }

        var failed = 0;
        var made = new List<Married>();
        for (var i = 0; i < couples.Count; i++)
        {
            var (husband, wife) = couples[i];
            var (ok, married) = await MarriageAsync(husband, wife, today, random, complete: i < couples.Count - pending || divorces > i, ct);
            failed += ok ? 0 : 1;
            if (married is not null)
            {
                made.Add(married);
            }

            step();
        }

        for (var i = 0; i < divorces; i++)
        {
            // A marriage the procedure refused has no divorce: counted as refused with it.
            failed += i < made.Count && await DivorceAsync(made[i], today, random, complete: i < divorces - pending, ct) ? 0 : 1;
            step();
        }

        for (var i = 0; i < adoptions; i++)
        {
            failed += await AdoptionAsync(children[i], parents[i], today, random, complete: i < adoptions - pending, ct) ? 0 : 1;
            step();
        }

        return new Counts(marriages, divorces, adoptions, failed, made, [.. _refusals]);
    }

    /// <summary>
    /// Pairs of a man and a woman of 20 to 60, at most 12 years apart, each unmarried in the
    /// registry and not related to the other, each person in one pair only.
    /// </summary>
    private async Task<List<(SamplePerson Husband, SamplePerson Wife)>> CouplesAsync(int count, DateOnly today, Random random, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var samples = scope.ServiceProvider.GetRequiredService<IPopulationSamples>();
        var registry = scope.ServiceProvider.GetRequiredService<IPopulationRegistry>();
        var actor = Actor.Platform("generator:marriages");
        // Most adults of a generated population are married already: draw widely, keep the unmarried.
        var adults = (await samples.LivingAsync(Math.Min(count * 40 + 400, 2_000_000), 20, ct))
            .Where(p => today.Year - p.BirthYear is >= 20 and <= 60).ToList();
        var women = adults.Where(p => p.Sex == Sex.Female).OrderBy(_ => random.Next()).ToList();
        var men = adults.Where(p => p.Sex == Sex.Male).OrderBy(_ => random.Next()).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var unmarried = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new List<(SamplePerson, SamplePerson)>();
        foreach (var man in men)
        {
            if (pairs.Count == count)
            {
                break;
            }

            if (await registry.MarriageInForceAsync(man.Kidc, actor, Purpose, ct) is not null)
            {
                continue;
            }

            foreach (var woman in women)
            {
                if (taken.Contains(woman.Kidc) || Math.Abs(woman.BirthYear - man.BirthYear) > 12)
                {
                    continue;
                }

                if (!unmarried.Contains(woman.Kidc))
                {
                    if (await registry.MarriageInForceAsync(woman.Kidc, actor, Purpose, ct) is not null)
                    {
                        taken.Add(woman.Kidc);
                        continue;
                    }

                    unmarried.Add(woman.Kidc);
                }

                if (await registry.KinshipAsync(man.Kidc, woman.Kidc, new KinshipLimits(), actor, Purpose, ct) is not null)
                {
                    continue;
                }

                taken.Add(woman.Kidc);
                pairs.Add((man, woman));
                break;
            }
        }

        return pairs;
    }

    /// <summary>Children under six (full adoption is for children under the legal age) and couples to adopt them.</summary>
    private async Task<(List<SamplePerson> Children, List<SampleCouple> Parents)> AdoptionsAsync(int count, DateOnly today, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var samples = scope.ServiceProvider.GetRequiredService<IPopulationSamples>();
        var children = (await samples.LivingAsync(Math.Min(count * 40 + 200, 2_000_000), 0, ct))
            .Where(p => today.Year - p.BirthYear is >= 1 and <= 5).Take(count).ToList();
        var parents = (await samples.CouplesAsync(count * 2, ct))
            .Where(c => children.All(child => child.Kidc != c.MotherKidc && child.Kidc != c.FatherKidc)).Take(count).ToList();
        return (children, parents);
    }

    private static SpouseDetails Spouse(SamplePerson p) => new()
    {
        Kidc = p.Kidc,
        SurnameKm = p.Identity.SurnameKm,
        GivenNameKm = p.Identity.GivenNameKm,
        SurnameLatin = p.Identity.SurnameLatin,
        GivenNameLatin = p.Identity.GivenNameLatin,
        BirthDate = p.Identity.BirthDate,
        Nationality = "KH",
        ResidenceVillageCode = p.ResidenceVillageCode,
        PriorMarriages = [],
    };

    /// <summary>Whether the procedure accepted the marriage, and the registered marriage (null when left pending after entry).</summary>
    private async Task<(bool Ok, Married? Registered)> MarriageAsync(SamplePerson husband, SamplePerson wife, DateOnly today, Random random, bool complete, CancellationToken ct)
    {
        var commune = husband.ResidenceVillageCode[..6];
        // At least two days ago, so that a divorce of it can take effect after it and not after today.
        var date = today.AddDays(-random.Next(2, Math.Max(3, spreadDays)));
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var samples = sp.GetRequiredService<IPopulationSamples>();
        var witness1 = samples.GivenName(Sex.Male, random);
        var witness2 = samples.GivenName(Sex.Female, random);
        var registrations = sp.GetRequiredService<ICivilRegistrations>();
        var entered = await registrations.EnterMarriageAsync(new MarriageApplication
        {
            Id = Guid.CreateVersion7(),
            Marriage = new MarriageDossier
            {
                Husband = Spouse(husband),
                Wife = Spouse(wife),
                MarriageDate = date.ToString("yyyy-MM-dd"),
                MarriagePlaceCode = husband.ResidenceVillageCode,
                Witnesses =
                [
                    new WitnessDetails { Name = $"{husband.Identity.SurnameKm} {witness1.Km}", Address = husband.ResidenceVillageCode },
                    new WitnessDetails { Name = $"{wife.Identity.SurnameKm} {witness2.Km}", Address = wife.ResidenceVillageCode },
                ],
                PropertyRegime = "legal",
                Informant = new InformantDetails { Kind = nameof(InformantKind.Relative), Name = husband.Identity.SurnameKm + " " + husband.Identity.GivenNameKm, Relationship = "husband", Kidc = husband.Kidc },
            },
        }, CivilGenerator.Actors.Agent(commune), ct);
        if (!Note("marriage entry", entered))
        {
            return (false, null);
        }

        if (!complete)
        {
            return (true, null);
        }

        var approved = await CompleteAsync(registrations, entered.Value!.Id, commune, ct);
        return approved?.Number is { } number ? (true, new Married(number, commune, date)) : (false, null);
    }

    private async Task<bool> DivorceAsync(Married marriage, DateOnly today, Random random, bool complete, CancellationToken ct)
    {
        // The decision takes effect after the marriage and not after today (the marriage is at least two days old).
        var span = Math.Max(1, today.DayNumber - marriage.Date.DayNumber);
        var effective = marriage.Date.AddDays(1 + random.Next(span));
        var decided = effective.AddDays(-Math.Min(effective.DayNumber - marriage.Date.DayNumber - 1, random.Next(0, 10)));
        await using var scope = services.CreateAsyncScope();
        var registrations = scope.ServiceProvider.GetRequiredService<ICivilRegistrations>();
        var entered = await registrations.EnterDissolutionAsync(new DissolutionApplication
        {
            Id = Guid.CreateVersion7(),
            Event = nameof(VitalEvent.Divorce),
            Dissolution = new DissolutionDossier
            {
                MarriageNumber = marriage.Number,
                Authority = nameof(DecisionAuthority.Court),
                Court = Court,
                CaseNumber = $"{random.Next(1, 100_000)}/{decided.Year}",
                DecisionDate = decided.ToString("yyyy-MM-dd"),
                EffectiveDate = effective.ToString("yyyy-MM-dd"),
                Petitioner = random.Next(3) switch { 0 => "husband", 1 => "wife", _ => "both" },
                DependentChildren = random.Next(4),
            },
        }, CivilGenerator.Actors.Agent(marriage.Commune), ct);
        return Note("divorce entry", entered) && (!complete || await CompleteAsync(registrations, entered.Value!.Id, marriage.Commune, ct) is not null);
    }

    private async Task<bool> AdoptionAsync(SamplePerson child, SampleCouple parents, DateOnly today, Random random, bool complete, CancellationToken ct)
    {
        var commune = child.ResidenceVillageCode[..6];
        var decided = today.AddDays(-random.Next(1, Math.Max(2, spreadDays)));
        var full = random.Next(2) == 0;
        await using var scope = services.CreateAsyncScope();
        var registrations = scope.ServiceProvider.GetRequiredService<ICivilRegistrations>();
        var entered = await registrations.EnterAdoptionAsync(new AdoptionApplication
        {
            Id = Guid.CreateVersion7(),
            Adoption = new AdoptionDossier
            {
                Kind = full ? nameof(AdoptionKind.Full) : nameof(AdoptionKind.Simple),
                Adoptee = new ParentDetails
                {
                    Kidc = child.Kidc,
                    SurnameKm = child.Identity.SurnameKm,
                    GivenNameKm = child.Identity.GivenNameKm,
                    SurnameLatin = child.Identity.SurnameLatin,
                    GivenNameLatin = child.Identity.GivenNameLatin,
                    BirthDate = child.Identity.BirthDate,
                },
                AdoptiveMother = CivilGenerator.Parent(parents.Mother),
                AdoptiveFather = CivilGenerator.Parent(parents.Father),
                Court = Court,
                CaseNumber = $"{random.Next(1, 100_000)}/{decided.Year}",
                DecisionDate = decided.ToString("yyyy-MM-dd"),
                // A full adoption gives the child the adoptive father's surname and keeps the given name.
                NewSurnameKm = full ? parents.FatherSurnameKm : null,
                NewGivenNameKm = full ? child.Identity.GivenNameKm : null,
                NewSurnameLatin = full ? parents.FatherSurnameLatin : null,
                NewGivenNameLatin = full ? child.Identity.GivenNameLatin : null,
            },
        }, CivilGenerator.Actors.Agent(commune), ct);
        return Note("adoption entry", entered) && (!complete || await CompleteAsync(registrations, entered.Value!.Id, commune, ct) is not null);
    }

    /// <summary>
    /// Stillbirths notified by the health centre of the mother's commune: gestation of 28 to 41
    /// weeks, the cause as certified. The last <paramref name="pending"/> stop after entry.
    /// </summary>
    public async Task<int> FoetalDeathsAsync(int count, Random random, CancellationToken ct, int pending = 0)
    {
        var today = Nokor.Platform.Dates.CambodiaTime.Today(clock);
        IReadOnlyList<SampleCouple> couples;
        await using (var scope = services.CreateAsyncScope())
        {
            couples = await scope.ServiceProvider.GetRequiredService<IPopulationSamples>().CouplesAsync(count, ct);
        }

        var failed = 0;
        for (var i = 0; i < couples.Count; i++)
        {
            var couple = couples[i];
            var commune = couple.ResidenceVillageCode[..6];
            var date = today.AddDays(-random.Next(1, Math.Max(2, spreadDays)));
            var weeks = 28 + random.Next(14);
            await using var scope = services.CreateAsyncScope();
            var registrations = scope.ServiceProvider.GetRequiredService<ICivilRegistrations>();
            var entered = await registrations.EnterFoetalDeathAsync(new FoetalDeathApplication
            {
                Id = Guid.CreateVersion7(),
                FoetalDeath = new FoetalDeathDossier
                {
                    Mother = CivilGenerator.Parent(couple.Mother),
                    Father = CivilGenerator.Parent(couple.Father),
                    DeliveryDate = date.ToString("yyyy-MM-dd"),
                    DeliveryPlaceCode = couple.ResidenceVillageCode,
                    PlaceKind = nameof(EventPlaceKind.HealthFacility),
                    FacilityName = "Health centre " + commune,
                    Sex = random.Next(2) == 0 ? nameof(Sex.Male) : nameof(Sex.Female),
                    GestationWeeks = weeks,
                    WeightGrams = 900 + (weeks - 28) * 180 + random.Next(300),
                    BirthType = nameof(BirthType.Single),
                    Cause = new CauseLine { Condition = "Foetal death of unspecified cause", Icd10 = "P95" },
                    Attendant = nameof(BirthAttendant.Midwife),
                    ResidenceVillageCode = couple.ResidenceVillageCode,
                    Informant = new InformantDetails { Kind = nameof(InformantKind.HealthFacility), Name = "Health centre " + commune },
                },
            }, CivilGenerator.Actors.Agent(commune), ct);
            var ok = Note("foetal death entry", entered) && (i >= couples.Count - pending || await CompleteAsync(registrations, entered.Value!.Id, commune, ct) is not null);
            failed += ok ? 0 : 1;
        }

        return failed + (count - couples.Count);
    }

    /// <summary>
    /// Recognitions of a child by its father: a birth registered with the mother only (the father
    /// not declared), then the father's declaration; the last <paramref name="pending"/>
    /// recognitions stop after entry.
    /// </summary>
    public async Task<int> RecognitionsAsync(int count, Random random, CancellationToken ct, int pending = 0)
    {
        var today = Nokor.Platform.Dates.CambodiaTime.Today(clock);
        IReadOnlyList<SampleCouple> couples;
        await using (var scope = services.CreateAsyncScope())
        {
            couples = await scope.ServiceProvider.GetRequiredService<IPopulationSamples>().CouplesAsync(count, ct);
        }

        var failed = count - couples.Count;
        for (var i = 0; i < couples.Count; i++)
        {
            var couple = couples[i];
            var commune = couple.ResidenceVillageCode[..6];
            var born = today.AddDays(-random.Next(3, 25));
            var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var given = sp.GetRequiredService<IPopulationSamples>().GivenName(sex, random);
            var registrations = sp.GetRequiredService<ICivilRegistrations>();
            var birth = await registrations.EnterBirthAsync(new BirthApplication
            {
                Id = Guid.CreateVersion7(),
                Birth = new BirthDossier
                {
                    Child = new ChildDetails
                    {
                        SurnameKm = couple.Mother.SurnameKm,
                        GivenNameKm = given.Km,
                        SurnameLatin = couple.Mother.SurnameLatin,
                        GivenNameLatin = given.Latin,
                        Sex = sex.ToString(),
                        BirthDate = born.ToString("yyyy-MM-dd"),
                        BirthPlaceCode = couple.ResidenceVillageCode,
                        PlaceKind = nameof(EventPlaceKind.HealthFacility),
                        FacilityName = "Health centre " + commune,
                        Attendant = nameof(BirthAttendant.Midwife),
                        BirthType = nameof(BirthType.Single),
                        BirthOrder = 1,
                        BirthWeightGrams = 2800 + random.Next(900),
                        ResidenceVillageCode = couple.ResidenceVillageCode,
                        ResidenceAddress = couple.ResidenceAddress,
                    },
                    Mother = CivilGenerator.Parent(couple.Mother),
                    Informant = new InformantDetails { Kind = nameof(InformantKind.Relative), Name = "Mother", Relationship = "mother", Kidc = couple.MotherKidc },
                },
            }, CivilGenerator.Actors.Agent(commune), ct);
            var child = Note("birth entry", birth) ? await CompleteAsync(registrations, birth.Value!.Id, commune, ct) : null;
            if (child?.SubjectKidc is not { } kidc)
            {
                failed++;
                continue;
            }

            var entered = await registrations.EnterRecognitionAsync(new RecognitionApplication
            {
                Id = Guid.CreateVersion7(),
                Recognition = new RecognitionDossier
                {
                    Child = new ParentDetails
                    {
                        Kidc = kidc, SurnameKm = couple.Mother.SurnameKm, GivenNameKm = given.Km, SurnameLatin = couple.Mother.SurnameLatin,
                        GivenNameLatin = given.Latin, BirthDate = born.ToString("yyyy-MM-dd"),
                    },
                    ParentRole = "Father",
                    Parent = CivilGenerator.Parent(couple.Father),
                    DeclarationDate = today.AddDays(-random.Next(0, 2)).ToString("yyyy-MM-dd"),
                },
            }, CivilGenerator.Actors.Agent(commune), ct);
            var ok = Note("recognition entry", entered) && (i >= couples.Count - pending || await CompleteAsync(registrations, entered.Value!.Id, commune, ct) is not null);
            failed += ok ? 0 : 1;
        }

        return failed;
    }

    /// <summary>Administrative changes of given name of adults; the last <paramref name="pending"/> stop after entry.</summary>
    public async Task<int> NameChangesAsync(int count, Random random, CancellationToken ct, int pending = 0)
    {
        var today = Nokor.Platform.Dates.CambodiaTime.Today(clock);
        IReadOnlyList<SamplePerson> persons;
        await using (var scope = services.CreateAsyncScope())
        {
            persons = await scope.ServiceProvider.GetRequiredService<IPopulationSamples>().LivingAsync(count, 18, ct);
        }

        var failed = count - persons.Count;
        for (var i = 0; i < persons.Count; i++)
        {
            var person = persons[i];
            var commune = person.ResidenceVillageCode[..6];
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var given = sp.GetRequiredService<IPopulationSamples>().GivenName(person.Sex, random);
            var registrations = sp.GetRequiredService<ICivilRegistrations>();
            var entered = await registrations.EnterNameChangeAsync(new NameChangeApplication
            {
                Id = Guid.CreateVersion7(),
                NameChange = new NameChangeDossier
                {
                    Person = new ParentDetails
                    {
                        Kidc = person.Kidc, SurnameKm = person.Identity.SurnameKm, GivenNameKm = person.Identity.GivenNameKm,
                        SurnameLatin = person.Identity.SurnameLatin, GivenNameLatin = person.Identity.GivenNameLatin, BirthDate = person.Identity.BirthDate,
                    },
                    NewSurnameKm = person.Identity.SurnameKm,
                    NewGivenNameKm = given.Km,
                    NewSurnameLatin = person.Identity.SurnameLatin,
                    NewGivenNameLatin = given.Latin,
                    Authority = nameof(DecisionAuthority.Administrative),
                    DecisionDate = today.AddDays(-random.Next(1, Math.Max(2, spreadDays))).ToString("yyyy-MM-dd"),
                    Reason = "The given name used since childhood",
                },
            }, CivilGenerator.Actors.Agent(commune), ct);
            var ok = Note("name change entry", entered) && (i >= persons.Count - pending || await CompleteAsync(registrations, entered.Value!.Id, commune, ct) is not null);
            failed += ok ? 0 : 1;
        }

        return failed;
    }

    /// <summary>Verify by a second generator actor, approve by a registrar: the approved view, or null when refused.</summary>
    private async Task<RegistrationView?> CompleteAsync(ICivilRegistrations registrations, Guid id, string commune, CancellationToken ct)
    {
        var verified = await registrations.VerifyAsync(id, CivilGenerator.Actors.Verifier(commune), ct);
        if (!Note("verification", verified))
        {
            return null;
        }

        var approved = await registrations.ApproveAsync(id, CivilGenerator.Actors.Registrar(commune), ct);
        return Note("approval", approved) ? approved.Value : null;
    }
}

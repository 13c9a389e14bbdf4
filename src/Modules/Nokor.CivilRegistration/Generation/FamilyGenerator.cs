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
/// </summary>
internal sealed class FamilyGenerator(IServiceProvider services, TimeProvider clock)
{
    /// <summary>The court the generated decisions come from (one of the configured courts) and its case number format "n/yyyy".</summary>
    public const string Court = "Phnom Penh Municipal Court of First Instance";

    private const string Purpose = "civil registration: synthetic data generation";

    /// <summary>A marriage this run approved, for the divorces.</summary>
    public sealed record Married(string Number, string Commune, DateOnly Date);

    /// <summary>How many of each were asked for and done.</summary>
    public sealed record Counts(int Marriages, int Divorces, int Adoptions, int Failed, IReadOnlyList<Married> Made);

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

        return new Counts(marriages, divorces, adoptions, failed, made);
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
        var adults = (await samples.LivingAsync(Math.Min(count * 8 + 40, 2_000_000), 20, ct))
            .Where(p => today.Year - p.BirthYear is >= 20 and <= 60).ToList();
        var women = adults.Where(p => p.Sex == Sex.Female).OrderBy(_ => random.Next()).ToList();
        var men = adults.Where(p => p.Sex == Sex.Male).OrderBy(_ => random.Next()).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
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

                if (await registry.MarriageInForceAsync(woman.Kidc, actor, Purpose, ct) is not null)
                {
                    taken.Add(woman.Kidc);
                    continue;
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
        var date = today.AddDays(-random.Next(2, 25));
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
        if (!entered.IsOk)
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
        return entered.IsOk && (!complete || await CompleteAsync(registrations, entered.Value!.Id, marriage.Commune, ct) is not null);
    }

    private async Task<bool> AdoptionAsync(SamplePerson child, SampleCouple parents, DateOnly today, Random random, bool complete, CancellationToken ct)
    {
        var commune = child.ResidenceVillageCode[..6];
        var decided = today.AddDays(-random.Next(1, 20));
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
                NewSurnameKm = full ? parents.FatherSurnameKm : null,
                NewSurnameLatin = full ? parents.FatherSurnameLatin : null,
            },
        }, CivilGenerator.Actors.Agent(commune), ct);
        return entered.IsOk && (!complete || await CompleteAsync(registrations, entered.Value!.Id, commune, ct) is not null);
    }

    /// <summary>Verify by a second generator actor, approve by a registrar: the approved view, or null when refused.</summary>
    private static async Task<RegistrationView?> CompleteAsync(ICivilRegistrations registrations, Guid id, string commune, CancellationToken ct)
    {
        var verified = await registrations.VerifyAsync(id, CivilGenerator.Actors.Verifier(commune), ct);
        if (!verified.IsOk)
        {
            return null;
        }

        var approved = await registrations.ApproveAsync(id, CivilGenerator.Actors.Registrar(commune), ct);
        return approved.IsOk ? approved.Value : null;
    }
}

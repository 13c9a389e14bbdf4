using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// The vital statistics computation (NSPI 5.2.7, 6.2.2): the tabulation plan, rates, completeness and
/// timeliness for a year, by year of occurrence or of registration, for the nation, a province, a
/// district or a commune (by place of usual residence). The use cases decide who may see what:
/// staff see exact figures for areas their office covers (<see cref="GetStatistics"/>); the public
/// sees only what the statistics unit published, protected (<see cref="PublishStatistics"/>).
/// </summary>
internal sealed class StatisticsCalculator(CivilDbContext db, GazetteerService gazetteer, IOptions<CivilRegistrationOptions> options, TimeProvider clock)
{
    /// <summary>Checks the query; the area "" is the nation.</summary>
    public async Task<(int Year, TabulationBasis Basis, string Area)> CheckAsync(int? year, string? basis, string? area, FieldErrors errors)
    {
        var thisYear = clock.GetUtcNow().ToOffset(CambodiaTime.Offset).Year;
        var y = year ?? thisYear;
        if (y < 1900 || y > thisYear)
        {
            errors.Add("year", $"The year must be between 1900 and {thisYear}.");
        }

        var b = TabulationBasis.Occurrence;
        if (basis is { Length: > 0 } && !Enum.TryParse(basis, ignoreCase: true, out b))
        {
            errors.Add("basis", "The basis is occurrence or registration.");
        }

        var a = area?.Trim() ?? "";
        if (a is "national" or "0")
        {
            a = "";
        }

        if (a.Length > 0 && (a.Length is not (2 or 4 or 6) || !await gazetteer.ExistsAsync(a, AdminLevel.Province, AdminLevel.District, AdminLevel.Commune)))
        {
            errors.Add("area", "The area is a province (2 digits), district (4) or commune (6) code of the gazetteer, or empty for the nation.");
        }

        return (y, b, a);
    }

    public async Task<StatisticsSet> ComputeAsync(int year, TabulationBasis basis, string area, CancellationToken ct)
    {
        var scope = await ScopeAsync(area, ct);
        var facts = await FactsAsync(year, basis, area, ct);
        // Rates and completeness are about the events of the year: always by year of occurrence.
        var occurred = basis == TabulationBasis.Occurrence ? facts : await FactsAsync(year, TabulationBasis.Occurrence, area, ct);
        var estimates = await db.PopulationEstimates.AsNoTracking().Where(p => p.Year == year).ToListAsync(ct);
        var rates = await db.ExpectedRates.AsNoTracking().Where(r => r.Year == year).ToListAsync(ct);
        return Assemble(year, basis, scope, facts, occurred, estimates, rates, await UnderFiveAsync(year, area, ct));
    }

    /// <summary>
    /// The sets of several areas of one level (the nation and the provinces, for publication) from
    /// one reading of the year: each area's events are taken from the nation's in memory.
    /// </summary>
    public async Task<List<StatisticsSet>> ComputeManyAsync(int year, TabulationBasis basis, IReadOnlyList<string> areas, CancellationToken ct, IProgress<string>? progress = null)
    {
        var facts = await FactsAsync(year, basis, "", ct);
        var occurred = basis == TabulationBasis.Occurrence ? facts : await FactsAsync(year, TabulationBasis.Occurrence, "", ct);
        var estimates = await db.PopulationEstimates.AsNoTracking().Where(p => p.Year == year).ToListAsync(ct);
        var rates = await db.ExpectedRates.AsNoTracking().Where(r => r.Year == year).ToListAsync(ct);
        var sets = new List<StatisticsSet>(areas.Count);
        foreach (var area in areas)
        {
            var scope = await ScopeAsync(area, ct);
            var own = area.Length == 0 ? facts : facts.Where(f => scope.Contains(f.ResidenceCode)).ToList();
            var ownOccurred = ReferenceEquals(occurred, facts) ? own : area.Length == 0 ? occurred : occurred.Where(f => scope.Contains(f.ResidenceCode)).ToList();
            sets.Add(Assemble(year, basis, scope, own, ownOccurred, estimates, rates, await UnderFiveAsync(year, area, ct)));
            progress?.Report(area.Length == 0 ? "national" : area);
        }

        return sets;
    }

    private StatisticsSet Assemble(int year, TabulationBasis basis, AreaScope scope, List<StatFact> facts, List<StatFact> occurred,
        List<PopulationEstimateEntity> estimates, List<ExpectedRateEntity> rates, IReadOnlyDictionary<string, long> underFive)
    {
        var tables = Tabulator.Tabulate(facts, scope, year, basis);
        var denominators = DenominatorsOf(scope.Code, estimates, rates);
        tables.Add(Indicators.Rates(occurred, denominators));
        tables.Add(Indicators.Coverage(occurred, denominators, underFive));
        tables.Add(CoverageByArea(occurred, scope, estimates, rates));
        tables.Add(Indicators.Escap(occurred, denominators));
        tables.Add(Indicators.Timeliness(occurred, options.Value.BirthLateAfterDays, options.Value.DeathLateAfterDays));
        return new StatisticsSet(year, basis, scope.Code, scope.Name, false, tables);
    }

    public static StatisticsSet Protect(StatisticsSet set) =>
        set with { Protected = true, Tables = set.Tables.Select(Disclosure.Protect).ToList() };

    private StatTable CoverageByArea(IReadOnlyCollection<StatFact> facts, AreaScope scope, List<PopulationEstimateEntity> estimates, List<ExpectedRateEntity> rates)
    {
        var columns = new[]
        {
            new StatLabel("BirthsRegistered", "កំណើតបានចុះបញ្ជី", "Births registered"), new StatLabel("BirthsExpected", "កំណើតរំពឹងទុក", "Births expected"),
            new StatLabel("Births", "កំណើត %", "Births %"),
            new StatLabel("DeathsRegistered", "មរណភាពបានចុះបញ្ជី", "Deaths registered"), new StatLabel("DeathsExpected", "មរណភាពរំពឹងទុក", "Deaths expected"),
            new StatLabel("Deaths", "មរណភាព %", "Deaths %"),
            new StatLabel("MarriagesRegistered", "អាពាហ៍ពិពាហ៍បានចុះបញ្ជី", "Marriages registered"),
            new StatLabel("MarriagesExpected", "អាពាហ៍ពិពាហ៍រំពឹងទុក", "Marriages expected"),
            new StatLabel("Marriages", "អាពាហ៍ពិពាហ៍ %", "Marriages %"),
            new StatLabel("DivorcesRegistered", "ការលែងលះបានចុះបញ្ជី", "Divorces registered"),
            new StatLabel("DivorcesExpected", "ការលែងលះរំពឹងទុក", "Divorces expected"),
            new StatLabel("Divorces", "ការលែងលះ %", "Divorces %"),
        };
        var byChild = facts.GroupBy(f => scope.ChildOf(f.ResidenceCode) ?? "").ToDictionary(g => g.Key, g => g.ToList());
        var rows = scope.Children.Select(child =>
        {
            var own = byChild.GetValueOrDefault(child.Key) ?? [];
            var d = DenominatorsOf(child.Key, estimates, rates);
            double births = own.Count(f => f.Event == VitalEvent.Birth);
            double deaths = own.Count(f => f.Event == VitalEvent.Death);
            var expectedBirths = d.Expected is { } r && d.HasPopulation ? Math.Round(r.CrudeBirthRate * d.Total() / 1000) : (double?)null;
            var expectedDeaths = d.Expected is { } r2 && d.HasPopulation ? Math.Round(r2.CrudeDeathRate * d.Total() / 1000) : (double?)null;
            double marriages = own.Count(f => f.Event == VitalEvent.Marriage);
            double divorces = own.Count(f => f.Event == VitalEvent.Divorce);
            var expectedMarriages = Indicators.ExpectedMarriages(d) is { } m ? Math.Round(m) : (double?)null;
            var expectedDivorces = Indicators.ExpectedDivorces(d) is { } v ? Math.Round(v) : (double?)null;
            return new StatRow(child,
            [
                births, expectedBirths, Indicators.Percent(births, expectedBirths), deaths, expectedDeaths, Indicators.Percent(deaths, expectedDeaths),
                marriages, expectedMarriages, Indicators.Percent(marriages, expectedMarriages), divorces, expectedDivorces, Indicators.Percent(divorces, expectedDivorces),
            ]);
        }).ToList();
        return new StatTable("coverage-areas", new StatLabel("coverage-areas", "ភាពពេញលេញនៃការចុះបញ្ជីតាមតំបន់", "Completeness of registration by area"),
            new StatLabel("area", "តំបន់", "Area"), columns, rows, StatValueKind.Percent,
            [new StatLabel("targets", "គោលដៅ NSPI ២០២៤៖ កំណើត ៩០% មរណភាព ៦៥% អាពាហ៍ពិពាហ៍ ៦៥% ការលែងលះ ៩០%",
                "NSPI 2024 targets: births 90%, deaths 65%, marriages 65%, divorces 90%")])
        {
            CountColumns = ["BirthsRegistered", "BirthsExpected", "DeathsRegistered", "DeathsExpected", "MarriagesRegistered", "MarriagesExpected", "DivorcesRegistered", "DivorcesExpected"],
            CountOf = new Dictionary<string, string>
            {
                ["Births"] = "BirthsRegistered", ["Deaths"] = "DeathsRegistered", ["Marriages"] = "MarriagesRegistered", ["Divorces"] = "DivorcesRegistered",
            },
        };
    }

    /// <summary>
    /// The population of an area: its own estimates, or the sum of the areas below it when the
    /// estimates were loaded at a finer level. The expected rates: the area's own, or those of the
    /// nearest area above it that has them.
    /// </summary>
    public static Denominators DenominatorsOf(string area, IReadOnlyList<PopulationEstimateEntity> estimates, IReadOnlyList<ExpectedRateEntity> rates)
    {
        var own = estimates.Where(p => p.AreaCode == area).ToList();
        if (own.Count == 0)
        {
            var below = estimates.Where(p => p.AreaCode.Length > area.Length && p.AreaCode.StartsWith(area, StringComparison.Ordinal)).ToList();
            if (below.Count > 0)
            {
                var level = below.Min(p => p.AreaCode.Length);
                own = below.Where(p => p.AreaCode.Length == level).ToList();
            }
        }

        var code = area;
        var expected = rates.FirstOrDefault(r => r.AreaCode == code);
        while (expected is null && code.Length > 0)
        {
            code = code[..(code.Length - 2)];
            expected = rates.FirstOrDefault(r => r.AreaCode == code);
        }

        return new Denominators(own, expected);
    }

    private async Task<AreaScope> ScopeAsync(string area, CancellationToken ct)
    {
        var name = new StatLabel("", "ព្រះរាជាណាចក្រកម្ពុជា", "Kingdom of Cambodia");
        if (area.Length > 0 && await gazetteer.GetAsync(area, ct) is { } unit)
        {
            name = new StatLabel(unit.Code, unit.NameKm, unit.NameLatin);
        }

        var children = (await gazetteer.ChildrenAsync(area.Length == 0 ? null : area, ct))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new StatLabel(u.Code, u.NameKm, u.NameLatin)).ToList();
        return new AreaScope(area, name, children);
    }

    /// <summary>Registered (approved) events of the year in the area, by place of usual residence.</summary>
    internal async Task<List<StatFact>> FactsAsync(int year, TabulationBasis basis, string area, CancellationToken ct)
    {
        var query = db.VitalFacts.AsNoTracking().Where(f => f.Status == RegistrationStatus.Approved);
        query = basis == TabulationBasis.Occurrence ? query.Where(f => f.OccurrenceYear == year) : query.Where(f => f.RegistrationYear == year);
        if (area.Length > 0)
        {
            query = query.Where(f => f.ResidenceCode!.StartsWith(area));
        }

        return await query.Select(f => new StatFact(f.Event, f.OccurrenceYear, f.OccurrenceMonth, f.RegistrationYear, f.OccurrenceCode, f.ResidenceCode,
                f.PlaceKind, f.Sex, f.DelayDays, f.MotherAge, f.BirthOrder, f.Attendant, f.BirthType, f.BirthWeightGrams, f.AgeDays, f.AgeYears,
                f.UnderlyingCause, f.MedicallyCertified, f.Manner, f.Maternal, f.HusbandAge, f.WifeAge, f.HusbandPreviousStatus, f.WifePreviousStatus,
                f.MarriageYears, f.DependentChildren, f.GestationWeeks))
            .ToListAsync(ct);
    }

    /// <summary>Children born in the five years up to <paramref name="year"/> whose birth was registered by its end, by sex.</summary>
    private async Task<IReadOnlyDictionary<string, long>> UnderFiveAsync(int year, string area, CancellationToken ct)
    {
        var end = new DateOnly(year, 12, 31);
        var query = db.VitalFacts.AsNoTracking().Where(f => f.Status == RegistrationStatus.Approved && f.Event == VitalEvent.Birth &&
                                                           f.OccurrenceYear >= year - 4 && f.OccurrenceYear <= year && f.RegistrationDate <= end);
        if (area.Length > 0)
        {
            query = query.Where(f => f.ResidenceCode!.StartsWith(area));
        }

        var counts = await query.GroupBy(f => f.Sex).Select(g => new { Sex = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Sex ?? "NotStated", c => c.Count);
    }
}

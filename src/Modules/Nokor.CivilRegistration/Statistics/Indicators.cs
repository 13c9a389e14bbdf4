using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Khmer;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>The population of an area by sex and age band in one year, and the crude rates expected there.</summary>
internal sealed record Denominators(IReadOnlyList<PopulationEstimateEntity> Population, ExpectedRateEntity? Expected)
{
    public static readonly Denominators None = new([], null);

    public bool HasPopulation => Population.Count > 0;

    public double Total(string? sex = null) => Population.Where(p => sex is null || p.Sex == sex).Sum(p => (double)p.Population);

    /// <summary>Persons aged from..to inclusive, from bands that lie inside it; null when the bands do not fit the range.</summary>
    public double? Aged(int from, int to, string? sex = null)
    {
        var bands = Population.Where(p => (sex is null || p.Sex == sex) && p.AgeFrom >= from && p.AgeTo <= to).ToList();
        return bands.Count == 0 ? null : bands.Sum(p => (double)p.Population);
    }
}

/// <summary>
/// Rates, completeness (coverage) and timeliness of registration (NSPI 6.2.4 and the ESCAP Regional
/// Action Framework on CRVS), from registered events and the population estimates loaded for the year.
/// </summary>
internal static class Indicators
{
    /// <summary>The NSPI's coverage targets for 2024 (6.2.4), in percent.</summary>
    public static readonly IReadOnlyDictionary<string, double> Targets = new Dictionary<string, double>
    {
        ["births"] = 90, ["under-five"] = 90, ["deaths"] = 65, ["deaths-certified"] = 50, ["marriages"] = 65, ["divorces"] = 90,
    };

    /// <summary>Sex ratio at birth assumed to split expected births: 105 boys for 100 girls.</summary>
    public const double MaleShareOfBirths = 105.0 / 205.0;

    private static readonly StatLabel[] ValueColumns =
    [
        new("Value", "តម្លៃ", "Value"), new("Numerator", "ភាគយក", "Numerator"), new("Denominator", "ភាគបែង", "Denominator"),
    ];

    public static StatTable Rates(IReadOnlyCollection<StatFact> facts, Denominators d)
    {
        // One pass over the events (a national year is some 450,000 of them).
        int births = 0, deaths = 0, infant = 0, neonatal = 0, lateFoetal = 0, marriages = 0, divorces = 0;
        var byMotherAge = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            switch (f.Event)
            {
                case VitalEvent.Birth:
                    births++;
                    var group = Tabulator.MotherAgeGroup(f.MotherAge);
                    byMotherAge[group] = byMotherAge.GetValueOrDefault(group) + 1;
                    break;
                case VitalEvent.Death:
                    deaths++;
                    var age = Tabulator.DeathAgeGroup(f.AgeDays, f.AgeYears);
                    infant += age is "0d" or "1-7d" or "8-27d" or "28d-11m" or "0y" ? 1 : 0;
                    neonatal += age is "0d" or "1-7d" or "8-27d" ? 1 : 0;
                    break;
                case VitalEvent.FoetalDeath:
                    lateFoetal += f.GestationWeeks >= 28 ? 1 : 0;
                    break;
                case VitalEvent.Marriage:
                    marriages++;
                    break;
                case VitalEvent.Divorce:
                    divorces++;
                    break;
            }
        }

        var population = d.HasPopulation ? d.Total() : (double?)null;
        var rows = new List<StatRow>
        {
            Row("cbr", "អត្រាកំណើតដុល (ក្នុង ១ ០០០ នាក់)", "Crude birth rate (per 1,000 population)", births, population),
            Row("cdr", "អត្រាមរណភាពដុល (ក្នុង ១ ០០០ នាក់)", "Crude death rate (per 1,000 population)", deaths, population),
        };
        double? tfr = d.HasPopulation ? 0 : null;
        foreach (var group in Tabulator.MotherAgeGroups.Where(g => g.Key is not ("0-14" or "50+" or "NotStated")))
        {
            var from = int.Parse(group.Key[..2], System.Globalization.CultureInfo.InvariantCulture);
            var women = d.Aged(from, from + 4, "Female");
            var n = byMotherAge.GetValueOrDefault(group.Key);
            var row = Row($"asfr-{group.Key}", $"អត្រាមានកូនតាមអាយុ {group.Km} (ក្នុងស្ត្រី ១ ០០០ នាក់)", $"Age-specific fertility rate {group.En} (per 1,000 women)", n, women);
            rows.Add(row);
            tfr = tfr is null || row.Values[0] is not { } asfr ? null : tfr + (5 * asfr / 1000);
        }

        rows.Add(new StatRow(new StatLabel("tfr", "អត្រាមានកូនសរុប (កូនក្នុងស្ត្រីម្នាក់)", "Total fertility rate (children per woman)"),
            [tfr is null ? null : Math.Round(tfr.Value, 2), null, null]));
        rows.Add(Row("imr", "អត្រាមរណភាពទារក (ក្នុងកំណើតរស់ ១ ០០០)", "Infant mortality rate (per 1,000 live births)", infant, births == 0 ? null : births));
        rows.Add(Row("nmr", "អត្រាមរណភាពទារកទើបកើត (ក្នុងកំណើតរស់ ១ ០០០)", "Neonatal mortality rate (per 1,000 live births)", neonatal, births == 0 ? null : births));
        // UN P&R Rev. 3: the late foetal death ratio, late foetal deaths (28 weeks or more) per 1,000 live births.
        rows.Add(Row("fdr", "សមាមាត្រការស្លាប់ទារកក្នុងផ្ទៃចុង (ក្នុងកំណើតរស់ ១ ០០០)", "Late foetal death ratio (per 1,000 live births)", lateFoetal, births == 0 ? null : births));
        rows.Add(Row("cmr", "អត្រាអាពាហ៍ពិពាហ៍ដុល (ក្នុង ១ ០០០ នាក់)", "Crude marriage rate (per 1,000 population)", marriages, population));
        rows.Add(Row("cdvr", "អត្រាលែងលះដុល (ក្នុង ១ ០០០ នាក់)", "Crude divorce rate (per 1,000 population)", divorces, population));
        return new StatTable("rates", new StatLabel("rates", "អត្រាកំណើត មរណភាព អាពាហ៍ពិពាហ៍ និងការលែងលះ", "Birth, death, marriage and divorce rates"), new StatLabel("indicator", "សូចនាករ", "Indicator"),
            ValueColumns, rows, StatValueKind.Rate,
            [
                new StatLabel("rates-registered", "គណនាពីព្រឹត្តិការណ៍ដែលបានចុះបញ្ជី៖ អត្រាទាបជាងការពិត ពេលការចុះបញ្ជីមិនពេញលេញ",
                    "Computed from registered events: rates understate the truth where registration is incomplete"),
                new StatLabel("imr-registered", "អត្រាមរណភាពទារក៖ មរណភាពទារកក្នុងឆ្នាំ ចែកនឹងកំណើតរស់ក្នុងឆ្នាំដដែល",
                    "Infant mortality: infant deaths in the year divided by live births in the same year"),
            ]) { CountColumns = ["Numerator", "Denominator"] };

        static StatRow Row(string key, string km, string en, double numerator, double? denominator) =>
            new(new StatLabel(key, km, en), [denominator is > 0 ? Math.Round(1000 * numerator / denominator.Value, 1) : null, numerator, denominator]);
    }

    /// <summary>
    /// Completeness against the NSPI 2024 targets: registered events divided by expected events
    /// (the crude rate expected in the area times its population), by sex. Children under five:
    /// births of the last five years registered by the end of the year, over the population aged 0-4.
    /// </summary>
    public static StatTable Coverage(IReadOnlyCollection<StatFact> facts, Denominators d, IReadOnlyDictionary<string, long> underFiveRegistered)
    {
        var columns = new[]
        {
            new StatLabel("Registered", "បានចុះបញ្ជី", "Registered"), new StatLabel("Expected", "រំពឹងទុក", "Expected"),
            new StatLabel("Male", "ប្រុស %", "Male %"), new StatLabel("Female", "ស្រី %", "Female %"), new StatLabel("Total", "សរុប %", "Total %"),
            new StatLabel("Target", "គោលដៅ NSPI ២០២៤ %", "NSPI 2024 target %"),
        };
        // Counts by event, sex and medical certification, in one pass.
        var tally = new Dictionary<(VitalEvent, string?, bool), int>();
        foreach (var f in facts)
        {
            var key = (f.Event, f.Sex, f.MedicallyCertified);
            tally[key] = tally.GetValueOrDefault(key) + 1;
        }

        double Count(VitalEvent e, string? sex, bool certifiedOnly = false) =>
            tally.Where(t => t.Key.Item1 == e && (sex is null || t.Key.Item2 == sex) && (!certifiedOnly || t.Key.Item3)).Sum(t => t.Value);
        var expectedBirths = d.Expected is { } r1 && d.HasPopulation ? r1.CrudeBirthRate * d.Total() / 1000 : (double?)null;
        double? ExpectedDeaths(string? sex) => d.Expected is { } r && d.HasPopulation ? r.CrudeDeathRate * d.Total(sex) / 1000 : null;
        var rows = new List<StatRow>
        {
            Coverage("births", "កំណើតក្នុងឆ្នាំដែលបានចុះបញ្ជី", "Births in the year registered",
                Count(VitalEvent.Birth, null), expectedBirths, Count(VitalEvent.Birth, "Male"), expectedBirths * MaleShareOfBirths,
                Count(VitalEvent.Birth, "Female"), expectedBirths * (1 - MaleShareOfBirths)),
            Coverage("under-five", "កុមារអាយុក្រោម ៥ ឆ្នាំដែលកំណើតបានចុះបញ្ជី", "Children under five with their birth registered",
                underFiveRegistered.Values.Sum(), d.Aged(0, 4), underFiveRegistered.GetValueOrDefault("Male"), d.Aged(0, 4, "Male"),
                underFiveRegistered.GetValueOrDefault("Female"), d.Aged(0, 4, "Female")),
            Coverage("deaths", "មរណភាពក្នុងឆ្នាំដែលបានចុះបញ្ជី", "Deaths in the year registered",
                Count(VitalEvent.Death, null), ExpectedDeaths(null), Count(VitalEvent.Death, "Male"), ExpectedDeaths("Male"),
                Count(VitalEvent.Death, "Female"), ExpectedDeaths("Female")),
            Coverage("deaths-certified", "មរណភាពដែលមានមូលហេតុបញ្ជាក់ដោយវេជ្ជសាស្ត្រ (ក្នុងមរណភាពដែលបានចុះបញ្ជី)", "Registered deaths with a medically certified cause",
                Count(VitalEvent.Death, null, certifiedOnly: true), Count(VitalEvent.Death, null),
                Count(VitalEvent.Death, "Male", certifiedOnly: true), Count(VitalEvent.Death, "Male"),
                Count(VitalEvent.Death, "Female", certifiedOnly: true), Count(VitalEvent.Death, "Female")),
            Couples("marriages", "អាពាហ៍ពិពាហ៍ក្នុងឆ្នាំដែលបានចុះបញ្ជី", "Marriages in the year registered",
                Count(VitalEvent.Marriage, null), ExpectedMarriages(d)),
            Couples("divorces", "ការលែងលះក្នុងឆ្នាំដែលបានចុះបញ្ជី", "Divorces in the year registered",
                Count(VitalEvent.Divorce, null), ExpectedDivorces(d)),
        };
        return new StatTable("coverage", new StatLabel("coverage", "ភាពពេញលេញនៃការចុះបញ្ជី ធៀបនឹងគោលដៅ NSPI ២០២៤", "Completeness of registration against the NSPI 2024 targets"),
            new StatLabel("indicator", "សូចនាករ", "Indicator"), columns, rows, StatValueKind.Percent,
            [
                new StatLabel("expected", "ចំនួនរំពឹងទុក = អត្រាដុលរំពឹងទុក × ប្រជាជន", "Expected events = expected crude rate × population"),
                new StatLabel("sex-ratio", "កំណើតរំពឹងទុកតាមភេទ៖ ប្រុស ១០៥ ក្នុងស្រី ១០០", "Expected births by sex: 105 boys per 100 girls"),
                new StatLabel("couples", "អាពាហ៍ពិពាហ៍ និងការលែងលះ រាប់តាមគូ មិនមែនតាមភេទ", "Marriages and divorces are counted by couple, not by sex"),
            ]) { CountColumns = ["Registered", "Expected"] };

        static StatRow Coverage(string key, string km, string en, double registered, double? expected, double male, double? expectedMale, double female, double? expectedFemale) =>
            new(new StatLabel(key, km, en),
                [registered, expected is null ? null : Math.Round(expected.Value), Percent(male, expectedMale), Percent(female, expectedFemale), Percent(registered, expected), Targets[key]],
                StatValueKind.Percent);

        static StatRow Couples(string key, string km, string en, double registered, double? expected) =>
            new(new StatLabel(key, km, en),
                [registered, expected is null ? null : Math.Round(expected.Value), null, null, Percent(registered, expected), Targets[key]], StatValueKind.Percent);
    }

    /// <summary>Marriages expected in the year: the expected crude marriage rate times the population; null without either.</summary>
    public static double? ExpectedMarriages(Denominators d) =>
        d.Expected?.CrudeMarriageRate is { } rate && d.HasPopulation ? rate * d.Total() / 1000 : null;

    /// <summary>Divorces expected in the year: the expected crude divorce rate times the population; null without either.</summary>
    public static double? ExpectedDivorces(Denominators d) =>
        d.Expected?.CrudeDivorceRate is { } rate && d.HasPopulation ? rate * d.Total() / 1000 : null;

    /// <summary>
    /// ESCAP Regional Action Framework indicators that the register itself can give: events registered
    /// within one year of occurrence (as a share of expected events) and ill-defined causes among
    /// medically certified deaths.
    /// </summary>
    public static StatTable Escap(IReadOnlyCollection<StatFact> facts, Denominators d)
    {
        var expectedBirths = d.Expected is { } r1 && d.HasPopulation ? r1.CrudeBirthRate * d.Total() / 1000 : (double?)null;
        var expectedDeaths = d.Expected is { } r2 && d.HasPopulation ? r2.CrudeDeathRate * d.Total() / 1000 : (double?)null;
        var births1y = facts.Count(f => f.Event == VitalEvent.Birth && f.DelayDays <= 365);
        var deaths1y = facts.Count(f => f.Event == VitalEvent.Death && f.DelayDays <= 365);
        var certified = facts.Where(f => f.Event == VitalEvent.Death && f.MedicallyCertified).ToList();
        var illDefined = certified.Count(f => Icd10.IsIllDefined(f.UnderlyingCause));
        return new StatTable("escap", new StatLabel("escap", "សូចនាករក្របខ័ណ្ឌសកម្មភាពតំបន់ ESCAP", "ESCAP Regional Action Framework indicators"),
            new StatLabel("indicator", "សូចនាករ", "Indicator"), ValueColumns,
            [
                new StatRow(new StatLabel("1A-births-1y", "1A កំណើតក្នុងឆ្នាំ ដែលបានចុះបញ្ជីក្នុងរយៈពេល ១ ឆ្នាំ %", "1A Births in the year registered within one year %"),
                    [Percent(births1y, expectedBirths), births1y, expectedBirths is null ? null : Math.Round(expectedBirths.Value)]),
                new StatRow(new StatLabel("1D-deaths-1y", "1D មរណភាពក្នុងឆ្នាំ ដែលបានចុះបញ្ជីក្នុងរយៈពេល ១ ឆ្នាំ %", "1D Deaths in the year registered within one year %"),
                    [Percent(deaths1y, expectedDeaths), deaths1y, expectedDeaths is null ? null : Math.Round(expectedDeaths.Value)]),
                new StatRow(new StatLabel("1E-certified", "1E មរណភាពដែលមានមូលហេតុបញ្ជាក់ដោយវេជ្ជសាស្ត្រ %", "1E Registered deaths with a medically certified cause %"),
                    [Percent(certified.Count, facts.Count(f => f.Event == VitalEvent.Death)), certified.Count, facts.Count(f => f.Event == VitalEvent.Death)]),
                new StatRow(new StatLabel("3-ill-defined", "3 មរណភាពដែលមូលហេតុមិនច្បាស់លាស់ (R00-R99) %", "3 Medically certified deaths with ill-defined causes (R00-R99) %"),
                    [Percent(illDefined, certified.Count), illDefined, certified.Count]),
            ], StatValueKind.Percent, []) { CountColumns = ["Numerator", "Denominator"] };
    }

    /// <summary>Timeliness: the share of registered events registered within the legal period, within a year, and later.</summary>
    public static StatTable Timeliness(IReadOnlyCollection<StatFact> facts, int birthLegalDays, int deathLegalDays)
    {
        var columns = new[]
        {
            new StatLabel("Legal", "ក្នុងរយៈពេលច្បាប់ %", "Within the legal period %"), new StatLabel("Year", "ក្រោយរយៈពេលច្បាប់ ក្នុង ១ ឆ្នាំ %", "Late, within a year %"),
            new StatLabel("Later", "ក្រោយ ១ ឆ្នាំ %", "After more than a year %"), new StatLabel("Registered", "បានចុះបញ្ជី", "Registered"),
        };
        StatRow Row(VitalEvent e, int legal, StatLabel label)
        {
            var all = facts.Where(f => f.Event == e).ToList();
            double n = all.Count;
            var onTime = all.Count(f => f.DelayDays <= legal);
            var year = all.Count(f => f.DelayDays > legal && f.DelayDays <= 365);
            return new StatRow(label, [Percent(onTime, n), Percent(year, n), Percent(all.Count - onTime - year, n), n]);
        }

        return new StatTable("timeliness", new StatLabel("timeliness", "ភាពទាន់ពេលនៃការចុះបញ្ជី", "Timeliness of registration"),
            new StatLabel("event", "ព្រឹត្តិការណ៍", "Event"), columns,
            [
                Row(VitalEvent.Birth, birthLegalDays, new StatLabel("births", $"កំណើត (រយៈពេលច្បាប់ {KhmerNumerals.ToKhmer(birthLegalDays)} ថ្ងៃ)", $"Births (legal period {birthLegalDays} days)")),
                Row(VitalEvent.Death, deathLegalDays, new StatLabel("deaths", $"មរណភាព (រយៈពេលច្បាប់ {KhmerNumerals.ToKhmer(deathLegalDays)} ថ្ងៃ)", $"Deaths (legal period {deathLegalDays} days)")),
            ], StatValueKind.Percent, []) { CountColumns = ["Registered"] };
    }

    public static double? Percent(double part, double? whole) => whole is > 0 ? Math.Round(100 * part / whole.Value, 1) : null;
}

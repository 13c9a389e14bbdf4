using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Statistics;
using Nokor.CivilRegistration.Tests.Certificates;

namespace Nokor.CivilRegistration.Tests.Statistics;

/// <summary>The annual report is a real PDF whose Khmer and English text an independent reader gets back, with a chart page per two charts.</summary>
public sealed class AnnualReportTests
{
    private static PublishedYear Sample()
    {
        var area = new AreaScope("", new StatLabel("", "ព្រះរាជាណាចក្រកម្ពុជា", "Kingdom of Cambodia"),
            [new StatLabel("12", "រាជធានីភ្នំពេញ", "Phnom Penh"), new StatLabel("17", "ខេត្តសៀមរាប", "Siem Reap")]);
        var random = new Random(3);
        var facts = Enumerable.Range(0, 400).Select(i => i % 4 == 0
            ? new StatFact(VitalEvent.Death, 2025, 1 + random.Next(12), 2025, "12010101", i % 8 == 0 ? "12010101" : "17020101", "Home",
                random.Next(2) == 0 ? "Male" : "Female", random.Next(40), null, null, null, null, null, null, random.Next(90), i % 3 == 0 ? "I21.9" : "J18.9", true, "Disease", false)
            : new StatFact(VitalEvent.Birth, 2025, 1 + random.Next(12), 2025, "12010101", i % 3 == 0 ? "12010101" : "17020101", "HealthFacility",
                random.Next(2) == 0 ? "Male" : "Female", random.Next(60), 18 + random.Next(25), 1 + random.Next(4), "Midwife", "Single", 2400 + random.Next(1600),
                null, null, null, false, null, false)).ToList();
        var tables = Tabulator.Tabulate(facts, area, 2025, TabulationBasis.Occurrence);
        var population = new Denominators(
            [new PopulationEstimateEntity { Year = 2025, AreaCode = "", Sex = "Male", AgeFrom = 0, AgeTo = 150, Population = 7000 },
             new PopulationEstimateEntity { Year = 2025, AreaCode = "", Sex = "Female", AgeFrom = 0, AgeTo = 150, Population = 7000 }],
            new ExpectedRateEntity { Year = 2025, AreaCode = "", CrudeBirthRate = 22, CrudeDeathRate = 6 });
        tables.Add(Indicators.Rates(facts, population));
        tables.Add(Indicators.Coverage(facts, population, new Dictionary<string, long>()));
        tables.Add(new StatTable("coverage-areas", new StatLabel("coverage-areas", "ភាពពេញលេញតាមតំបន់", "Completeness by area"), new StatLabel("area", "តំបន់", "Area"),
            [new StatLabel("Births", "កំណើត %", "Births %")],
            area.Children.Select((c, i) => new StatRow(c, [i == 0 ? 95.5 : 61.2]))
                .Append(new StatRow(new StatLabel("99", "តំបន់", LongAreaName), [70.0])).ToList(), StatValueKind.Percent, []));
        tables.Add(Indicators.Escap(facts, population));
        tables.Add(Indicators.Timeliness(facts, 30, 15));
        var set = StatisticsCalculator.Protect(new StatisticsSet(2025, TabulationBasis.Occurrence, "", area.Name, false, tables));
        return new PublishedYear(2025, new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero), [set]);
    }

    /// <summary>A row label far wider than the label column of the report's tables.</summary>
    private const string LongAreaName = "Administrative area with a name far longer than any label column of the annual report can hold";

    [Fact]
    public void A_label_too_long_for_its_column_keeps_its_beginning_and_ends_with_an_ellipsis()
    {
        var text = Pdftotext.Extract(AnnualReport.Render(Sample()));

        Assert.Contains("Administrative area with", text);
        Assert.DoesNotContain(LongAreaName, text);
        Assert.Matches(@"Administrative area with[^\n]*…", text);
    }

    [Fact]
    public void The_report_carries_the_tables_and_charts_in_Khmer_and_English()
    {
        var pdf = AnnualReport.Render(Sample());
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "TestResults", "statistics");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "annual-report-2025.pdf"), pdf);

        var text = Pdftotext.Extract(pdf);
        Assert.Contains("ស្ថិតិអត្ថិភាព", text);
        Assert.Contains("Vital statistics 2025", text);
        Assert.Contains("កំណើតរស់តាមខែ និងភេទ", text);
        Assert.Contains("Live births by age of mother and sex of child", text);
        Assert.Contains("Figure 1: Live births by month of occurrence and sex", text);
        Assert.Contains("ESCAP", text);
        // 300 births and 100 deaths, rounded to 5 as published.
        Assert.Contains("300", text);
        Assert.Contains("Marriages by age of groom and age of bride", text);
        Assert.Contains("Late foetal deaths by gestational age and sex", text);
    }
}

using Nokor.Legislation.Bills;
using Nokor.Legislation.Contracts;

namespace Nokor.Legislation.Tests.Bills;

public sealed class ReviewDeadlineTests
{
    private static readonly LegislationOptions Defaults = new();

    [Theory]
    [InlineData("2026-03-10", false, false, "2026-04-10")] // one month (Article 113)
    [InlineData("2026-01-31", false, false, "2026-02-28")] // a month ends on the last day of a shorter month
    [InlineData("2028-01-31", false, false, "2028-02-29")] // leap year
    [InlineData("2026-12-15", false, false, "2027-01-15")] // across the year end
    [InlineData("2026-03-10", true, false, "2026-03-15")]  // urgent: five days
    [InlineData("2026-02-26", true, false, "2026-03-03")]  // five calendar days across a month end
    [InlineData("2026-11-20", false, true, "2026-12-20")]  // budget law: its own period (default one month)
    [InlineData("2026-11-20", true, true, "2026-11-25")]   // an urgent budget law: the shorter period
    public void Deadline_follows_article_113(string received, bool urgent, bool budget, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ReviewDeadlines.DeadlineFor(DateOnly.Parse(received), urgent, budget, Defaults));
    }

    [Fact]
    public void Periods_are_settings()
    {
        var options = new LegislationOptions
        {
            BudgetPeriod = new ReviewPeriod { Days = 15 },
            UrgentPeriod = new ReviewPeriod { Days = 3 },
            NormalPeriod = new ReviewPeriod { Months = 1, Days = 10 },
        };
        var received = new DateOnly(2026, 11, 1);
        Assert.Equal(new DateOnly(2026, 11, 16), ReviewDeadlines.DeadlineFor(received, false, true, options));
        Assert.Equal(new DateOnly(2026, 11, 4), ReviewDeadlines.DeadlineFor(received, true, true, options));
        Assert.Equal(new DateOnly(2026, 12, 11), ReviewDeadlines.DeadlineFor(received, false, false, options));
        // An urgent period longer than the law's own period never lengthens it.
        options.UrgentPeriod = new ReviewPeriod { Days = 40 };
        Assert.Equal(new DateOnly(2026, 11, 16), ReviewDeadlines.DeadlineFor(received, true, true, options));
    }

    [Theory]
    [InlineData(20, false, DeadlineLevel.Open, null)]
    [InlineData(10, false, DeadlineLevel.Warning, 10)]
    [InlineData(4, false, DeadlineLevel.Warning, 5)]
    [InlineData(2, false, DeadlineLevel.Warning, 2)]
    [InlineData(0, false, DeadlineLevel.DueToday, null)]
    [InlineData(-1, false, DeadlineLevel.Passed, null)]
    [InlineData(-1, true, DeadlineLevel.Closed, null)]
    public void Status_warns_at_the_configured_thresholds(int daysLeft, bool decided, DeadlineLevel level, int? threshold)
    {
        var today = new DateOnly(2026, 11, 23);
        var status = ReviewDeadlines.StatusOn(today.AddDays(daysLeft), today, decided, [10, 5, 2]);
        Assert.Equal(level, status.Level);
        Assert.Equal(threshold, status.Threshold);
        Assert.Equal(daysLeft, status.DaysLeft);
    }

    [Fact]
    public void Procedure_of_a_bill()
    {
        Assert.Equal(ReviewProcedure.Urgent, ReviewDeadlines.ProcedureOf(true, true));
        Assert.Equal(ReviewProcedure.Budget, ReviewDeadlines.ProcedureOf(false, true));
        Assert.Equal(ReviewProcedure.Normal, ReviewDeadlines.ProcedureOf(false, false));
    }
}

public sealed class BillProcedureTests
{
    [Fact]
    public void The_usual_path_is_allowed_step_by_step()
    {
        var path = new[]
        {
            BillStage.Received, BillStage.PermanentCommittee, BillStage.ReferredToCommission, BillStage.CommissionReview,
            BillStage.CommissionReport, BillStage.PermanentCommittee, BillStage.PlenaryDebate, BillStage.PlenaryVote,
            BillStage.Decision, BillStage.ReturnedToAssembly, BillStage.Promulgated, BillStage.Published,
        };
        for (var i = 1; i < path.Length; i++)
        {
            Assert.Contains(path[i], BillProcedure.NextStages(path[i - 1], BillDecision.ApprovedWithoutAmendment, false));
        }

        Assert.Empty(BillProcedure.NextStages(BillStage.Published, BillDecision.ApprovedWithoutAmendment, false));
    }

    [Theory]
    [InlineData(BillStage.Received, BillStage.PlenaryVote)]
    [InlineData(BillStage.ReferredToCommission, BillStage.Decision)]
    [InlineData(BillStage.PlenaryDebate, BillStage.Decision)]
    [InlineData(BillStage.Decision, BillStage.Decision)]
    [InlineData(BillStage.Decision, BillStage.Promulgated)]
    [InlineData(BillStage.Published, BillStage.Received)]
    public void Out_of_order_stages_are_not_offered(BillStage current, BillStage wanted)
    {
        Assert.DoesNotContain(wanted, BillProcedure.NextStages(current, null, false));
    }

    [Fact]
    public void A_law_approved_without_amendment_goes_to_the_King_without_a_second_reading()
    {
        Assert.DoesNotContain(BillStage.AssemblySecondReading, BillProcedure.NextStages(BillStage.ReturnedToAssembly, BillDecision.ApprovedWithoutAmendment, false));
        Assert.Contains(BillStage.AssemblySecondReading, BillProcedure.NextStages(BillStage.ReturnedToAssembly, BillDecision.ApprovedWithAmendments, false));
        Assert.Contains(BillStage.AssemblySecondReading, BillProcedure.NextStages(BillStage.ReturnedToAssembly, BillDecision.Rejected, false));
        // After its second reading the Assembly may send the law back: a new round.
        Assert.Contains(BillStage.Received, BillProcedure.NextStages(BillStage.AssemblySecondReading, BillDecision.Rejected, false));
    }

    [Fact]
    public void Once_the_period_has_passed_a_law_under_review_may_be_promulgated()
    {
        Assert.DoesNotContain(BillStage.Promulgated, BillProcedure.NextStages(BillStage.ReferredToCommission, null, false));
        Assert.Contains(BillStage.Promulgated, BillProcedure.NextStages(BillStage.ReferredToCommission, null, true));
        Assert.DoesNotContain(BillStage.Promulgated, BillProcedure.NextStages(BillStage.Decision, BillDecision.Rejected, true));
    }

    [Theory]
    [InlineData("NS/RKM/0524/012", "ns-rkm-0524-012")]
    [InlineData("ns.rkm.០៥២៤.០១២", "ns-rkm-0524-012")]
    [InlineData(" 12 ", "12")]
    [InlineData("នស/រកម", null)]
    [InlineData("//", null)]
    [InlineData("", null)]
    public void Law_numbers_become_frbr_numbers(string input, string? expected)
    {
        Assert.Equal(expected, LawNumbers.Slug(input));
    }

    [Fact]
    public void Documents_are_recognised_by_content()
    {
        Assert.Equal("application/pdf", DocumentTypes.Detect("%PDF-1.7\n"u8));
        Assert.Equal("image/png", DocumentTypes.Detect(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }));
        Assert.Equal("text/plain; charset=utf-8", DocumentTypes.Detect("របាយការណ៍គណៈកម្មការ"u8));
        Assert.Equal("application/akn+xml", DocumentTypes.Detect("\uFEFF<akomaNtoso/>"u8));
        Assert.Null(DocumentTypes.Detect(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03 }));
        Assert.Null(DocumentTypes.Detect(new byte[] { 0xC3, 0x28 }));
    }

    [Fact]
    public void Warning_thresholds_from_the_settings_replace_the_defaults()
    {
        static IReadOnlyList<int> Bound(Dictionary<string, string?> settings)
        {
            var configuration = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(new Microsoft.Extensions.Configuration.ConfigurationBuilder(), settings).Build();
            var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
            Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions.Configure<LegislationOptions>(
                services, configuration.GetSection(LegislationOptions.Section));
            using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
            return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Microsoft.Extensions.Options.IOptions<LegislationOptions>>(provider).Value.Warnings;
        }

        Assert.Equal([7, 3], Bound(new() { ["Legislation:WarnAtDaysLeft:0"] = "7", ["Legislation:WarnAtDaysLeft:1"] = "3" }));
        Assert.Equal([10, 5, 2], Bound(new()));
        var status = ReviewDeadlines.StatusOn(new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 13), false, Bound(new() { ["Legislation:WarnAtDaysLeft:0"] = "7" }));
        Assert.Equal(7, status.DaysLeft);
        Assert.Equal(7, status.Threshold);
    }
}

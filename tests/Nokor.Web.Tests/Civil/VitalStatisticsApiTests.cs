using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Civil;

/// <summary>
/// Vital statistics over HTTP, from registrations made through the real procedure: the statistical
/// record follows each registration, the tables count approved events only, staff see their own
/// area, the public sees published and protected tables, and bad input names its field.
/// </summary>
public sealed class VitalStatisticsApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    internal static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>A day earlier this year (so that the event and its registration fall in the same year), some days ago when possible.</summary>
    internal static DateOnly EventDay => Today.DayOfYear > 6 ? Today.AddDays(-5) : Today;

    internal static async Task<(Guid Birth, Guid Pending, Guid Death)> RegisterAsync(NokorHost host)
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var birth = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, Day(EventDay)));
        await second.StepAsync(birth.Id, "verify");
        await registrar.StepAsync(birth.Id, "approve");
        var print = await agent.PostAsync($"/api/civil/registrations/{birth.Id}/certificates", null);
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        var pending = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, Day(EventDay), givenNameKm: "សុភា", givenNameLatin: "Sophea"));

        var deceased = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, "ចាន់", "សុខា", "Chan", "Sokha", "1950-01-01"));
        var deathDossier = new Dictionary<string, object?>
        {
            ["deathDate"] = Day(EventDay), ["deathPlaceCode"] = host.VillageA, ["placeKind"] = "Home",
            ["informant"] = new { kind = "Relative", name = "Chan Dara", relationship = "son" },
            ["cause"] = new
            {
                lineA = new { condition = "Septic shock", icd10 = "R57.2", interval = "1 day" },
                lineB = new { condition = "Dengue haemorrhagic fever", icd10 = "A91", interval = "6 days" },
                manner = "Disease", certifierName = "Dr. Keo Sopheap", certifierRole = "doctor",
            },
        };
        CivilIntents.Deceased(deathDossier, deceased);
        var response = await agent.PostAsJsonAsync("/api/civil/registrations/deaths", new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid(),
            ["death"] = deathDossier,
        });
        var death = await CivilIntents.ReadAsync<RegistrationView>(response);
        await second.StepAsync(death.Id, "verify");
        await registrar.StepAsync(death.Id, "approve");
        return (birth.Id, pending.Id, death.Id);
    }

    private static double? Cell(JsonElement set, string table, string row, string column)
    {
        var t = set.GetProperty("tables").EnumerateArray().Single(x => x.GetProperty("name").GetString() == table);
        var c = t.GetProperty("columns").EnumerateArray().Select((x, i) => (x, i)).Single(x => x.x.GetProperty("key").GetString() == column).i;
        var r = t.GetProperty("rows").EnumerateArray().Single(x => x.GetProperty("label").GetProperty("key").GetString() == row);
        var v = r.GetProperty("values")[c];
        return v.ValueKind == JsonValueKind.Null ? null : v.GetDouble();
    }

    [Fact]
    public async Task Tables_count_approved_registrations_by_their_details_and_the_public_sees_only_what_was_published()
    {
        var (birthId, pendingId, deathId) = await RegisterAsync(host);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            var facts = await db.VitalFacts.AsNoTracking().Where(f => f.RegistrationId == birthId || f.RegistrationId == pendingId || f.RegistrationId == deathId).ToListAsync();
            Assert.Equal(3, facts.Count);
            var birth = facts.Single(f => f.RegistrationId == birthId);
            Assert.Equal(RegistrationStatus.Approved, birth.Status);
            Assert.NotNull(birth.FirstCertificateAt);
            Assert.Equal(Today.Year, birth.RegistrationYear);
            Assert.Equal(VitalFactsAge(new DateOnly(1995, 2, 10), EventDay), birth.MotherAge);
            Assert.Equal(RegistrationStatus.Entered, facts.Single(f => f.RegistrationId == pendingId).Status);
            var death = facts.Single(f => f.RegistrationId == deathId);
            Assert.Equal("A91", death.UnderlyingCause);
            Assert.True(death.MedicallyCertified);
            Assert.Equal("Male", death.Sex);
        }

        var year = EventDay.Year;
        var statistics = await host.ClientForAsync("statistics.n");
        var national = await statistics.GetFromJsonAsync<JsonElement>($"/api/civil/statistics?year={year}");
        Assert.Equal(1, Cell(national, "births-month", "Total", "Total"));
        Assert.Equal(1, Cell(national, "births-month", EventDay.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), "Female"));
        Assert.Equal(1, Cell(national, "births-attendant", "Midwife", "Female"));
        Assert.Equal(1, Cell(national, "births-weight", "3000-3499", "Female"));
        Assert.Equal(1, Cell(national, "births-place-residence", host.CommuneA[..2], "Female"));
        Assert.Equal(1, Cell(national, "deaths-cause", "I", "Male"));
        Assert.Equal(1, Cell(national, "deaths-place-kind", "Home", "Male"));
        Assert.Equal(1, Cell(national, "timeliness", "births", "Registered"));
        Assert.Equal(100, Cell(national, "timeliness", "births", "Legal"));

        // The commune registrar sees the commune; outside it the area is refused, naming the field.
        var registrar = await host.ClientForAsync("registrar.a");
        var commune = await registrar.GetFromJsonAsync<JsonElement>($"/api/civil/statistics?year={year}&area={host.CommuneA}");
        Assert.Equal(1, Cell(commune, "deaths-month", "Total", "Male"));
        await AssertFieldAsync(await registrar.GetAsync($"/api/civil/statistics?year={year}&area={host.CommuneB}"), "area");
        await AssertFieldAsync(await registrar.GetAsync($"/api/civil/statistics?year={year}"), "area");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.ClientForAsync("agent.a")).GetAsync($"/api/civil/statistics?year={year}&area={host.CommuneA}")).StatusCode);
        Assert.Contains(await host.AuditForAsync($"{year}/Occurrence/{host.CommuneA}"), e => e.Action == "civil.statistics.read");

        // Downloads: CSV with a byte order mark, XLSX as a zip.
        var csv = await statistics.GetAsync($"/api/civil/statistics/tables/births-month?year={year}&format=csv&lang=en");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFLive births by month of occurrence and sex", text);
        var xlsx = await statistics.GetByteArrayAsync($"/api/civil/statistics/tables/deaths-cause?year={year}&format=xlsx");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);

        // Nothing is public before the statistics unit publishes; afterwards, protected figures only.
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/statistics/{year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.PostAsync($"/api/civil/statistics/publications/{year}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await statistics.PostAsync($"/api/civil/statistics/publications/{year}", null)).StatusCode);
        var published = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/statistics/{year}");
        Assert.True(published.GetProperty("protected").GetBoolean());
        Assert.Null(Cell(published, "births-month", "Total", "Total"));
        Assert.Equal(0, Cell(published, "births-month", "Total", "Male"));
        var open = await anonymous.GetStringAsync($"/api/public/statistics/{year}/births-attendant");
        Assert.StartsWith("\uFEFFkey,Male,Female,NotStated,Total", open);
        Assert.Contains("\r\nMidwife,0,–,0,–\r\n", open);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/statistics/{year}?area={host.CommuneA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/statistics/{year}/no-such-table")).StatusCode);
    }

    private static int VitalFactsAge(DateOnly born, DateOnly on) => on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);

    [Theory]
    [InlineData("year=1800", "year")]
    [InlineData("year=abc", "year")]
    [InlineData("year=2999", "year")]
    [InlineData("area=99", "area")]
    [InlineData("area=12x", "area")]
    [InlineData("basis=weekly", "basis")]
    public async Task Bad_statistics_queries_name_the_field(string query, string field)
    {
        var statistics = await host.ClientForAsync("statistics.n");
        await AssertFieldAsync(await statistics.GetAsync($"/api/civil/statistics?{query}"), field);
    }

    [Fact]
    public async Task Denominators_load_from_CSV_and_give_completeness_a_bad_line_changes_nothing()
    {
        var statistics = await host.ClientForAsync("statistics.n");
        var year = Today.Year - 1;
        var bad = $"year,area,sex,age_from,age_to,population\n{year},,Male,0,4,1000\n{year},99,Female,0,4,1000\n";
        var refused = await statistics.PostAsync("/api/civil/statistics/denominators", new StringContent(bad, Encoding.UTF8, "text/csv"));
        var problem = await CivilIntents.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file.line 3.area", out _), problem.ToString());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<CivilDbContext>().PopulationEstimates.AnyAsync(p => p.Year == year));
        }

        var population = $"year,area,sex,age_from,age_to,population\n{year},,Male,0,4,1000\n{year},,Female,0,4,1000\n{year},,Male,5,150,9000\n{year},,Female,5,150,9000\n";
        Assert.Equal(HttpStatusCode.OK, (await statistics.PostAsync("/api/civil/statistics/denominators", new StringContent(population, Encoding.UTF8, "text/csv"))).StatusCode);
        var rates = $"year,area,crude_birth_rate,crude_death_rate\n{year},,20,5\n";
        Assert.Equal(HttpStatusCode.OK, (await statistics.PostAsync("/api/civil/statistics/denominators", new StringContent(rates, Encoding.UTF8, "text/csv"))).StatusCode);
        var set = await statistics.GetFromJsonAsync<JsonElement>($"/api/civil/statistics?year={year}");
        Assert.Equal(400, Cell(set, "coverage", "births", "Expected"));
        Assert.Equal(100, Cell(set, "coverage", "deaths", "Expected"));
        Assert.Equal(0, Cell(set, "coverage", "births", "Total"));
        Assert.Equal(20000, Cell(set, "rates", "cbr", "Denominator"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.ClientForAsync("registrar.a")).PostAsync("/api/civil/statistics/denominators",
            new StringContent(rates, Encoding.UTF8, "text/csv"))).StatusCode);
    }

    internal static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await CivilIntents.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}

/// <summary>Service-level reports (NSPI 8.4) over HTTP, in a database of their own.</summary>
public sealed class ServiceLevelApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    [Fact]
    public async Task Service_report_shows_each_step_against_its_target_and_administrators_set_the_targets()
    {
        await VitalStatisticsApiTests.RegisterAsync(host);
        var registrar = await host.ClientForAsync("registrar.a");
        var report = await registrar.GetFromJsonAsync<JsonElement>($"/api/civil/statistics/service-report?period=day");
        Assert.Equal("day", report.GetProperty("period").GetString());
        var office = report.GetProperty("offices").EnumerateArray().Single(o => o.GetProperty("officeCode").GetString() == host.CommuneA);
        var steps = office.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.True(steps["verification"].GetProperty("completed").GetInt32() >= 2);
        Assert.True(steps["certificate"].GetProperty("completed").GetInt32() >= 1);
        Assert.True(steps["verification"].GetProperty("met").GetBoolean());
        Assert.Equal("acknowledged", office.GetProperty("action").GetString());

        var admin = await host.ClientForAsync("admin");
        await VitalStatisticsApiTests.AssertFieldAsync(await admin.PutAsJsonAsync("/api/civil/statistics/service-targets/verification", new { maxHours = 0, compliancePercent = 90 }), "maxHours");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/civil/statistics/service-targets/lunch", new { maxHours = 1, compliancePercent = 90 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.PutAsJsonAsync("/api/civil/statistics/service-targets/verification", new { maxHours = 1, compliancePercent = 90 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/civil/statistics/service-targets/decision", new { maxHours = 48, compliancePercent = 95 })).StatusCode);
        var targets = await registrar.GetFromJsonAsync<JsonElement>("/api/civil/statistics/service-targets");
        Assert.Equal(95, targets.EnumerateArray().Single(t => t.GetProperty("step").GetString() == "decision").GetProperty("compliancePercent").GetInt32());

        await VitalStatisticsApiTests.AssertFieldAsync(await registrar.GetAsync("/api/civil/statistics/service-report?period=year"), "period");
        await VitalStatisticsApiTests.AssertFieldAsync(await registrar.GetAsync($"/api/civil/statistics/service-report?date={VitalStatisticsApiTests.Day(VitalStatisticsApiTests.Today.AddDays(2))}"), "date");
        await VitalStatisticsApiTests.AssertFieldAsync(await registrar.GetAsync($"/api/civil/statistics/service-report?area={host.CommuneB}"), "area");
    }
}

/// <summary>`nokor stats` against a host's database of its own.</summary>
public sealed class StatisticsCommandTests(NokorHost host) : IClassFixture<NokorHost>
{
    [Fact]
    public async Task The_command_line_prints_a_table_publishes_with_the_report_and_refuses_bad_input()
    {
        await VitalStatisticsApiTests.RegisterAsync(host);
        var year = VitalStatisticsApiTests.EventDay.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = await NokorCli.RunAsync(host, "stats", "table", "births-attendant", "--year", year, "--area", host.CommuneA, "--lang", "en");
        Assert.True(table.ExitCode == 0, table.Output);
        Assert.Contains("Live births by attendant at birth and sex", table.Output);
        Assert.Matches(@"\nMidwife,0,[1-9]\d*,0,[1-9]\d*\r?\n", table.Output);
        var json = await NokorCli.RunAsync(host, "stats", "table", "timeliness", "--year", year, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        Assert.Equal("timeliness", JsonDocument.Parse(json.Output).RootElement.GetProperty("name").GetString());

        Assert.Equal(2, (await NokorCli.RunAsync(host, "stats", "table", "no-such-table", "--year", year)).ExitCode);
        var badArea = await NokorCli.RunAsync(host, "stats", "table", "rates", "--year", year, "--area", "99");
        Assert.Equal(2, badArea.ExitCode);
        Assert.Contains("area:", badArea.Output);

        var csv = Path.Combine(host.DataDirectory, "bad-population.csv");
        await File.WriteAllTextAsync(csv, "year,area,sex,age_from,age_to,population\n2025,,Other,0,4,10\n");
        var refused = await NokorCli.RunAsync(host, "stats", "denominators", csv);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("line 2.sex", refused.Output);

        var pdf = Path.Combine(host.DataDirectory, "report.pdf");
        var publish = await NokorCli.RunAsync(host, "stats", "publish", "--year", year, "--out", pdf);
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(pdf))[..4]);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync($"/api/public/statistics/{year}")).StatusCode);
    }
}

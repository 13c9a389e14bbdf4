using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nokor.CivilRegistration.Contracts;
using Nokor.Population.Contracts;
using Nokor.Population.Kidc;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Civil;

/// <summary>
/// Issue 14 item 2: an act names parents and the deceased anywhere in the country, but a look-up
/// by KIDC only confirms what the clerk typed; it never returns the registry's values, and every
/// reason for "not confirmed" gives the same answer.
/// </summary>
public sealed class PersonConfirmationApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string NotConfirmed =
        "The Population Registry does not confirm this KIDC with these names and date of birth for this role: check them against the identity document.";

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    /// <summary>A woman living in Phnom Penh (commune A), registered by commune A's agent.</summary>
    private async Task<PersonRecord> PhnomPenhPersonAsync(string givenKm, string givenLatin, string birthDate, string sex = "Female")
    {
        var agentA = await host.ClientForAsync("agent.a");
        var body = host.PersonBody(host.VillageA, "សុខ", givenKm, "Sok", givenLatin, birthDate);
        body["sex"] = sex;
        return await host.RegisterPersonAsync(agentA, body);
    }

    private static Dictionary<string, object?> Typed(string kidc, string givenKm, string givenLatin, string birthDate) => new()
    {
        ["kidc"] = kidc, ["surnameKm"] = "សុខ", ["givenNameKm"] = givenKm, ["surnameLatin"] = "Sok", ["givenNameLatin"] = givenLatin, ["birthDate"] = birthDate,
    };

    private Dictionary<string, object?> SiemReapBirth(Dictionary<string, object?> mother)
    {
        var body = CivilIntents.BirthBody(host.VillageB, DaysAgo(2), givenNameKm: "ពិសិដ្ឋ", givenNameLatin: "Piseth");
        var birth = (Dictionary<string, object?>)body["birth"]!;
        birth["mother"] = mother;
        birth["informant"] = new Dictionary<string, object?> { ["kind"] = "Relative", ["name"] = "Chan Dara", ["relationship"] = "father" };
        return body;
    }

    [Fact]
    public async Task A_Siem_Reap_office_confirms_a_Phnom_Penh_mother_and_answers_only_with_what_its_clerk_typed()
    {
        var mother = await PhnomPenhPersonAsync("ស្រីល័ក្ខ", "Sreyleak", "1994-03-02");
        var agentB = await host.ClientForAsync("agent.b");
        Assert.Equal(HttpStatusCode.NotFound, (await agentB.GetAsync($"/api/population/persons/{mother.Kidc}")).StatusCode);

        // Typed with a space in the Khmer given name and another romanization: the same person.
        var body = SiemReapBirth(Typed(mother.Kidc, "ស្រី ល័ក្ខ", "Srey Leak", "1994-03-02"));
        var response = await agentB.PostAsJsonAsync("/api/civil/registrations/births", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entered = JsonSerializer.Deserialize<RegistrationView>(text, NokorHost.Json)!;
        Assert.Equal(mother.Kidc, entered.Birth!.Mother!.Kidc);
        Assert.True(entered.Birth.Mother.Confirmed);
        Assert.Equal("Srey Leak", entered.Birth.Mother.GivenNameLatin);
        Assert.Equal("1994-03-02", entered.Birth.Mother.BirthDate);
        Assert.DoesNotContain("Sreyleak", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ស្រីល័ក្ខ", text, StringComparison.Ordinal);

        // The look-up is audited under the act (the application's id), with the answer only.
        var confirm = Assert.Single(await host.AuditForAsync(mother.Kidc), a => a.Action == "person.confirm");
        Assert.Equal($"civil registration {entered.Id}: parents of a birth", confirm.Purpose);
        Assert.Equal("{\"confirmed\":true}", confirm.Details);
    }

    [Fact]
    public async Task Every_reason_a_mother_is_not_confirmed_gets_one_answer_that_tells_nothing_of_the_registry()
    {
        var woman = await PhnomPenhPersonAsync("ចាន់ធី", "Chanthy", "1990-06-15");
        var man = await PhnomPenhPersonAsync("វណ្ណា", "Vanna", "1988-02-01", sex: "Male");
        var dead = await PhnomPenhPersonAsync("ម៉ាលី", "Maly", "1985-09-09");
        var agentA = await host.ClientForAsync("agent.a");
        var died = await agentA.PatchAsJsonAsync($"/api/population/persons/{dead.Kidc}", new
        {
            lifeStatus = "Deceased", deathDate = DaysAgo(30), source = "Crvs", reason = "Death registered",
        });
        Assert.Equal(HttpStatusCode.OK, died.StatusCode);

        var agentB = await host.ClientForAsync("agent.b");
        var cases = new Dictionary<string, Dictionary<string, object?>>
        {
            ["no such KIDC"] = Typed(KidcRule.Complete("176543210")!, "ចាន់ធី", "Chanthy", "1990-06-15"),
            ["another date of birth"] = Typed(woman.Kidc, "ចាន់ធី", "Chanthy", "1990-06-16"),
            ["another name"] = Typed(woman.Kidc, "សុភា", "Sophea", "1990-06-15"),
            ["not a woman"] = Typed(man.Kidc, "វណ្ណា", "Vanna", "1988-02-01"),
            ["dead before the birth"] = Typed(dead.Kidc, "ម៉ាលី", "Maly", "1985-09-09"),
        };
        foreach (var (reason, mother) in cases)
        {
            var body = SiemReapBirth(mother);
            var response = await agentB.PostAsJsonAsync("/api/civil/registrations/births", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{reason}: {(int)response.StatusCode} {text}");
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.Equal(["birth.mother.kidc"], errors.EnumerateObject().Select(p => p.Name));
            Assert.Equal([NotConfirmed], errors.GetProperty("birth.mother.kidc").EnumerateArray().Select(e => e.GetString()));
            Assert.DoesNotContain("Female", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Deceased", text, StringComparison.Ordinal);
        }

        // Each look-up is audited whatever its answer, under the act that asked.
        var refused = Assert.Single(await host.AuditForAsync(man.Kidc), a => a.Action == "person.confirm");
        Assert.Equal("{\"confirmed\":false}", refused.Details);
        Assert.StartsWith("civil registration ", refused.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_death_confirms_the_deceased_with_typed_names_and_refuses_one_already_dead_with_the_same_answer()
    {
        var person = await PhnomPenhPersonAsync("សុខា", "Sokha", "1950-01-01", sex: "Male");
        var agentB = await host.ClientForAsync("agent.b");
        Dictionary<string, object?> Death(string birthDate) => new()
        {
            ["id"] = Guid.NewGuid(),
            ["death"] = new Dictionary<string, object?>
            {
                ["deceasedKidc"] = person.Kidc, ["deceasedSurnameKm"] = "សុខ", ["deceasedGivenNameKm"] = "សុខា",
                ["deceasedSurnameLatin"] = "Sokh", ["deceasedGivenNameLatin"] = "Sokha", ["deceasedSex"] = "Male", ["deceasedBirthDate"] = birthDate,
                ["deathDate"] = DaysAgo(1), ["deathPlaceCode"] = host.VillageB, ["placeKind"] = "Home",
                ["informant"] = new { kind = "Relative", name = "Sok Dara", relationship = "son" },
            },
        };

        var wrong = await agentB.PostAsJsonAsync("/api/civil/registrations/deaths", Death("1950-01-02"));
        var problem = await CivilIntents.ProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Equal(NotConfirmed, problem.GetProperty("errors").GetProperty("death.deceasedKidc")[0].GetString());

        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agentB.PostAsJsonAsync("/api/civil/registrations/deaths", Death("1950-01-01")));
        Assert.Equal("Sokh Sokha", entered.SubjectNameLatin);
        Assert.Equal(person.Kidc, entered.SubjectKidc);

        // Another office's open application is not revealed either: the same answer.
        var agentA = await host.ClientForAsync("agent.a");
        var again = Death("1950-01-01");
        ((Dictionary<string, object?>)again["death"]!)["deathPlaceCode"] = host.VillageA;
        var other = await CivilIntents.ProblemAsync(await agentA.PostAsJsonAsync("/api/civil/registrations/deaths", again), HttpStatusCode.BadRequest);
        Assert.Equal(NotConfirmed, other.GetProperty("errors").GetProperty("death.deceasedKidc")[0].GetString());

        // Once the registry records the death, a new application gets the same answer as a mismatch.
        var died = await agentA.PatchAsJsonAsync($"/api/population/persons/{person.Kidc}", new
        {
            lifeStatus = "Deceased", deathDate = DaysAgo(1), source = "Crvs", reason = "Death registered",
        });
        Assert.Equal(HttpStatusCode.OK, died.StatusCode);
        var dead = await CivilIntents.ProblemAsync(await agentA.PostAsJsonAsync("/api/civil/registrations/deaths", again), HttpStatusCode.BadRequest);
        Assert.Equal(NotConfirmed, dead.GetProperty("errors").GetProperty("death.deceasedKidc")[0].GetString());
    }

    [Fact]
    public async Task Reading_a_registration_records_the_purpose_the_caller_states_and_requires_one()
    {
        var agent = await host.ClientForAsync("agent.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(1), givenNameKm: "សុភ័ក្ត្រ", givenNameLatin: "Sopheak"));

        var bare = host.CreateClient();
        bare.DefaultRequestHeaders.Authorization = agent.DefaultRequestHeaders.Authorization;
        foreach (var path in new[] { $"/api/civil/registrations/{entered.Id}", $"/api/civil/registrations/{entered.Id}/history" })
        {
            var refused = await CivilIntents.ProblemAsync(await bare.GetAsync(path), HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("purpose", out _), refused.ToString());
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/civil/registrations/{entered.Id}");
        request.Headers.Add("X-Purpose", "Family asked for the record at the counter");
        var read = await bare.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var history = new HttpRequestMessage(HttpMethod.Get, $"/api/civil/registrations/{entered.Id}/history");
        history.Headers.Add("X-Purpose", "Supervisor review");
        Assert.Equal(HttpStatusCode.OK, (await bare.SendAsync(history)).StatusCode);

        var audit = await host.AuditForAsync(entered.Id.ToString());
        Assert.Equal("Family asked for the record at the counter", Assert.Single(audit, a => a.Action == "civil.registration.read").Purpose);
        Assert.Equal("Supervisor review", Assert.Single(audit, a => a.Action == "civil.registration.history").Purpose);
    }
}

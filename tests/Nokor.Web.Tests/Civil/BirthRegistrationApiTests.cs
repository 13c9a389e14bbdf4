using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Population.Contracts;
using Nokor.Population.Kidc;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Civil;

public sealed class BirthRegistrationApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_birth_goes_from_entry_through_double_verification_to_approval_with_a_KIDC_linked_to_the_parents()
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var mother = await host.RegisterPersonAsync(agent, Female(host.PersonBody(host.VillageA, "សុខ", "ស្រីល័ក្ខ", "Sok", "Sreyleak", "1994-03-02")));
        var father = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, "ចាន់", "វណ្ណា", "Chan", "Vanna", "1991-07-21"));

        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(3), mother, father));
        Assert.Equal(RegistrationStatus.Entered, entered.Status);
        Assert.Null(entered.Number);
        Assert.False(entered.IsLate);
        Assert.Equal("Sok", entered.Birth!.Mother!.SurnameLatin);

        // The one who entered cannot verify; a registrar cannot approve before verification.
        await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/verify", new { }), HttpStatusCode.BadRequest);
        await CivilIntents.ProblemAsync(await registrar.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/approve", new { }), HttpStatusCode.Conflict);

        var verified = await second.StepAsync(entered.Id, "verify");
        Assert.Equal(RegistrationStatus.Verified, verified.Status);
        var approved = await registrar.StepAsync(entered.Id, "approve");
        Assert.Equal(RegistrationStatus.Approved, approved.Status);
        Assert.Matches($"^B{host.CommuneA}-\\d{{4}}-\\d{{6}}$", approved.Number);
        Assert.True(KidcRule.IsValid(approved.SubjectKidc));

        var child = await registrar.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{approved.SubjectKidc}", NokorHost.Json);
        Assert.Equal(mother.Kidc, child!.Mother!.Kidc);
        Assert.Equal(father.Kidc, child.Father!.Kidc);
        Assert.Equal("សុវណ្ណារី", child.GivenNameKm);

        var history = await registrar.GetFromJsonAsync<List<RegistrationHistoryEntry>>($"/api/civil/registrations/{entered.Id}/history", NokorHost.Json);
        Assert.Equal(["entered", "verified", "approved"], history!.Select(h => h.Action));
        var audit = await host.AuditForAsync(entered.Id.ToString());
        Assert.Contains(audit, a => a.Action == "civil.birth.approved");
        Assert.Contains(audit, a => a.Action == "civil.registration.history");
        await registrar.GetAsync("/api/civil/queues/registered");
        Assert.Contains(await host.AuditForAsync("registered"), a => a.Action == "civil.queue.list" && a.Purpose == "Automated test");
        using var unreadable = new HttpRequestMessage(HttpMethod.Get, "/api/civil/queues/registered");
        unreadable.Headers.Add("X-Purpose", new string('x', 201));
        var refused = await registrar.SendAsync(unreadable);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"purpose\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_same_application_twice_creates_it_once()
    {
        var agent = await host.ClientForAsync("agent.a");
        var body = CivilIntents.BirthBody(host.VillageA, DaysAgo(1), givenNameKm: "បុប្ផា", givenNameLatin: "Bopha");
        var first = await agent.EnterBirthAsync(body);
        var again = await agent.EnterBirthAsync(body);
        Assert.Equal(first.Id, again.Id);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        Assert.Equal(1, await db.Registrations.CountAsync(r => r.Id == first.Id));
        Assert.Equal(1, await db.Events.CountAsync(e => e.RegistrationId == first.Id));
    }

    [Theory]
    [InlineData("future", "birth.child.birthDate")]
    [InlineData("young-mother", "birth.mother.birthDate")]
    [InlineData("bad-father-kidc", "birth.father.kidc")]
    [InlineData("unknown-father", "birth.father.kidc")]
    [InlineData("bad-village", "birth.child.birthPlaceCode")]
    [InlineData("no-informant", "birth.informant")]
    public async Task Bad_applications_are_refused_naming_the_field_and_nothing_is_written(string problem, string field)
    {
        var agent = await host.ClientForAsync("agent.a");
        var body = CivilIntents.BirthBody(host.VillageA, DaysAgo(2));
        var birth = (Dictionary<string, object?>)body["birth"]!;
        var child = (Dictionary<string, object?>)birth["child"]!;
        switch (problem)
        {
            case "future": child["birthDate"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd"); break;
            case "young-mother": ((Dictionary<string, object?>)birth["mother"]!)["birthDate"] = DaysAgo(365 * 8); break;
            case "bad-father-kidc": birth["father"] = new Dictionary<string, object?> { ["kidc"] = "1234567890" }; break;
            case "unknown-father":
                birth["father"] = new Dictionary<string, object?>
                {
                    ["kidc"] = KidcRule.Complete("187654321"), ["surnameKm"] = "ចាន់", ["givenNameKm"] = "វណ្ណា", ["birthDate"] = "1990-01-01",
                };
                break;
            case "bad-village": child["birthPlaceCode"] = "99999999"; break;
            case "no-informant": birth["informant"] = null; break;
        }

        var problemBody = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync("/api/civil/registrations/births", body), HttpStatusCode.BadRequest);
        Assert.True(problemBody.GetProperty("errors").TryGetProperty(field, out _), problemBody.ToString());
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        Assert.False(await db.Registrations.AnyAsync(r => r.Id == (Guid)body["id"]!));
    }

    [Fact]
    public async Task A_late_birth_carries_the_fee_and_needs_a_senior_registrar()
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var senior = await host.ClientForAsync("senior.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(45), givenNameKm: "រតនា", givenNameLatin: "Rathana"));
        Assert.True(entered.IsLate);
        Assert.True(entered.NeedsSeniorApproval);
        Assert.Equal(4000, entered.FeeRiel);
        await second.StepAsync(entered.Id, "verify");
        var refused = await CivilIntents.ProblemAsync(await registrar.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/approve", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("senior", refused.ToString());
        var approved = await senior.StepAsync(entered.Id, "approve");
        Assert.Equal(RegistrationStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task Two_approvals_of_one_record_at_the_same_moment_register_one_child_under_one_number()
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var senior = await host.ClientForAsync("senior.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(2), givenNameKm: "រចនា", givenNameLatin: "Rachana"));
        await second.StepAsync(entered.Id, "verify");

        var answers = await Task.WhenAll(
            registrar.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/approve", new { }),
            senior.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/approve", new { }));

        // One approval wins; the other is told the record was decided or changed meanwhile.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var won = await answers.Single(a => a.IsSuccessStatusCode).Content.ReadFromJsonAsync<RegistrationView>(NokorHost.Json);
        Assert.Equal(RegistrationStatus.Approved, won!.Status);
        Assert.Empty(won.Certificates);
        var stored = await registrar.GetFromJsonAsync<RegistrationView>($"/api/civil/registrations/{entered.Id}", NokorHost.Json);
        Assert.Equal(won.Number, stored!.Number);
        Assert.Equal(won.SubjectKidc, stored.SubjectKidc);
        var history = await registrar.GetFromJsonAsync<List<RegistrationHistoryEntry>>($"/api/civil/registrations/{entered.Id}/history", NokorHost.Json);
        Assert.Single(history!, h => h.Action == "approved");

        // The audit chain says the same: an approval entry that did not take is followed by its failure.
        var audit = await host.AuditForAsync(entered.Id.ToString());
        Assert.Equal(1, audit.Count(a => a.Action == "civil.birth.approved") - audit.Count(a => a.Action == "civil.birth.approved.failed"));

        // The registry holds the child once, whichever approval asked first.
        await using var scope = host.Services.CreateAsyncScope();
        var population = scope.ServiceProvider.GetRequiredService<Nokor.Population.Data.PopulationDbContext>();
        var children = await population.Persons.AsNoTracking()
            .Where(p => p.GivenNameLatin == "Rachana")
            .Select(p => p.Kidc).ToListAsync();
        Assert.Equal([won.SubjectKidc!], children);
    }

    [Fact]
    public async Task A_record_is_worked_by_one_person_at_a_time_and_a_registrar_can_reassign_it()
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(5), givenNameKm: "ពិសី", givenNameLatin: "Pisey"));
        var claimed = await registrar.StepAsync(entered.Id, "claim");
        Assert.Equal("Test registrar.a", claimed.AssignedTo);
        await CivilIntents.ProblemAsync(await second.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/verify", new { }), HttpStatusCode.Conflict);
        var reassigned = await registrar.StepAsync(entered.Id, "assign", new { userName = "agent.a2" });
        Assert.Equal("Test agent.a2", reassigned.AssignedTo);
        var verified = await second.StepAsync(entered.Id, "verify");
        Assert.Equal(RegistrationStatus.Verified, verified.Status);
        Assert.Null(verified.AssignedTo);
    }

    [Fact]
    public async Task A_rejection_records_the_legal_reasons_and_another_commune_sees_nothing()
    {
        var agent = await host.ClientForAsync("agent.a");
        var registrar = await host.ClientForAsync("registrar.a");
        var other = await host.ClientForAsync("agent.b");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(2), givenNameKm: "ធីតា", givenNameLatin: "Thida"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/civil/registrations/{entered.Id}")).StatusCode);
        await CivilIntents.ProblemAsync(await registrar.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/reject", new { reasons = " " }), HttpStatusCode.BadRequest);
        var rejected = await registrar.StepAsync(entered.Id, "reject", new { reasons = "Civil Code art. 4: the mother's identity document was not produced." });
        Assert.Equal(RegistrationStatus.Rejected, rejected.Status);
        Assert.Contains("art. 4", rejected.RejectionReasons);
    }

    private static Dictionary<string, object?> Female(Dictionary<string, object?> body)
    {
        body["sex"] = "Female";
        return body;
    }
}

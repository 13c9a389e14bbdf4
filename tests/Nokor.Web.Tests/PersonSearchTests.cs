using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests;

/// <summary>
/// The person search over HTTP as a commune clerk uses it all day (issue 16): the name as heard, in
/// the other order, in another spelling, with a slip of the finger — best first, each row saying
/// why it matched, inside the clerk's area only.
/// </summary>
public sealed class PersonSearchTests(NokorHost host) : IClassFixture<NokorHost>
{
    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/population/persons?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
    }

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    [Fact]
    public async Task A_person_just_registered_is_found_at_once_by_another_spelling_in_the_other_order_and_the_row_says_so()
    {
        var agent = await host.ClientForAsync("agent.a");
        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA,
            surnameKm: "ជា", givenNameKm: "ចាន់ធឿន", surnameLatin: "Chea", givenNameLatin: "Chanthoeun", birthDate: "1983-02-09"));

        var exact = await SearchAsync(agent, Q("Chea Chanthoeun") + "&birthDate=1983");
        Assert.Equal(person.Kidc, exact[0].GetProperty("kidc").GetString());
        Assert.Equal("exact", exact[0].GetProperty("match").GetProperty("kind").GetString());
        Assert.False(exact[0].GetProperty("match").GetProperty("wordOrder").GetBoolean());

        var reordered = await SearchAsync(agent, Q("Chanthoeun Chea"));
        var row = Assert.Single(reordered, r => r.GetProperty("kidc").GetString() == person.Kidc);
        Assert.True(row.GetProperty("match").GetProperty("wordOrder").GetBoolean());

        var variant = await SearchAsync(agent, Q("Chia Chantheun"));
        row = Assert.Single(variant, r => r.GetProperty("kidc").GetString() == person.Kidc);
        Assert.Equal("variant", row.GetProperty("match").GetProperty("kind").GetString());

        var typo = await SearchAsync(agent, Q("Chea Chanthoeum"));
        row = Assert.Single(typo, r => r.GetProperty("kidc").GetString() == person.Kidc);
        Assert.Equal("typo", row.GetProperty("match").GetProperty("kind").GetString());
        Assert.Equal(1, row.GetProperty("match").GetProperty("edits").GetInt32());

        var khmerReordered = await SearchAsync(agent, Q("ចាន់ធឿន ជា"));
        Assert.Contains(khmerReordered, r => r.GetProperty("kidc").GetString() == person.Kidc);

        await using var scope = host.Services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var searches = await platform.AuditEntries.AsNoTracking().Where(a => a.Action == "person.search").ToListAsync();
        Assert.Contains(searches, a => a.Purpose == "Automated test" && a.Details!.Contains(person.Kidc, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrected_name_is_found_by_the_new_name_on_the_next_search()
    {
        var agent = await host.ClientForAsync("agent.a");
        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA,
            surnameKm: "ឡុង", givenNameKm: "សុខុម", surnameLatin: "Long", givenNameLatin: "Sokhom", birthDate: "1971-05-05"));
        var patch = await agent.PatchAsJsonAsync($"/api/population/persons/{person.Kidc}", new
        {
            givenNameKm = "សុខុន", givenNameLatin = "Sokhon", source = "ManualCorrection", reason = "Spelling on the family book", expectedVersion = 1,
        });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var found = await SearchAsync(agent, Q("Long Sokhon") + "&birthDate=1971");
        Assert.Equal(person.Kidc, found[0].GetProperty("kidc").GetString());
        Assert.Equal("exact", found[0].GetProperty("match").GetProperty("kind").GetString());
        Assert.Equal("Sokhon", found[0].GetProperty("givenNameLatin").GetString());
    }

    [Fact]
    public async Task Filters_by_year_tolerance_and_sex_and_a_clerk_of_another_commune_sees_nothing_even_by_a_near_spelling()
    {
        var agent = await host.ClientForAsync("agent.a");
        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA,
            surnameKm: "ញឹក", givenNameKm: "វណ្ណឌី", surnameLatin: "Nhek", givenNameLatin: "Vanndy", birthDate: "1992-11-30"));

        Assert.Empty(await SearchAsync(agent, Q("Nhek Vanndy") + "&birthDate=1990"));
        Assert.Contains(await SearchAsync(agent, Q("Nhek Vanndy") + "&birthDate=1990&yearTolerance=2"), r => r.GetProperty("kidc").GetString() == person.Kidc);
        Assert.Empty(await SearchAsync(agent, Q("Nhek Vanndy") + "&sex=Female"));
        Assert.Contains(await SearchAsync(agent, Q("Nhek Vanndy") + "&sex=male"), r => r.GetProperty("kidc").GetString() == person.Kidc);

        var other = await host.ClientForAsync("agent.b");
        Assert.Empty(await SearchAsync(other, Q("Nhek Vanndy")));
        Assert.Empty(await SearchAsync(other, Q("Vandy Nhek")));
    }

    [Theory]
    [InlineData("q=Sok&sex=X", "sex")]
    [InlineData("q=Sok&sex=1", "sex")]
    [InlineData("q=Sok&birthDate=1990&yearTolerance=11", "yearTolerance")]
    [InlineData("q=Sok&yearTolerance=2", "yearTolerance")]
    [InlineData("q=---", "q")]
    [InlineData("q=a%20b%20c%20d%20e%20f%20g", "q")]
    public async Task Bad_search_input_is_refused_naming_the_field(string query, string field)
    {
        var agent = await host.ClientForAsync("agent.a");
        var response = await agent.GetAsync($"/api/population/persons?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Data;
using Nokor.Population.Data;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests;

public sealed class HostTests(NokorHost host) : IClassFixture<NokorHost>
{
    [Fact]
    public async Task The_data_protection_key_ring_that_protects_tokens_is_kept_in_the_configured_directory()
    {
        var client = await host.ClientForAsync("agent.a");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/civil/queues")).StatusCode);
        var directory = Path.Combine(host.DataDirectory, "dataprotection");
        Assert.True(Directory.Exists(directory), directory);
        Assert.NotEmpty(Directory.GetFiles(directory, "key-*.xml"));
    }

    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        var client = host.CreateClient();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Contains(ready.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_population_and_gazetteer_endpoints()
    {
        var client = host.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/population/persons", out var persons));
        Assert.True(persons.TryGetProperty("post", out var post));
        Assert.Equal("Register a person and assign a new KIDC", post.GetProperty("summary").GetString());
        Assert.True(paths.TryGetProperty("/api/population/persons/{kidc}", out _));
        Assert.True(paths.TryGetProperty("/api/population/persons/{kidc}/history", out _));
        Assert.True(paths.TryGetProperty("/api/gazetteer/provinces", out _));

        var reference = await client.GetAsync("/api-reference");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("openapi", await reference.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_gazetteer_API_serves_the_shipped_data_and_refuses_bad_codes()
    {
        var client = host.CreateClient();
        var provinces = await client.GetFromJsonAsync<JsonElement>("/api/gazetteer/provinces");
        Assert.Equal(25, provinces.GetArrayLength());
        var phnomPenh = await client.GetFromJsonAsync<JsonElement>("/api/gazetteer/units/12");
        Assert.Equal("Province", phnomPenh.GetProperty("level").GetString());
        var children = await client.GetFromJsonAsync<JsonElement>($"/api/gazetteer/units/{host.CommuneA}/children");
        Assert.Contains(children.EnumerateArray(), c => c.GetProperty("code").GetString() == host.VillageA);

        var found = await client.GetFromJsonAsync<JsonElement>("/api/gazetteer/search?q=Siem%20Reap&level=Province");
        Assert.Contains(found.EnumerateArray(), u => u.GetProperty("code").GetString() == "17");
        await PersonApiTests.AssertProblemAsync(await client.GetAsync("/api/gazetteer/search?q="), HttpStatusCode.BadRequest, "q");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/gazetteer/units/99")).StatusCode);
        await PersonApiTests.AssertProblemAsync(await client.GetAsync("/api/gazetteer/units/123"), HttpStatusCode.BadRequest, "code");
    }

    [Fact]
    public async Task Unknown_API_routes_and_pages_get_problem_details_not_errors()
    {
        var client = host.CreateClient();
        var response = await client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Both_providers_migrations_match_the_model()
    {
        foreach (var settings in new[]
                 {
                     new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"),
                     new DatabaseSettings(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused"),
                 })
        {
            var platformOptions = new DbContextOptionsBuilder<PlatformDbContext>();
            DatabaseServiceCollectionExtensions.Configure(platformOptions, settings, typeof(PlatformDbContext));
            using (var platform = new PlatformDbContext(platformOptions.Options))
            {
                Assert.False(platform.Database.HasPendingModelChanges(), $"{settings.Provider}: the platform model changed without a migration");
            }

            var populationOptions = new DbContextOptionsBuilder<PopulationDbContext>();
            DatabaseServiceCollectionExtensions.Configure(populationOptions, settings, typeof(PopulationDbContext));
            using var population = new PopulationDbContext(populationOptions.Options);
            Assert.False(population.Database.HasPendingModelChanges(), $"{settings.Provider}: the population model changed without a migration");
        }
    }
}

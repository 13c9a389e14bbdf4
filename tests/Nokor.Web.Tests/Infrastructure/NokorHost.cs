using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Testing;

namespace Nokor.Web.Tests.Infrastructure;

/// <summary>
/// The web host on a throwaway database (SQLite, or PostgreSQL in CI), in production mode, with
/// staff accounts in two communes far apart and intent methods for the tests.
/// </summary>
public class NokorHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-password-123";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");

    /// <summary>Commune A (Phnom Penh) and commune B (Siem Reap), with a village of each.</summary>
    public string CommuneA { get; private set; } = "";
    public string CommuneB { get; private set; } = "";
    public string VillageA { get; private set; } = "";
    public string VillageA2 { get; private set; } = "";
    public string VillageB { get; private set; } = "";

    /// <summary>This host's signing keys and stored files.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "nokor-tests", "host-" + Guid.NewGuid().ToString("N"));

    /// <summary>Set by browser fixtures to serve on a real port.</summary>
    protected virtual bool RealServer => false;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(migrate: false);
        if (RealServer)
        {
            UseKestrel(0);
            StartServer();
        }
        else
        {
            _ = Server;
        }

        await using var scope = Services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var communes = await platform.GazetteerUnits.AsNoTracking()
            .Where(u => u.Level == AdminLevel.Commune && (u.Code.StartsWith("12") || u.Code.StartsWith("17")))
            .OrderBy(u => u.Code).Select(u => u.Code).ToListAsync();
        CommuneA = communes.First(c => c.StartsWith("12", StringComparison.Ordinal));
        CommuneB = communes.First(c => c.StartsWith("17", StringComparison.Ordinal));
        var villagesA = await platform.GazetteerUnits.AsNoTracking().Where(u => u.ParentCode == CommuneA).OrderBy(u => u.Code).Select(u => u.Code).ToListAsync();
        VillageA = villagesA[0];
        VillageA2 = villagesA[1];
        VillageB = await platform.GazetteerUnits.AsNoTracking().Where(u => u.ParentCode == CommuneB).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();

        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        foreach (var (user, role, level, area) in new (string, string, OfficeLevel, string?)[]
                 {
                     ("agent.a", Roles.Agent, OfficeLevel.Commune, CommuneA),
                     ("agent.a2", Roles.Agent, OfficeLevel.Commune, CommuneA),
                     ("senior.a", Roles.SeniorRegistrar, OfficeLevel.Commune, CommuneA),
                     ("system.n", Roles.System, OfficeLevel.National, null),
                     ("registrar.a", Roles.Registrar, OfficeLevel.Commune, CommuneA),
                     ("viewer.a", Roles.Viewer, OfficeLevel.Commune, CommuneA),
                     ("agent.b", Roles.Agent, OfficeLevel.Commune, CommuneB),
                     ("registrar.n", Roles.Registrar, OfficeLevel.National, null),
                     ("admin", Roles.Administrator, OfficeLevel.National, null),
                     ("distribution.n", Roles.DataDistribution, OfficeLevel.National, null),
                     ("clerk.n", Roles.SenateClerk, OfficeLevel.National, null),
                     ("senator.n", Roles.Senator, OfficeLevel.National, null),
                     ("chair.n", Roles.Senator, OfficeLevel.National, null),
                     ("statistics.n", Roles.Statistics, OfficeLevel.National, null),
                 })
        {
            var errors = await accounts.CreateAsync(new NewStaffAccount(user, "Test " + user, Password, role, level, area));
            Assert.Empty(errors);
        }

        // The Senate of a legislature that started two years ago (fictional senators), with
        // senator.n an ordinary member and chair.n the chair of commission-1.
        var legislation = scope.ServiceProvider.GetRequiredService<Nokor.Legislation.Data.LegislationDbContext>();
        await Nokor.Legislation.Senate.SenateSeed.EnsureAsync(legislation, 5, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2), CancellationToken.None);
        foreach (var (user, chairOf) in new[] { ("senator.n", (string?)null), ("chair.n", "commission-1") })
        {
            var id = await platform.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
            await Nokor.Legislation.Senate.SenateSeed.LinkAccountAsync(legislation, id.ToString(), chairOf, CancellationToken.None);
        }
    }

    /// <summary>What the host logged at Error or above: tests put it in their failure messages.</summary>
    public ServerErrorLog ServerErrors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(ServerErrors));
        foreach (var (key, value) in Database.ConfigurationValues)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Nokor:Mode", "Production");
        // Each host signs with its own keys and stores files in its own folder.
        builder.UseSetting("Signing:KeyDirectory", Path.Combine(DataDirectory, "keys"));
        builder.UseSetting("Files:Root", Path.Combine(DataDirectory, "blobs"));
        builder.UseSetting("Legislation:Search:IndexPath", Path.Combine(DataDirectory, "search"));
        builder.UseSetting("Legislation:Search:PollMilliseconds", "100");
        builder.UseSetting("DataProtection:KeyDirectory", Path.Combine(DataDirectory, "dataprotection"));
        builder.UseSetting("Nokor:PublicVerificationPerMinute", "10000");
        builder.UseSetting("Nokor:AnonymousRequestsPerMinute", "1000000");
        // Tests sign in far more often than people: the sign-in limits and the second factor have
        // their own tests (AuthTests), which set them back.
        builder.UseSetting("Auth:SignIn:PerAddressPerMinute", "100000");
        builder.UseSetting("Auth:RequireTotpForRoles", "none");
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestRemoteAddress>());
    }

    /// <summary>
    /// Test requests may say which address they come from (header X-Test-Remote-Address), as a TCP
    /// connection would, before any of the host's middleware runs.
    /// </summary>
    private sealed class TestRemoteAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            Microsoft.AspNetCore.Builder.UseExtensions.Use(app, (Microsoft.AspNetCore.Http.HttpContext http, Microsoft.AspNetCore.Http.RequestDelegate following) =>
            {
                if (http.Request.Headers.TryGetValue(Header, out var value) && System.Net.IPAddress.TryParse(value.ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                    http.Request.Headers.Remove(Header);
                }

                return following(http);
            });
            next(app);
        };
    }

    /// <summary>Sends the client's requests as if from <paramref name="address"/>.</summary>
    public static HttpClient From(HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(TestRemoteAddress.Header);
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        return client;
    }

    /// <summary>
    /// A client with a bearer token of <paramref name="user"/>: staff with their password, system
    /// accounts (role system) with client credentials, their secret being <see cref="Password"/>.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(string user)
    {
        var client = CreateClient();
        bool isSystem;
        await using (var scope = Services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            isSystem = await platform.Users.AnyAsync(u => u.UserName == user && u.IsSystem);
        }

        var response = isSystem
            ? await client.PostAsJsonAsync("/api/auth/token", new { grantType = "client_credentials", clientId = user, clientSecret = Password })
            : await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        client.DefaultRequestHeaders.Add("X-Purpose", "Automated test");
        return client;
    }

    /// <summary>A valid registration body; tests change what they need.</summary>
    public Dictionary<string, object?> PersonBody(string village, string surnameKm = "សុខ", string givenNameKm = "ដារ៉ា",
        string surnameLatin = "Sok", string givenNameLatin = "Dara", string birthDate = "1990-04-17") => new()
    {
        ["surnameKm"] = surnameKm,
        ["givenNameKm"] = givenNameKm,
        ["surnameLatin"] = surnameLatin,
        ["givenNameLatin"] = givenNameLatin,
        ["sex"] = "Male",
        ["birthDate"] = birthDate,
        ["birthPlaceCode"] = village,
        ["citizenshipStatus"] = "CitizenByBirth",
        ["residenceVillageCode"] = village,
        ["residenceAddress"] = "House 5, Street 2",
        ["source"] = "Crvs",
        ["reason"] = "Birth registration",
    };

    public async Task<PersonRecord> RegisterPersonAsync(HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/population/persons", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<PersonRecord>(text, Json)!;
    }

    public async Task<(int Persons, int Versions, long Audit)> CountsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var population = scope.ServiceProvider.GetRequiredService<Nokor.Population.Data.PopulationDbContext>();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await population.Persons.CountAsync(), await population.PersonVersions.CountAsync(), await platform.AuditEntries.LongCountAsync());
    }

    public async Task<List<Nokor.Platform.Audit.AuditEntry>> AuditForAsync(string subjectId)
    {
        await using var scope = Services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await platform.AuditEntries.AsNoTracking().Where(a => a.SubjectId == subjectId).OrderBy(a => a.Sequence).ToListAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

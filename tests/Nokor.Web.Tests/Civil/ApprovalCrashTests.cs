using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Kidc;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Civil;

/// <summary>
/// The test host of <see cref="ApprovalCrashTests"/>: it sets up and checks, and never recovers
/// approvals itself (the separate host under test does).
/// </summary>
public sealed class QuietRecoveryHost : NokorHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CivilRegistration:ApprovalRecoveryAfterSeconds", "86400");
    }
}

/// <summary>
/// Issue 14 item 4: a real host (the built Nokor.Web) approving births for four clients is killed
/// with SIGKILL between the Population Registry's change and the save that approves — the window
/// is held open by the test-only pause (<c>CivilRegistration:TestPauseAfterRegistryMilliseconds</c>,
/// honoured only with <c>NOKOR_TEST_HOOKS=1</c>), and the test kills only once the host has said
/// that all four approvals are in it. After a restart nothing is half-done: the approvals are
/// completed by the recovery pass, and the one rejected meanwhile has its child voided.
/// </summary>
public sealed class ApprovalCrashTests(QuietRecoveryHost host) : IClassFixture<QuietRecoveryHost>
{
    private const string PausedLine = "nokor-test-hook: approval-paused ";

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_host_killed_mid_approval_leaves_nothing_half_done_after_restart()
    {
        // Four births entered and verified, each with a confirmed mother.
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var body = host.PersonBody(host.VillageA, "សុខ", "ស្រីពៅ", "Sok", "Sreypov", "1992-08-08");
        body["sex"] = "Female";
        var mother = await host.RegisterPersonAsync(agent, body);
        string[] names = ["ចន្ថា", "ធារី", "បូរ៉ា", "ណារី"];
        string[] latin = ["Chantha", "Theary", "Bora", "Nary"];
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(1 + i), mother, givenNameKm: names[i], givenNameLatin: latin[i]));
            await second.StepAsync(entered.Id, "verify");
            ids.Add(entered.Id);
        }

        // First host: four registrars approve at once; each approval pauses after the registry call.
        var paused = new ConcurrentDictionary<Guid, bool>();
        var first = await SeparateHost.StartAsync(host, new Dictionary<string, string>
        {
            ["CivilRegistration:TestPauseAfterRegistryMilliseconds"] = "120000",
            ["CivilRegistration:ApprovalRecoveryAfterSeconds"] = "86400",
        }, line =>
        {
            if (line.StartsWith(PausedLine, StringComparison.Ordinal) && Guid.TryParse(line[PausedLine.Length..], out var id))
            {
                paused[id] = true;
            }
        });
        try
        {
            string[] registrars = ["registrar.a", "senior.a", "registrar.n", "registrar.a"];
            var clients = await Task.WhenAll(registrars.Select(first.ClientForAsync));
            var approvals = ids.Select((id, i) => clients[i].PostAsJsonAsync($"/api/civil/registrations/{id}/approve", new { })).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (paused.Count < 4)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Only {paused.Count} approvals reached the pause: {first.Output}");
                Assert.DoesNotContain(approvals, a => a.IsCompleted);
                await Task.Delay(50);
            }

            first.Kill();
            foreach (var approval in approvals)
            {
                await Assert.ThrowsAnyAsync<Exception>(() => approval);
            }
        }
        finally
        {
            first.Kill();
        }

        // Half-done: four children in the registry, four registrations verified without a number.
        var children = new Dictionary<Guid, string>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var civil = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            var population = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
            foreach (var id in ids)
            {
                var r = await civil.Registrations.AsNoTracking().FirstAsync(x => x.Id == id);
                Assert.Equal(RegistrationStatus.Verified, r.Status);
                Assert.Null(r.Number);
                Assert.NotNull(r.ApprovalStartedAt);
                var personId = await population.SourceReferences.Where(s => s.Reference == $"crvs:birth:{id}").Select(s => s.PersonId).SingleAsync();
                children[id] = await population.Persons.Where(p => p.Id == personId).Select(p => p.Kidc).SingleAsync();
            }
        }

        // Meanwhile a registrar rejects the fourth: its child is voided at once.
        var registrar = await host.ClientForAsync("registrar.a");
        var rejected = await registrar.StepAsync(ids[3], "reject", new { reasons = "Civil Code art. 4: the mother withdrew the declaration." });
        Assert.Equal(RegistrationStatus.Rejected, rejected.Status);

        // Second host, no pause: its recovery pass finishes every interrupted approval.
        var restarted = await SeparateHost.StartAsync(host, new Dictionary<string, string>
        {
            ["CivilRegistration:ApprovalRecoveryAfterSeconds"] = "1",
            ["CivilRegistration:ApprovalRecoveryIntervalSeconds"] = "1",
        }, _ => { });
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var civil = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
                if (!await civil.Registrations.AnyAsync(r => ids.Contains(r.Id) && r.ApprovalStartedAt != null))
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"Interrupted approvals were not finished: {restarted.Output}");
                await Task.Delay(200);
            }
        }
        finally
        {
            restarted.Kill();
        }

        var national = await host.ClientForAsync("registrar.n");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var civil = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            var population = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
            var numbers = new HashSet<string>();
            foreach (var id in ids.Take(3))
            {
                var r = await civil.Registrations.AsNoTracking().FirstAsync(x => x.Id == id);
                Assert.Equal(RegistrationStatus.Approved, r.Status);
                Assert.True(numbers.Add(r.Number!), r.Number);
                Assert.Equal(children[id], r.SubjectKidc);
                var child = await national.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{r.SubjectKidc}", NokorHost.Json);
                Assert.Equal(mother.Kidc, child!.Mother!.Kidc);
            }

            var withdrawn = await civil.Registrations.AsNoTracking().FirstAsync(x => x.Id == ids[3]);
            Assert.Equal(RegistrationStatus.Rejected, withdrawn.Status);
            Assert.Null(withdrawn.Number);
            Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync($"/api/population/persons/{children[ids[3]]}")).StatusCode);
            Assert.Equal(KidcStatus.Voided, (await population.IssuedKidcs.AsNoTracking().SingleAsync(k => k.Code == children[ids[3]])).Status);

            // Exactly one child per registration, and the mother has the three approved ones.
            foreach (var id in ids)
            {
                Assert.Equal(1, await population.SourceReferences.CountAsync(s => s.Reference == $"crvs:birth:{id}"));
            }

            Assert.Equal(3, await population.Persons.CountAsync(p => p.MotherKidc == mother.Kidc));
        }

        // Institutions: the voided child no longer verifies; an approved one does.
        var bank = await host.InstitutionAsync(VerificationIntents.Contract());
        await host.WaitUntilProjectedAsync(children[ids[0]]);
        var deadlineVoid = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<Nokor.Verification.Data.VerificationDbContext>();
            if (!await store.Persons.AsNoTracking().AnyAsync(p => p.Kidc == children[ids[3]]))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadlineVoid, "The voided child stayed in the verification store.");
            await Task.Delay(100);
        }

        async Task<string?> ResultAsync(string kidc, string givenKm, string birthDate)
        {
            var answer = await bank.VerifyAsync(new { kidc, purpose = "account-opening", claims = new { surnameKm = "ចាន់", givenNameKm = givenKm, dateOfBirth = birthDate } });
            return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("result").GetString();
        }

        Assert.Equal("match", await ResultAsync(children[ids[0]], names[0], DaysAgo(1)));
        Assert.NotEqual("match", await ResultAsync(children[ids[3]], names[3], DaysAgo(4)));
    }
}

/// <summary>The built Nokor.Web started as a process of its own on the test host's database, keys and files.</summary>
internal sealed class SeparateHost
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SeparateHost(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output => string.Join('\n', _output.TakeLast(40));

    public static async Task<SeparateHost> StartAsync(NokorHost host, IReadOnlyDictionary<string, string> settings, Action<string> onLine)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Nokor.slnx")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        }

        var dll = Path.Combine(root, "src", "Nokor.Web", "bin", configuration, "net10.0", "Nokor.Web.dll");
        Assert.True(File.Exists(dll), $"Build the web host first: {dll}");
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        var arguments = new Dictionary<string, string?>(host.Database.ConfigurationValues)
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Nokor:Mode"] = "Production",
            ["Signing:KeyDirectory"] = Path.Combine(host.DataDirectory, "keys"),
            ["Files:Root"] = Path.Combine(host.DataDirectory, "blobs"),
            ["DataProtection:KeyDirectory"] = Path.Combine(host.DataDirectory, "dataprotection"),
            ["Legislation:Search:IndexPath"] = Path.Combine(host.DataDirectory, "search-" + Guid.NewGuid().ToString("N")[..8]),
            ["Logging:LogLevel:Default"] = "Warning",
            // A production host asks registrars for a second factor and budgets sign-ins per
            // address; the test's registrars sign in by password, all from 127.0.0.1.
            ["Auth:RequireTotpForRoles"] = "none",
            ["Auth:SignIn:PerAddressPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings)
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["NOKOR_TEST_HOOKS"] = "1";
        var process = Process.Start(start)!;
        var separate = new SeparateHost(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                separate._output.Enqueue(line);
                onLine(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                separate._output.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probeClient = new HttpClient { BaseAddress = separate.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.False(process.HasExited, $"The separate host exited: {separate.Output}");
            try
            {
                if ((await probeClient.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return separate;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                separate.Kill();
                Assert.Fail($"The separate host did not start: {separate.Output}");
            }

            await Task.Delay(200);
        }
    }

    public async Task<HttpClient> ClientForAsync(string user)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(3) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = NokorHost.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        client.DefaultRequestHeaders.Add("X-Purpose", "Automated test");
        return client;
    }

    /// <summary>SIGKILL to the host and its children: no shutdown code runs.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}

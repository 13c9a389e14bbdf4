using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Dates;
using Nokor.Population.Contracts;

namespace Nokor.Bench.Crvs;

/// <summary>A couple of the plan whose marriage is registered: the parents of a planned birth, in their commune.</summary>
internal sealed record PlannedMarriage(string Commune, string VillageCode, SampleIdentity Husband, SampleIdentity Wife, string MarriageDate);

/// <summary>
/// Issue 17: marriages over HTTP against a running host. Each of N clients takes the next couple of
/// the plan and runs enter (agent 1: the registry confirms both spouses, the bigamy check and the
/// kinship check through the parent links) → verify (agent 2) → approve (senior registrar: both
/// persons married in the registry, the marriage register's row), timing each request.
/// </summary>
internal static class Marriages
{
    private static readonly JsonSerializerOptions s_body = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The couples of the plan's births, once each, as marriages dated in the last weeks.</summary>
    public static IReadOnlyList<PlannedMarriage> FromBirths(IEnumerable<PlannedBirth> births, Random random)
    {
        var today = CambodiaTime.Today(TimeProvider.System);
        return births.Where(b => b.Mother is not null && b.Father is not null)
            .DistinctBy(b => b.MotherKidc).DistinctBy(b => b.FatherKidc)
            .Select(b => new PlannedMarriage(b.Commune, b.VillageCode, b.Father!, b.Mother!,
                today.AddDays(-random.Next(0, 25)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
    }

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var state = options.String("state", "/tmp/nokor-crvs-bench");
        var url = options.String("url", "http://127.0.0.1:5080");
        var clients = options.Int("clients", 32);
        var warmup = options.Int("warmup", 100);
        int? hostPid = options.Int("host-pid", 0) is > 0 and var pid ? pid : null;
        var plan = await BenchPlan.ReadAsync(state);
        var marriages = FromBirths(plan.Births, new Random(plan.Seed));
        var count = options.Int("marriages", marriages.Count - warmup);
        if (warmup + count > marriages.Count)
        {
            Console.Error.WriteLine($"The plan has {marriages.Count:N0} couples for {warmup:N0} warm-up + {count:N0} measured marriages: run setup with more --births.");
            return 2;
        }

        var password = (await File.ReadAllTextAsync(Path.Combine(state, BenchPlan.PasswordFileName), ct)).Trim();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 8, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(120),
        };
        var tokens = new Tokens(http, password);
        var communes = plan.Communes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        await tokens.LoadAsync(plan.Communes.SelectMany(c => new[] { c.Agent, c.Verifier, c.Registrar }), ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores shared by this load generator, the web host and PostgreSQL; {url}; {clients} clients; warm-up {warmup:N0}, measured {count:N0} marriages"));

        var errors = new ErrorLog();
        var post = new TimedPost(http, tokens, errors);

        async Task<(Latencies[] Steps, Latencies Whole, int Approved, TimeSpan Wall, string Cpu)> PhaseAsync(int first, int n)
        {
            Latencies[] steps = [new("enter"), new("verify"), new("approve")];
            var whole = new Latencies("whole marriage (3 steps)");
            var approved = 0;
            var next = first - 1;
            var cpuStart = CpuSample.Take(hostPid);
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (!ct.IsCancellationRequested)
                {
                    var i = Interlocked.Increment(ref next);
                    if (i >= first + n)
                    {
                        return;
                    }

                    var m = marriages[i];
                    var c = communes[m.Commune];
                    var start = Stopwatch.GetTimestamp();
                    var entered = await post.SendAsync(steps[0], c.Agent, "/api/civil/registrations/marriages", Application(m));
                    if (entered is null || await post.SendAsync(steps[1], c.Verifier, $"/api/civil/registrations/{entered.Id}/verify", null) is null)
                    {
                        continue;
                    }

                    var done = await post.SendAsync(steps[2], c.Registrar, $"/api/civil/registrations/{entered.Id}/approve", null);
                    if (done is { Status: nameof(RegistrationStatus.Approved), Number: not null })
                    {
                        whole.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        Interlocked.Increment(ref approved);
                    }

                    if ((i - first + 1) % 1000 == 0)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i - first + 1:N0}/{n:N0} marriages, {watch.Elapsed.TotalSeconds:F0} s"));
                    }
                }
            }, ct)));
            watch.Stop();
            return (steps, whole, approved, watch.Elapsed, CpuSample.Describe(cpuStart, CpuSample.Take(hostPid)));
        }

        if (warmup > 0)
        {
            var warm = await PhaseAsync(0, warmup);
            Console.WriteLine($"warm-up done: {warm.Approved:N0}/{warmup:N0} approved");
        }

        var (measured, all, ok, wall, cpu) = await PhaseAsync(warmup, count);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== marriages: {count:N0} through enter, verify, approve at {clients} clients; {Environment.ProcessorCount} cores shared by load generator, web host and PostgreSQL"));
        Console.WriteLine(Summary.Header);
        foreach (var s in measured.Append(all))
        {
            Console.WriteLine(s.Summarize().Row());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"approved {ok:N0} of {count:N0} in {wall.TotalSeconds:F1} s: {ok / wall.TotalSeconds:F1} marriages/s"));
        Console.WriteLine(cpu);
        errors.PrintSummary();
        return 0;
    }

    private static byte[] Application(PlannedMarriage m) => JsonSerializer.SerializeToUtf8Bytes(new MarriageApplication
    {
        Id = Guid.CreateVersion7(),
        Marriage = new MarriageDossier
        {
            Husband = Spouse(m.Husband, m.VillageCode),
            Wife = Spouse(m.Wife, m.VillageCode),
            MarriageDate = m.MarriageDate,
            MarriagePlaceCode = m.VillageCode,
            Witnesses =
            [
                new WitnessDetails { Name = "សុខ ដារ៉ា", Address = m.VillageCode },
                new WitnessDetails { Name = "ចាន់ សុភា", Address = m.VillageCode },
            ],
            PropertyRegime = "legal",
            Informant = new InformantDetails { Kind = nameof(InformantKind.Relative), Name = "Husband", Relationship = "husband", Kidc = m.Husband.Kidc },
        },
    }, s_body);

    private static SpouseDetails Spouse(SampleIdentity p, string village) => new()
    {
        Kidc = p.Kidc,
        SurnameKm = p.SurnameKm,
        GivenNameKm = p.GivenNameKm,
        SurnameLatin = p.SurnameLatin,
        GivenNameLatin = p.GivenNameLatin,
        BirthDate = p.BirthDate,
        Nationality = "KH",
        ResidenceVillageCode = village,
    };
}

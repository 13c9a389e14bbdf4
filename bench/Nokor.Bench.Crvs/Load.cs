using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nokor.CivilRegistration.Contracts;
using Nokor.Population.Contracts;

namespace Nokor.Bench.Crvs;

/// <summary>
/// Over HTTP against a running web host: each of N concurrent clients takes the next birth of the
/// plan and runs notify (system account) → enter (agent 1 of the commune) → verify (agent 2) →
/// approve (senior registrar), timing each request to the last byte of its answer. Then prints
/// certificates of approved registrations.
/// </summary>
internal sealed class Load
{
    private static readonly JsonSerializerOptions s_body = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly HttpClient _http;
    private readonly Tokens _tokens;
    private readonly BenchPlan _plan;
    private readonly Dictionary<string, CommunePlan> _communes;
    private readonly ErrorLog _errors = new();
    private readonly TimedPost _post;

    private Load(HttpClient http, Tokens tokens, BenchPlan plan)
    {
        _http = http;
        _tokens = tokens;
        _plan = plan;
        _communes = plan.Communes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _post = new TimedPost(http, tokens, _errors);
    }

    /// <summary>One run of births: the four steps' latencies, the whole birth's, and the approved registrations.</summary>
    private sealed class Phase(string label)
    {
        public string Label { get; } = label;
        public Latencies Notify { get; } = new("notify");
        public Latencies Enter { get; } = new("enter");
        public Latencies Verify { get; } = new("verify");
        public Latencies Approve { get; } = new("approve");
        public Latencies Birth { get; } = new("whole birth (4 steps)");
        public ConcurrentBag<(Guid Id, string Commune)> Approved { get; } = [];
        public int Done;

        public IEnumerable<Latencies> Steps => [Notify, Enter, Verify, Approve];

        public int Requests => Steps.Sum(s => s.Count + s.Errors);
    }

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var state = options.String("state", "/tmp/nokor-crvs-bench");
        var url = options.String("url", "http://127.0.0.1:5080");
        var clients = options.Int("clients", 32);
        var warmup = options.Int("warmup", 200);
        var plan = await BenchPlan.ReadAsync(state);
        var births = options.Int("births", plan.Births.Count - warmup);
        var certificates = options.Int("certificates", 500);
        var serialCertificates = options.Int("certificates-serial", 100);
        int? hostPid = options.Int("host-pid", 0) is > 0 and var pid ? pid : null;
        if (warmup + births > plan.Births.Count)
        {
            Console.Error.WriteLine($"The plan has {plan.Births.Count:N0} births for {warmup:N0} warm-up + {births:N0} measured: run setup with --births {warmup + births}.");
            return 2;
        }

        var password = (await File.ReadAllTextAsync(Path.Combine(state, BenchPlan.PasswordFileName), ct)).Trim();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients + 8,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(120),
        };
        var tokens = new Tokens(http, password);
        var load = new Load(http, tokens, plan);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores shared by this load generator, the web host and PostgreSQL; {url}; {clients} clients; " +
            $"{plan.Communes.Count} communes; warm-up {warmup:N0} births, measured {births:N0} births"));
        var watch = Stopwatch.StartNew();
        var accounts = plan.Communes.SelectMany(c => new[] { c.Agent, c.Verifier, c.Registrar }).Prepend(plan.SystemAccount).ToList();
        await tokens.LoadAsync(accounts, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bearer tokens: {accounts.Count} accounts in {watch.Elapsed.TotalSeconds:F1} s (not measured)"));

        if (warmup > 0)
        {
            var warm = new Phase("warm-up");
            await load.RunBirthsAsync(warm, 0, warmup, clients, hostPid, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up done: {warm.Approved.Count:N0}/{warmup:N0} approved"));
        }

        var measured = new Phase("measured");
        var (wall, cpu) = await load.RunBirthsAsync(measured, warmup, births, clients, hostPid, ct);
        load.Report(measured, births, clients, wall, cpu);

        if (certificates + serialCertificates > 0)
        {
            await load.CertificatesAsync(measured.Approved.ToList(), serialCertificates, certificates, clients, hostPid, ct);
        }

        load._errors.PrintSummary();
        return 0;
    }

    private async Task<(TimeSpan Wall, string Cpu)> RunBirthsAsync(Phase phase, int first, int count, int clients, int? hostPid, CancellationToken ct)
    {
        var next = first - 1;
        var end = first + count;
        var cpuStart = CpuSample.Take(hostPid);
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var progress = ProgressAsync(phase, count, watch, stop.Token);
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= end)
                {
                    return;
                }

                await BirthAsync(phase, _plan.Births[i]);
                Interlocked.Increment(ref phase.Done);
            }
        }, ct)).ToList();
        await Task.WhenAll(workers);
        watch.Stop();
        var cpu = CpuSample.Describe(cpuStart, CpuSample.Take(hostPid));
        await stop.CancelAsync();
        await progress;
        return (watch.Elapsed, cpu);
    }

    private static async Task ProgressAsync(Phase phase, int total, Stopwatch watch, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        var lastDone = 0;
        var lastAt = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var done = Volatile.Read(ref phase.Done);
                var at = watch.Elapsed;
                var window = (done - lastDone) / (at - lastAt).TotalSeconds;
                lastDone = done;
                lastAt = at;
                var p95 = string.Join(", ", phase.Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Summarize().P95:F0}")));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  [{phase.Label} {at.TotalSeconds,5:F0} s] {done:N0}/{total:N0} births, {window:F1} births/s now, {done / at.TotalSeconds:F1} average; " +
                    $"errors {phase.Steps.Sum(s => s.Errors)}; p95 ms so far: {p95}"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task BirthAsync(Phase phase, PlannedBirth b)
    {
        var commune = _communes[b.Commune];
        var start = Stopwatch.GetTimestamp();
        var notified = await _post.SendAsync(phase.Notify, _plan.SystemAccount, "/api/civil/notifications", Notification(b));
        if (notified is null)
        {
            return;
        }

        var entered = await _post.SendAsync(phase.Enter, commune.Agent, "/api/civil/registrations/births", Application(b, notified.Id));
        if (entered is null)
        {
            return;
        }

        if (await _post.SendAsync(phase.Verify, commune.Verifier, $"/api/civil/registrations/{entered.Id}/verify", null) is null)
        {
            return;
        }

        var approved = await _post.SendAsync(phase.Approve, commune.Registrar, $"/api/civil/registrations/{entered.Id}/approve", null);
        if (approved is null)
        {
            return;
        }

        if (approved.Status != nameof(RegistrationStatus.Approved) || approved.Number is null)
        {
            _errors.Add("approve", 200, Encoding.UTF8.GetBytes($"answered 200 with status {approved.Status} and number {approved.Number}"));
            return;
        }

        // The whole birth's time counts the four requests only (tokens are in hand already).
        phase.Birth.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        phase.Approved.Add((entered.Id, b.Commune));
    }

    private static byte[] Notification(PlannedBirth b) => JsonSerializer.SerializeToUtf8Bytes(new NotificationRequest
    {
        Id = Guid.CreateVersion7(),
        Event = nameof(VitalEvent.Birth),
        InformantKind = nameof(InformantKind.HealthFacility),
        InformantName = "Health centre",
        FacilityName = "Health centre " + b.Commune,
        EventDate = b.BirthDate,
        EventPlaceCode = b.VillageCode,
        ChildSex = b.Sex,
        BirthWeightGrams = b.WeightGrams,
        BirthType = b.BirthType,
        MotherKidc = b.MotherKidc,
    }, s_body);

    private static byte[] Application(PlannedBirth b, Guid notificationId) => JsonSerializer.SerializeToUtf8Bytes(new BirthApplication
    {
        Id = Guid.CreateVersion7(),
        NotificationId = notificationId,
        Birth = new BirthDossier
        {
            Child = new ChildDetails
            {
                SurnameKm = b.SurnameKm,
                GivenNameKm = b.GivenNameKm,
                SurnameLatin = b.SurnameLatin,
                GivenNameLatin = b.GivenNameLatin,
                Sex = b.Sex,
                BirthDate = b.BirthDate,
                BirthTime = b.BirthTime,
                BirthPlaceCode = b.VillageCode,
                PlaceKind = nameof(EventPlaceKind.HealthFacility),
                FacilityName = "Health centre " + b.Commune,
                Attendant = nameof(BirthAttendant.Midwife),
                BirthType = b.BirthType,
                BirthOrder = b.BirthOrder,
                BirthWeightGrams = b.WeightGrams,
                ResidenceVillageCode = b.VillageCode,
                ResidenceAddress = b.Address,
            },
            Mother = Parent(b.MotherKidc, b.Mother),
            Father = Parent(b.FatherKidc, b.Father),
            Informant = new InformantDetails { Kind = nameof(InformantKind.Relative), Name = "Mother", Relationship = "mother", Kidc = b.MotherKidc },
        },
    }, s_body);

    /// <summary>A parent as declared: the KIDC with the names and date of birth the registry confirms.</summary>
    private static ParentDetails Parent(string kidc, SampleIdentity? p) => p is null
        ? throw new InvalidOperationException("The plan has no parents' names and dates of birth: run setup again.")
        : new ParentDetails
        {
            Kidc = kidc,
            SurnameKm = p.SurnameKm,
            GivenNameKm = p.GivenNameKm,
            SurnameLatin = p.SurnameLatin,
            GivenNameLatin = p.GivenNameLatin,
            BirthDate = p.BirthDate,
        };

    private void Report(Phase phase, int births, int clients, TimeSpan wall, string cpu)
    {
        var seconds = wall.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== births: {births:N0} through notify, enter, verify, approve at {clients} clients; {Environment.ProcessorCount} cores shared by load generator, web host and PostgreSQL"));
        Console.WriteLine(Summary.Header);
        foreach (var s in phase.Steps.Append(phase.Birth))
        {
            Console.WriteLine(s.Summarize().Row());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"approved {phase.Approved.Count:N0} of {births:N0} in {seconds:F1} s: {phase.Approved.Count / seconds:F1} births/s, " +
            $"{phase.Requests / seconds:F1} requests/s ({phase.Requests:N0} requests, {phase.Steps.Sum(s => s.Errors):N0} errors)"));
        Console.WriteLine(cpu);
        Console.WriteLine();
    }

    private async Task CertificatesAsync(List<(Guid Id, string Commune)> approved, int serial, int concurrent, int clients, int? hostPid, CancellationToken ct)
    {
        using (var probe = await _http.GetAsync("/openapi/v1.json", ct))
        {
            var doc = probe.IsSuccessStatusCode ? await probe.Content.ReadAsStringAsync(ct) : "";
            if (!doc.Contains("/api/civil/registrations/{id}/certificates\"", StringComparison.Ordinal))
            {
                Console.WriteLine($"== certificates over HTTP: the host has no POST /api/civil/registrations/{{id}}/certificates (OpenAPI: {(int)probe.StatusCode}); skipped, measure in process with `pdf`.");
                return;
            }
        }

        if (approved.Count < serial + concurrent)
        {
            Console.WriteLine($"   only {approved.Count} approved registrations for {serial} + {concurrent} certificates: fewer printed.");
        }

        var pool = new Queue<(Guid Id, string Commune)>(approved);
        await PrintPassAsync("certificate PDF, 1 client", pool, Math.Min(serial, pool.Count), 1, hostPid, ct);
        await PrintPassAsync($"certificate PDF, {clients} clients", pool, Math.Min(concurrent, pool.Count), clients, hostPid, ct);
    }

    private async Task PrintPassAsync(string label, Queue<(Guid Id, string Commune)> pool, int count, int clients, int? hostPid, CancellationToken ct)
    {
        if (count == 0)
        {
            return;
        }

        var work = new ConcurrentQueue<(Guid Id, string Commune)>(Enumerable.Range(0, count).Select(_ => pool.Dequeue()));
        var latencies = new Latencies(label);
        long bytes = 0;
        var cpuStart = CpuSample.Take(hostPid);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var r))
            {
                var size = await PrintAsync(latencies, r.Id, _communes[r.Commune].Agent);
                Interlocked.Add(ref bytes, size);
            }
        }, ct)));
        watch.Stop();
        var s = latencies.Summarize();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {label}: {count} originals printed over HTTP (POST /api/civil/registrations/{{id}}/certificates, agent 1 of the commune)"));
        Console.WriteLine(Summary.Header);
        Console.WriteLine(s.Row());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Count / watch.Elapsed.TotalSeconds:F1} PDFs/s ({s.Count} in {watch.Elapsed.TotalSeconds:F1} s), {(s.Count == 0 ? 0 : bytes / s.Count / 1024.0):F0} KiB per PDF, errors {s.Errors}"));
        Console.WriteLine(CpuSample.Describe(cpuStart, CpuSample.Take(hostPid)));
    }

    private async Task<long> PrintAsync(Latencies latencies, Guid id, string user)
    {
        var token = await _tokens.GetAsync(user);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/civil/registrations/{id}/certificates");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/pdf" && body.AsSpan().StartsWith("%PDF"u8))
            {
                latencies.Add(ms);
                return body.Length;
            }

            latencies.Error();
            _errors.Add("certificate", (int)response.StatusCode, response.IsSuccessStatusCode
                ? Encoding.UTF8.GetBytes($"not a PDF: {response.Content.Headers.ContentType}") : body);
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            latencies.Error();
            _errors.Add("certificate", 0, Encoding.UTF8.GetBytes($"{e.GetType().Name}: {e.Message}"));
            return 0;
        }
    }
}

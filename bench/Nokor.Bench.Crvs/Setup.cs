using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nokor.CivilRegistration;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Data;
using Nokor.Platform.Dates;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;
using Nokor.Population;
using Nokor.Population.Contracts;

namespace Nokor.Bench.Crvs;

/// <summary>
/// In process, against the database: samples couples, keeps the communes with the most couples,
/// creates (or reuses) the staff accounts of those communes and the national system account,
/// and writes the plan of births for the load.
/// </summary>
internal static class Setup
{
    public const string SystemAccount = "crvs.bench.system";

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var births = options.Int("births", 10_200);
        var communeCount = options.Int("communes", 100);
        var sample = options.Int("sample", 200_000);
        var seed = options.Int("seed", 1);
        var state = options.String("state", "/tmp/nokor-crvs-bench");
        Directory.CreateDirectory(state);
        var (password, freshPassword) = await PasswordAsync(state);

        await using var services = BuildServices();
        var watch = Stopwatch.StartNew();
        IReadOnlyList<SampleCouple> couples;
        await using (var scope = services.CreateAsyncScope())
        {
            couples = await scope.ServiceProvider.GetRequiredService<IPopulationSamples>().CouplesAsync(sample, ct);
        }

        // One birth per mother; the communes (of the mother's residence) with the most couples.
        var byCommune = couples.GroupBy(c => c.ResidenceVillageCode[..6], StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(communeCount)
            .ToList();
        var random = new Random(seed);
        var pool = byCommune.SelectMany(g => g).ToArray();
        random.Shuffle(pool);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sampled {couples.Count:N0} couples (one per mother) in {watch.Elapsed.TotalSeconds:F1} s; the {byCommune.Count} communes with the most couples hold {pool.Length:N0} " +
            $"(from {byCommune[0].Count():N0} down to {byCommune[^1].Count():N0} each)"));
        if (pool.Length < births)
        {
            Console.Error.WriteLine($"Only {pool.Length:N0} couples in those communes for {births:N0} births: raise --communes or --sample.");
            return 2;
        }

        var chosen = pool.Take(births).ToList();
        var used = chosen.Select(c => c.ResidenceVillageCode[..6]).ToHashSet(StringComparer.Ordinal);
        Dictionary<string, string> names;
        List<PlannedBirth> planned;
        await using (var scope = services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            names = await platform.GazetteerUnits.AsNoTracking().Where(u => used.Contains(u.Code))
                .ToDictionaryAsync(u => u.Code, u => u.NameLatin, StringComparer.Ordinal, ct);
            var samples = scope.ServiceProvider.GetRequiredService<IPopulationSamples>();
            var today = CambodiaTime.Today(TimeProvider.System);
            planned = chosen.Select(c => Birth(c, samples, today, random)).ToList();
        }

        var communes = byCommune.Where(g => used.Contains(g.Key)).Select(g => new CommunePlan(
            g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count(),
            $"crvs.bench.{g.Key}.agent1", $"crvs.bench.{g.Key}.agent2", $"crvs.bench.{g.Key}.registrar")).ToList();

        watch.Restart();
        var (created, reused) = await AccountsAsync(services, communes, password, freshPassword, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"staff accounts: {created} created, {reused} reused ({communes.Count} communes x 3 + 1 system) in {watch.Elapsed.TotalSeconds:F1} s"));

        var plan = new BenchPlan(DateTimeOffset.UtcNow, seed, couples.Count, SystemAccount, communes, planned);
        await plan.WriteAsync(state);
        var late = planned.Count(b => CambodiaTime.Today(TimeProvider.System).DayNumber - DateOnly.ParseExact(b.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber > 30);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan: {planned.Count:N0} births in {communes.Count} communes ({late:N0} late, > 30 days), written to {Path.Combine(state, BenchPlan.FileName)}"));
        return 0;
    }

    private static ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddNokorPlatform(configuration);
        services.AddPopulation(configuration);
        services.AddCivilRegistration(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>The details a family declares, drawn like the module's own generator does (CivilGenerator).</summary>
    private static PlannedBirth Birth(SampleCouple c, IPopulationSamples samples, DateOnly today, Random random)
    {
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        var (givenKm, givenLatin) = samples.GivenName(sex, random);
        var gaussian = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        return new PlannedBirth(
            c.ResidenceVillageCode[..6], c.MotherKidc, c.FatherKidc, c.FatherSurnameKm, c.FatherSurnameLatin, givenKm, givenLatin,
            sex.ToString(),
            today.AddDays(-random.Next(0, 40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{random.Next(24):D2}:{random.Next(60):D2}"),
            c.ResidenceVillageCode, c.ResidenceAddress,
            (int)Math.Clamp(3000 + 450 * gaussian, 1200, 5000),
            random.NextDouble() < 0.015 ? nameof(BirthType.Twin) : nameof(BirthType.Single),
            1 + random.Next(4),
            c.Mother,
            c.Father);
    }

    /// <summary>
    /// One password for every bench account, kept in the state directory (mode 600). A new password
    /// file means existing bench accounts get this password set again.
    /// </summary>
    private static async Task<(string Password, bool Fresh)> PasswordAsync(string state)
    {
        var path = Path.Combine(state, BenchPlan.PasswordFileName);
        if (File.Exists(path))
        {
            return ((await File.ReadAllTextAsync(path)).Trim(), false);
        }

        var password = "crvs-bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, file))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync(password);
        }

        return (password, true);
    }

    private static async Task<(int Created, int Reused)> AccountsAsync(
        IServiceProvider services, IReadOnlyList<CommunePlan> communes, string password, bool resetExisting, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().EnsureRolesAsync(ct);
        }

        var created = 0;
        var reused = 0;
        var national = await EnsureAsync(services, new NewStaffAccount(SystemAccount, "CRVS benchmark: notifying system", password, Roles.System, OfficeLevel.National, null), resetExisting, ct);
        _ = national ? created++ : reused++;

        var done = 0;
        var watch = Stopwatch.StartNew();
        // Password hashing is CPU work: one commune per core at a time; a commune's office is
        // created by the first of its accounts, so a commune stays on one worker.
        await Parallel.ForEachAsync(communes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, async (c, token) =>
        {
            foreach (var (user, display, role) in new[]
                     {
                         (c.Agent, $"Bench agent 1, {c.Name}", Roles.Agent),
                         (c.Verifier, $"Bench agent 2, {c.Name}", Roles.Agent),
                         (c.Registrar, $"Bench senior registrar, {c.Name}", Roles.SeniorRegistrar),
                     })
            {
                var isNew = await EnsureAsync(services, new NewStaffAccount(user, display, password, role, OfficeLevel.Commune, c.Code), resetExisting, token);
                _ = isNew ? Interlocked.Increment(ref created) : Interlocked.Increment(ref reused);
            }

            var n = Interlocked.Increment(ref done);
            if (n % 20 == 0 || n == communes.Count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  accounts: {n}/{communes.Count} communes ({watch.Elapsed.TotalSeconds:F0} s)"));
            }
        });
        return (created, reused);
    }

    /// <summary>Creates the account, or reuses it (checking its role; setting the password again when the password file is new). True when created.</summary>
    private static async Task<bool> EnsureAsync(IServiceProvider services, NewStaffAccount account, bool resetExisting, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var existing = await users.FindByNameAsync(account.UserName);
        if (existing is null)
        {
            var errors = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(account, ct);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Account {account.UserName}: {string.Join("; ", errors)}");
            }

            return true;
        }

        var roles = await users.GetRolesAsync(existing);
        if (!Roles.Granted(account.Role).All(roles.Contains))
        {
            throw new InvalidOperationException($"Account {account.UserName} exists without the role {account.Role}: remove it or use another database.");
        }

        if (resetExisting)
        {
            Check(await users.RemovePasswordAsync(existing), account.UserName);
            Check(await users.AddPasswordAsync(existing, account.Password), account.UserName);
        }

        if (await users.IsLockedOutAsync(existing))
        {
            Check(await users.SetLockoutEndDateAsync(existing, null), account.UserName);
            Check(await users.ResetAccessFailedCountAsync(existing), account.UserName);
        }

        return false;
    }

    private static void Check(IdentityResult result, string user)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Account {user}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

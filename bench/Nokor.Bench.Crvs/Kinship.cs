using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.Bench.Crvs;

/// <summary>
/// Issue 17: the kinship check of a marriage (IPopulationRegistry.KinshipAsync, Civil Code art.
/// 950-952) in process against the database, on pairs of four kinds: unrelated (a man and a woman
/// of two different couples), spouses (no blood tie), siblings (two children of one mother) and
/// parent and child. Each kind is timed at one caller and then at --clients concurrent callers.
/// </summary>
internal static class Kinship
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var count = options.Int("pairs", 2000);
        var clients = options.Int("clients", 32);
        var seed = options.Int("seed", 1);
        await using var services = Setup.BuildServices();
        var actor = Actor.Platform("kinship-bench");
        var random = new Random(seed);
        var watch = Stopwatch.StartNew();
        IReadOnlyList<SampleCouple> couples;
        await using (var scope = services.CreateAsyncScope())
        {
            couples = await scope.ServiceProvider.GetRequiredService<IPopulationSamples>().CouplesAsync(count * 2, ct);
        }

        // Children of sampled mothers, read through the directory (not measured).
        var siblings = new List<(string, string)>();
        var parentChild = new List<(string, string)>();
        await using (var scope = services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<IPersonDirectory>();
            foreach (var c in couples)
            {
                if (siblings.Count >= count && parentChild.Count >= count)
                {
                    break;
                }

                var mother = await directory.GetAsync(c.MotherKidc, "benchmark: kinship pairs", actor, ct);
                var children = mother.Value?.Children ?? [];
                if (children.Count >= 2 && siblings.Count < count)
                {
                    siblings.Add((children[0].Kidc, children[1].Kidc));
                }

                if (children.Count >= 1 && parentChild.Count < count)
                {
                    parentChild.Add((c.MotherKidc, children[0].Kidc));
                }
            }
        }

        var unrelated = Enumerable.Range(0, Math.Min(count, couples.Count - 1)).Select(i => (couples[i].FatherKidc, couples[i + 1].MotherKidc)).ToList();
        var spouses = couples.Take(count).Select(c => (c.FatherKidc, c.MotherKidc)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores shared by this process and PostgreSQL; pairs prepared in {watch.Elapsed.TotalSeconds:F1} s: " +
            $"{unrelated.Count} unrelated, {spouses.Count} spouses, {siblings.Count} siblings, {parentChild.Count} parent-child"));

        var limits = new KinshipLimits();
        var kinds = new (string Name, List<(string A, string B)> Pairs)[] { ("unrelated", unrelated), ("spouses", spouses), ("siblings", siblings), ("parent-child", parentChild) };
        foreach (var callers in new[] { 1, clients })
        {
            Console.WriteLine();
            Console.WriteLine($"== KinshipAsync at {callers} concurrent caller(s); {Environment.ProcessorCount} cores shared with PostgreSQL");
            Console.WriteLine(Summary.Header);
            foreach (var (name, pairs) in kinds)
            {
                var latencies = new Latencies(name);
                var found = 0;
                var next = -1;
                await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
                {
                    await using var scope = services.CreateAsyncScope();
                    var registry = scope.ServiceProvider.GetRequiredService<IPopulationRegistry>();
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < pairs.Count)
                    {
                        var start = Stopwatch.GetTimestamp();
                        var k = await registry.KinshipAsync(pairs[i].A, pairs[i].B, limits, actor, "benchmark: kinship check", ct);
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        if (k is not null)
                        {
                            Interlocked.Increment(ref found);
                        }
                    }
                }, ct)));
                Console.WriteLine(latencies.Summarize().Row() + string.Create(CultureInfo.InvariantCulture, $" related found: {found}/{pairs.Count}"));
            }
        }

        return 0;
    }
}

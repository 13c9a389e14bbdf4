using System.Globalization;

namespace Nokor.Bench.Crvs;

/// <summary>Latencies of one kind of request (milliseconds), thread-safe; percentiles by nearest rank.</summary>
internal sealed class Latencies(string name)
{
    private readonly Lock _lock = new();
    private readonly List<double> _ms = new(16_384);
    private int _errors;

    public string Name { get; } = name;

    public int Errors => Volatile.Read(ref _errors);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ms.Count;
            }
        }
    }

    public void Add(double ms)
    {
        lock (_lock)
        {
            _ms.Add(ms);
        }
    }

    public void Error() => Interlocked.Increment(ref _errors);

    public Summary Summarize()
    {
        double[] sorted;
        lock (_lock)
        {
            sorted = _ms.ToArray();
        }

        Array.Sort(sorted);
        return new Summary(Name, sorted.Length, Errors,
            Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99),
            sorted.Length == 0 ? 0 : sorted[^1], sorted.Length == 0 ? 0 : sorted.Average());
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

internal sealed record Summary(string Name, int Count, int Errors, double P50, double P95, double P99, double Max, double Mean)
{
    public const string Header = "| step | ok | errors | p50 | p95 | p99 | max | mean |\n|---|---|---|---|---|---|---|---|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Count:N0} | {Errors:N0} | {P50:F1} ms | {P95:F1} ms | {P99:F1} ms | {Max:F1} ms | {Mean:F1} ms |");
}

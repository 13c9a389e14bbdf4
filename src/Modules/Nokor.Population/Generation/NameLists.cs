using System.Globalization;
using Nokor.Platform.Khmer;
using Nokor.Population.Contracts;

namespace Nokor.Population.Generation;

internal sealed record NameEntry(string Km, string Latin);

/// <summary>
/// The Khmer surnames and given names the generator draws from: embedded TSV files written for
/// this project (Generation/Data), weighted by rough frequency. Khmer text is normalized on load,
/// as every name is on the way into the registry.
/// </summary>
internal sealed class NameLists
{
    private NameLists(WeightedList<NameEntry> surnames, WeightedList<NameEntry> male, WeightedList<NameEntry> female)
    {
        Surnames = surnames;
        Male = male;
        Female = female;
    }

    public WeightedList<NameEntry> Surnames { get; }
    public WeightedList<NameEntry> Male { get; }
    public WeightedList<NameEntry> Female { get; }

    public WeightedList<NameEntry> GivenNames(Sex sex) => sex == Sex.Male ? Male : Female;

    private static readonly Lazy<NameLists> s_embedded = new(Load);

    public static NameLists Embedded => s_embedded.Value;

    private static NameLists Load()
    {
        var surnames = new WeightedList<NameEntry>.Builder();
        foreach (var row in ReadRows("surnames.tsv", 3))
        {
            surnames.Add(Entry(row[0], row[1]), Weight(row[2]));
        }

        var male = new WeightedList<NameEntry>.Builder();
        var female = new WeightedList<NameEntry>.Builder();
        foreach (var row in ReadRows("given-names.tsv", 4))
        {
            var entry = Entry(row[0], row[1]);
            var weight = Weight(row[3]);
            switch (row[2])
            {
                case "M":
                    male.Add(entry, weight);
                    break;
                case "F":
                    female.Add(entry, weight);
                    break;
                case "U":
                    male.Add(entry, weight);
                    female.Add(entry, weight);
                    break;
                default:
                    throw new InvalidDataException($"given-names.tsv: unknown sex '{row[2]}'.");
            }
        }

        return new NameLists(surnames.Build(), male.Build(), female.Build());
    }

    private static NameEntry Entry(string km, string latin) => new(KhmerText.Normalize(km), latin);

    private static double Weight(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> ReadRows(string file, int columns)
    {
        var assembly = typeof(NameLists).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("Generation.Data." + file, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The embedded name list '{file}' is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != columns)
            {
                throw new InvalidDataException($"{file}: expected {columns} columns in '{line}'.");
            }

            yield return parts;
        }
    }
}

/// <summary>Items with weights, drawn in O(log n) by binary search over the cumulative weights.</summary>
internal sealed class WeightedList<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    private WeightedList(T[] items, double[] cumulative)
    {
        _items = items;
        _cumulative = cumulative;
    }

    public int Count => _items.Length;

    public IReadOnlyList<T> Items => _items;

    public T Next(Random random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        i = i < 0 ? ~i : i + 1;
        return _items[Math.Min(i, _items.Length - 1)];
    }

    public sealed class Builder
    {
        private readonly List<T> _items = [];
        private readonly List<double> _cumulative = [];
        private double _total;

        public void Add(T item, double weight)
        {
            if (!(weight > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(weight), "Weights must be positive.");
            }

            _total += weight;
            _items.Add(item);
            _cumulative.Add(_total);
        }

        public WeightedList<T> Build() => _items.Count == 0
            ? throw new InvalidOperationException("A weighted list needs at least one item.")
            : new WeightedList<T>([.. _items], [.. _cumulative]);
    }
}

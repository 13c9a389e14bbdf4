using System.Diagnostics;
using System.Globalization;
using Nokor.Legislation.Contracts;
using Nokor.Platform.Khmer;

// Legal database search benchmark (issue 5: "search over 10,000 generated acts, mixed Khmer and
// English, p95 under 100 ms"):
//   dotnet run -c Release --project bench/Nokor.Bench.Legislation -- --acts 10000 --queries 2000
// Options: --seed S (1), --warmup W (300), --index DIR (a temporary directory, deleted at the end;
// an existing DIR is reused as is when it already holds the acts), --threads T (indexing threads,
// the processor count), --keep (keep the temporary index).
// 1. Generates the acts (synthetic acts, seed S) and indexes every expression through the
//    module's search index on an FSDirectory (SyntheticSearchIndex, its public door), committing with a cursor every 1,000 acts.
// 2. Builds a seeded query mix from the vocabulary and from the generated texts, runs W warm-up
//    queries, then M measured queries one at a time (latency) and the same M on every processor
//    at once (throughput). Each query asks for a page of 20 hits with snippets, as the public
//    search page does.
var options = BenchOptions.Parse(args);
Console.WriteLine($"Legislation search benchmark: {options.Acts:N0} acts, {options.Queries:N0} queries, seed {options.Seed}; " +
                  $"{Environment.ProcessorCount} logical processors; {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}");

var temporary = options.IndexPath is null;
var path = options.IndexPath ?? Path.Combine(Path.GetTempPath(), "nokor-legislation-bench-" + Guid.NewGuid().ToString("N")[..12]);
try
{
    using var index = new SyntheticSearchIndex(path, ramBufferSizeMb: 128);
    if (index.GetCursor() == options.Acts)
    {
        Console.WriteLine($"Reusing the index in {path} ({index.TextCount:N0} texts).");
    }
    else
    {
        Build(index, options);
    }

    Console.WriteLine($"Index: {index.TextCount:N0} expressions, {index.DocumentCount:N0} Lucene documents, {DirectorySize(path) / 1024.0 / 1024.0:N1} MB on disk");

    var queries = QueryMix.Make(options);
    foreach (var group in queries.GroupBy(q => q.Kind).OrderBy(g => g.Key))
    {
        Console.WriteLine($"  {group.Count(),5} × {group.Key,-16} e.g. {Describe(group.First())}");
    }

    var warmup = QueryMix.Make(options with { Queries = options.Warmup, Seed = options.Seed + 1 });
    foreach (var query in warmup)
    {
        index.Search(query.Query);
    }

    // Latency: one query at a time.
    var latencies = new double[queries.Count];
    var zeroHits = 0;
    long totalHits = 0;
    var byKind = new Dictionary<string, List<double>>();
    var wall = Stopwatch.StartNew();
    for (var i = 0; i < queries.Count; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var results = index.Search(queries[i].Query);
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        zeroHits += results.Total == 0 ? 1 : 0;
        totalHits += results.Total;
        if (!byKind.TryGetValue(queries[i].Kind, out var list))
        {
            byKind[queries[i].Kind] = list = [];
        }

        list.Add(latencies[i]);
    }

    wall.Stop();
    Console.WriteLine();
    Console.WriteLine($"Sequential: {queries.Count:N0} queries in {wall.Elapsed.TotalSeconds:N2} s = {queries.Count / wall.Elapsed.TotalSeconds:N0} queries/s; " +
                      $"{zeroHits * 100.0 / queries.Count:N1}% without hits, {totalHits / (double)queries.Count:N0} hits per query on average");
    Console.WriteLine($"  latency ms: {Percentiles(latencies)}");
    foreach (var (kind, list) in byKind.OrderBy(k => k.Key))
    {
        Console.WriteLine($"  {kind,-16} {Percentiles([.. list])}");
    }

    // Throughput: every processor searching.
    var concurrent = new double[queries.Count];
    var next = -1;
    wall.Restart();
    var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(() =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < queries.Count)
        {
            var started = Stopwatch.GetTimestamp();
            index.Search(queries[i].Query);
            concurrent[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    })).ToArray();
    Task.WaitAll(workers);
    wall.Stop();
    Console.WriteLine($"Concurrent ({Environment.ProcessorCount} threads): {queries.Count / wall.Elapsed.TotalSeconds:N0} queries/s; latency ms: {Percentiles(concurrent)}");
    var p95 = Percentile([.. latencies.Order()], 0.95);
    Console.WriteLine(p95 < 100 ? $"Goal met: p95 {p95:N1} ms < 100 ms." : $"Goal NOT met: p95 {p95:N1} ms >= 100 ms.");
}
finally
{
    if (temporary && !options.Keep && Directory.Exists(path))
    {
        Directory.Delete(path, recursive: true);
    }
}

static void Build(SyntheticSearchIndex index, BenchOptions options)
{
    index.Clear();
    const int batch = 1000;
    var watch = Stopwatch.StartNew();
    long expressions = 0;
    long articles = 0;
    for (var start = 0; start < options.Acts; start += batch)
    {
        var end = Math.Min(options.Acts, start + batch);
        Parallel.For(start, end, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, i =>
        {
            var (indexed, indexedArticles) = index.IndexAct(i, options.Seed);
            Interlocked.Add(ref expressions, indexed);
            Interlocked.Add(ref articles, indexedArticles);
        });
        index.Commit(end);
        Console.WriteLine($"  indexed {end,7:N0} / {options.Acts:N0} acts ({expressions:N0} expressions, {articles:N0} articles) in {watch.Elapsed.TotalSeconds,6:N1} s");
    }

    Console.WriteLine($"Build: {options.Acts:N0} acts in {watch.Elapsed.TotalSeconds:N1} s ({options.Acts / watch.Elapsed.TotalSeconds:N0} acts/s, {options.Threads} threads)");
}

static long DirectorySize(string path) =>
    Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

static string Describe(BenchQuery query)
{
    var q = query.Query;
    var filters = new List<string>();
    if (q.Language is not null)
    {
        filters.Add("lang=" + q.Language);
    }

    if (q.AllVersions)
    {
        filters.Add("all versions");
    }
    else if (q.AsOf is { } asOf)
    {
        filters.Add("as of " + asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    return q.Text + (filters.Count > 0 ? " [" + string.Join(", ", filters) + "]" : "");
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static string Percentiles(double[] values)
{
    var sorted = values.Order().ToArray();
    return $"p50 {Percentile(sorted, 0.50),6:N2}  p95 {Percentile(sorted, 0.95),6:N2}  p99 {Percentile(sorted, 0.99),6:N2}  max {sorted[^1],7:N2}  (n={sorted.Length})";
}

internal sealed record BenchOptions(int Acts, int Queries, int Seed, int Warmup, string? IndexPath, int Threads, bool Keep)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(10_000, 2_000, 1, 300, null, Environment.ProcessorCount, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--acts" => options with { Acts = Int() },
                "--queries" => options with { Queries = Int() },
                "--seed" => options with { Seed = Int() },
                "--warmup" => options with { Warmup = Int() },
                "--index" => options with { IndexPath = Next() },
                "--threads" => options with { Threads = Int() },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return options;
    }
}

internal sealed record BenchQuery(string Kind, SearchQuery Query);

/// <summary>
/// The query mix: what people type into a legal search box. Khmer words from the vocabulary,
/// Khmer phrases cut out of the generated texts (sometimes typed with a space in the middle),
/// English words and quoted phrases, article numbers, and queries that find nothing; about a
/// third restricted to a language, a fifth to a past date, a tenth to all versions.
/// </summary>
internal static class QueryMix
{
    private static readonly string[] NoHit = ["ឃ្មុំផ្កាឈូក", "ព្រះច័ន្ទពេញបូណ៌មី", "xylophone", "quantum entanglement", "\"senate shall dance\""];

    public static List<BenchQuery> Make(BenchOptions options)
    {
        var random = new Random(options.Seed * 31 + 7);
        var queries = new List<BenchQuery>(options.Queries);
        while (queries.Count < options.Queries)
        {
            var roll = random.Next(100);
            var (kind, text) = roll switch
            {
                < 25 => ("khm-word", SyntheticLegislation.KhmerWords[random.Next(SyntheticLegislation.KhmerWords.Count)]),
                < 50 => ("khm-phrase", KhmerPhrase(random, options)),
                < 65 => ("eng-words", EnglishWords(random)),
                < 80 => ("eng-phrase", EnglishPhrase(random, options)),
                < 90 => ("article-number", random.Next(2) == 0
                    ? "មាត្រា " + KhmerNumerals.ToKhmer(1 + random.Next(40)) + " " + SyntheticLegislation.KhmerWords[random.Next(SyntheticLegislation.KhmerWords.Count)]
                    : "article " + (1 + random.Next(40)) + " " + SyntheticLegislation.EnglishWords[random.Next(SyntheticLegislation.EnglishWords.Count)]),
                _ => ("no-hit", NoHit[random.Next(NoHit.Length)]),
            };
            if (text is null)
            {
                continue;
            }

            var query = new SearchQuery(text);
            var filter = random.Next(100);
            if (filter < 33)
            {
                query = query with { Language = kind.StartsWith("eng", StringComparison.Ordinal) ? "eng" : "khm" };
            }

            var dates = random.Next(100);
            if (dates < 20)
            {
                query = query with { AsOf = new DateOnly(1995 + random.Next(31), 1 + random.Next(12), 1 + random.Next(28)) };
            }
            else if (dates < 30)
            {
                query = query with { AllVersions = true };
            }

            queries.Add(new BenchQuery(kind, query));
        }

        return queries;
    }

    private static IEnumerable<string> ArticleLines(Random random, BenchOptions options, string language)
    {
        var act = SyntheticLegislation.Act(random.Next(options.Acts), options.Seed);
        var text = language == "khm" ? act.Khmer : act.English ?? act.Khmer;
        var articles = text.Body.SelectMany(c => c.Children).ToList();
        var article = articles[random.Next(articles.Count)];
        return article.Text.Concat(article.Children.SelectMany(p => p.Text));
    }

    /// <summary>3 to 8 clusters cut from a clause of a generated Khmer article, a third typed with a space inside.</summary>
    private static string? KhmerPhrase(Random random, BenchOptions options)
    {
        var lines = ArticleLines(random, options, "khm").ToList();
        var clauses = lines[random.Next(lines.Count)].Split(' ').Where(KhmerText.ContainsKhmer).ToList();
        var clusters = KhmerClusters.Split(clauses[random.Next(clauses.Count)]);
        if (clusters.Count < 3)
        {
            return null;
        }

        var length = Math.Min(clusters.Count, 3 + random.Next(6));
        var start = random.Next(clusters.Count - length + 1);
        var picked = clusters.GetRange(start, length);
        if (random.Next(3) == 0)
        {
            picked.Insert(1 + random.Next(length - 1), " ");
        }

        return string.Concat(picked);
    }

    private static string EnglishWords(Random random)
    {
        var count = 1 + random.Next(2);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => SyntheticLegislation.EnglishWords[random.Next(SyntheticLegislation.EnglishWords.Count)]));
    }

    /// <summary>Two to four consecutive words of a generated English article, in quotes.</summary>
    private static string? EnglishPhrase(Random random, BenchOptions options)
    {
        var lines = ArticleLines(random, options, "eng").Where(l => !KhmerText.ContainsKhmer(l)).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var words = lines[random.Next(lines.Count)].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':')).Where(w => w.Length > 0).ToList();
        var length = Math.Min(words.Count, 2 + random.Next(3));
        var start = random.Next(words.Count - length + 1);
        return "\"" + string.Join(' ', words.GetRange(start, length)) + "\"";
    }
}

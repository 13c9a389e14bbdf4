using System.Globalization;
using Nokor.Bench.NameSearch;

// The outside evaluation of the person name search (issue 16), over HTTP only:
//   bench/name-search-eval.sh                       (builds, generates, samples, starts the host, runs this)
//   dotnet bench/Nokor.Bench.NameSearch/bin/Release/net10.0/Nokor.Bench.NameSearch.dll \
//       --persons persons.tsv --common common.tsv --names names.tsv --url http://127.0.0.1:5082 --token TOKEN
// Options: --seed S (7) draws the query variants; --out FILE also writes the markdown report;
// --parallel N (1) requests at once; --limit N (10) the page asked for; --load-file FILE writes
// the query mix of the load benchmark (bench/name-search-load.sh); --load-only writes it and stops;
// --header TEXT heads the report (command, commit, machine); --dump FILE writes every query
// (class, script, kind, text, birth date, KIDC sought, rules) tab-separated, for inspection.
var options = Options.Parse(args);
var persons = SampledPerson.Read(options.Persons);
var common = options.Common is null ? [] : SampledPerson.Read(options.Common);
var registry = RegistryNames.Read(options.Names);
var queries = QueryMaker.Make(persons, common, registry, options.Seed);
Console.Error.WriteLine($"{persons.Count} sampled persons, {common.Count} with a shared name, {registry.Khmer.Count} Khmer and {registry.Latin.Count} Latin names in the registry; {queries.Count:N0} queries (seed {options.Seed}).");

if (options.Dump is not null)
{
    File.WriteAllLines(options.Dump, queries.Select(q => string.Join('\t', q.Class, q.Script, q.Kind, q.Text, q.BirthDate ?? "", q.Target ?? "", string.Join('+', q.Rules))));
    Console.Error.WriteLine($"Queries written to {options.Dump}.");
}

if (options.LoadFile is not null)
{
    LoadMix.Write(options.LoadFile, queries, options.Seed);
    Console.Error.WriteLine($"Load query mix written to {options.LoadFile}.");
    if (options.LoadOnly)
    {
        return 0;
    }
}

using var http = Evaluation.Client(options.Url, options.Token);
var evaluation = new Evaluation(http, options.Limit);
// Warm-up: the first queries of the list, not counted (JIT, connection, database cache).
await evaluation.RunAsync(queries.Take(50).ToList(), 1, CancellationToken.None);
var outcomes = await evaluation.RunAsync(queries, options.Parallel, CancellationToken.None);
var report = Report.Write(outcomes, options.Header ?? $"## Name search evaluation ({persons.Count} persons, seed {options.Seed}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
Console.WriteLine(report);
if (options.Out is not null)
{
    File.WriteAllText(options.Out, report);
}

return outcomes.Any(o => !o.Ok) ? 2 : 0;

/// <summary>Command-line options.</summary>
internal sealed record Options(string Persons, string? Common, string Names, string Url, string Token, int Seed, string? Out,
    int Parallel, int Limit, string? LoadFile, bool LoadOnly, string? Header, string? Dump)
{
    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--load-only")
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                map[args[i]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }

        string Need(string key) => map.TryGetValue(key, out var v) ? v : throw new ArgumentException($"{key} is required.");
        string? Opt(string key) => map.GetValueOrDefault(key);
        int Int(string key, int fallback) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var loadOnly = flags.Contains("--load-only");
        return new Options(Need("--persons"), Opt("--common"), Need("--names"),
            loadOnly ? Opt("--url") ?? "" : Need("--url"),
            loadOnly ? "" : Opt("--token") ?? Environment.GetEnvironmentVariable("NOKOR_TOKEN") ?? throw new ArgumentException("--token (or NOKOR_TOKEN) is required."),
            Int("--seed", 7), Opt("--out"), Int("--parallel", 1), Int("--limit", 10), Opt("--load-file"), loadOnly, Opt("--header"), Opt("--dump"));
    }
}

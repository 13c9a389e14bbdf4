namespace Nokor.Bench.NameSearch;

/// <summary>
/// The query mix of the name-search load benchmark (bench/name-search-load.sh with
/// bench/http/name-search.lua): one URL-encoded query string a line, drawn from the evaluation
/// classes a counter clerk produces most — another romanization (30 %), a typing error (20 %),
/// the given name first in either script (20 %), the exact Khmer name (20 %), the exact Latin
/// name (10 %) — each with the birth year half of the time. The server's default page size.
/// </summary>
internal static class LoadMix
{
    private static readonly (Func<EvalQuery, bool> Pick, double Share)[] Parts =
    [
        (q => q.Class == QueryMaker.Romanized, 0.30),
        (q => q.Class == QueryMaker.Typo, 0.20),
        (q => q.Class == QueryMaker.WordOrder, 0.20),
        (q => q.Class == QueryMaker.Exact && q.Script == QueryMaker.Km, 0.20),
        (q => q.Class == QueryMaker.Exact && q.Script == QueryMaker.Latin, 0.10),
    ];

    public static void Write(string path, IReadOnlyList<EvalQuery> queries, int seed, int lines = 5000)
    {
        var rng = new Random(seed + 1);
        var output = new List<string>(lines);
        foreach (var (pick, share) in Parts)
        {
            var pool = queries.Where(pick).ToList();
            if (pool.Count == 0)
            {
                continue;
            }

            var n = (int)Math.Round(lines * share);
            for (var i = 0; i < n; i++)
            {
                var q = pool[rng.Next(pool.Count)];
                var withYear = rng.Next(2) == 0 && q.Year.Length > 0;
                output.Add(Evaluation.QueryString(q.Text, withYear ? q.Year : null));
            }
        }

        // Shuffled so that a short run still sees the whole mix.
        for (var i = output.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (output[i], output[j]) = (output[j], output[i]);
        }

        File.WriteAllLines(path, output);
    }
}

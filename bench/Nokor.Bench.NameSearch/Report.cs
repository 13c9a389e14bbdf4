using System.Globalization;
using System.Text;

namespace Nokor.Bench.NameSearch;

/// <summary>The markdown report: the headline table (the shape of issue 16's table), then per
/// class and script, per kind, per romanization rule, the negatives, latency and match reasons.</summary>
internal static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(IReadOnlyList<Outcome> outcomes, string header)
    {
        var sb = new StringBuilder();
        sb.AppendLine(header).AppendLine();

        var ok = outcomes.Where(o => o.Ok).ToList();
        var errors = outcomes.Where(o => !o.Ok).ToList();

        sb.AppendLine("### Headline (found in the top 10, unless said otherwise)").AppendLine();
        sb.AppendLine("| what the clerk types | measure | both scripts | Khmer | Latin | queries |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var cls in ok.Select(o => o.Query.Class).Distinct().Order(StringComparer.Ordinal))
        {
            var rows = ok.Where(o => o.Query.Class == cls).ToList();
            var measure = rows[0].Query.Measure switch
            {
                Measure.Top10 => "in top 10",
                Measure.First => "first result right",
                _ => "returns nothing",
            };
            sb.AppendLine(Inv, $"| {cls} | {measure} | {Rate(rows)} | {Rate(rows.Where(o => o.Query.Script == QueryMaker.Km))} | {Rate(rows.Where(o => o.Query.Script == QueryMaker.Latin))} | {rows.Count} |");
            if (rows[0].Query.Measure == Measure.First)
            {
                var attainable = rows.Where(o => o.Query.Attainable).ToList();
                sb.AppendLine(Inv, $"| ↳ only where no namesake shares the date filter | first result right | {Rate(attainable)} | {Rate(attainable.Where(o => o.Query.Script == QueryMaker.Km))} | {Rate(attainable.Where(o => o.Query.Script == QueryMaker.Latin))} | {attainable.Count} |");
            }
        }

        sb.AppendLine().AppendLine("Rates are the share of queries that met the measure; `–` where the class has no query in that script.");
        sb.AppendLine("Negatives: \"returns nothing\" is the share of names not in the registry for which the search returned no one.");

        sb.AppendLine().AppendLine("### Per kind of query").AppendLine();
        sb.AppendLine("| class | script | kind | rate | queries |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var g in ok.GroupBy(o => (o.Query.Class, o.Query.Script, o.Query.Kind)).OrderBy(g => g.Key.Class, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Script, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
        {
            sb.AppendLine(Inv, $"| {g.Key.Class} | {g.Key.Script} | {g.Key.Kind} | {Rate(g)} | {g.Count()} |");
        }

        var romanized = ok.Where(o => o.Query.Class == QueryMaker.Romanized).ToList();
        if (romanized.Count > 0)
        {
            sb.AppendLine().AppendLine("### Romanization rules (class 4): found in the top 10").AppendLine();
            sb.AppendLine("| rule | example | alone: rate | alone: queries | with another rule: rate | with another: queries |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var rule in Romanization.Rules)
            {
                var alone = romanized.Where(o => o.Query.Rules.Count == 1 && o.Query.Rules[0] == rule.Name).ToList();
                var paired = romanized.Where(o => o.Query.Rules.Count > 1 && o.Query.Rules.Contains(rule.Name)).ToList();
                sb.AppendLine(Inv, $"| {rule.Name} | {rule.Example} | {Rate(alone)} | {alone.Count} | {Rate(paired)} | {paired.Count} |");
            }
        }

        var negatives = ok.Where(o => o.Query.Measure == Measure.Negative).ToList();
        if (negatives.Count > 0)
        {
            sb.AppendLine().AppendLine("### Negatives (class 8)").AppendLine();
            sb.AppendLine("\"far\": every word two edits or more from every name in the registry; \"near\": a word one edit from a registry name.").AppendLine();
            sb.AppendLine("| script | kind | queries | return someone | mean results | some result reported as an exact match |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var g in negatives.GroupBy(o => (o.Query.Script, o.Query.Kind)).OrderBy(g => g.Key.Script, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
            {
                var list = g.ToList();
                var any = list.Count(o => o.Count > 0);
                var exact = list.Count(o => o.AnyExact);
                var reasons = list.Any(o => o.FirstReason is not null);
                sb.AppendLine(Inv, $"| {g.Key.Script} | {g.Key.Kind} | {list.Count} | {any} ({F((double)any / list.Count)}) | {list.Average(o => o.Count):F2} | {(reasons ? exact.ToString(Inv) : "no match reason in the response")} |");
            }
        }

        sb.AppendLine().AppendLine("### Latency of the evaluation queries (one at a time, milliseconds, client side)").AppendLine();
        sb.AppendLine("| class | queries | p50 | p95 | max |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var g in outcomes.GroupBy(o => o.Query.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = g.Select(o => o.Milliseconds).Order().ToList();
            sb.AppendLine(Inv, $"| {g.Key} | {ms.Count} | {Percentile(ms, 50):F1} | {Percentile(ms, 95):F1} | {ms[^1]:F1} |");
        }

        var all = outcomes.Select(o => o.Milliseconds).Order().ToList();
        sb.AppendLine(Inv, $"| all | {all.Count} | {Percentile(all, 50):F1} | {Percentile(all, 95):F1} | {all[^1]:F1} |");

        sb.AppendLine().AppendLine("### Match reasons").AppendLine();
        if (ok.Any(o => o.TargetReason is not null || o.FirstReason is not null))
        {
            sb.AppendLine("The reason of the sought person's item (positives) or of the first item (negatives).").AppendLine();
            sb.AppendLine("| class | script | reason | count |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var g in ok.GroupBy(o => (o.Query.Class, o.Query.Script, Reason: (o.Query.Measure == Measure.Negative ? o.FirstReason : o.TargetReason) ?? "(not found / none)"))
                         .OrderBy(g => g.Key.Class, StringComparer.Ordinal).ThenBy(g => g.Key.Script, StringComparer.Ordinal).ThenByDescending(g => g.Count()))
            {
                sb.AppendLine(Inv, $"| {g.Key.Class} | {g.Key.Script} | {g.Key.Reason} | {g.Count()} |");
            }
        }
        else
        {
            sb.AppendLine("The responses carry no match reason per item (no item property whose name contains \"match\" or \"reason\").");
        }

        sb.AppendLine().AppendLine(Inv, $"Queries: {outcomes.Count:N0}; answered 200: {ok.Count:N0}; errors: {errors.Count:N0}.");
        foreach (var g in errors.GroupBy(o => o.Status).OrderBy(g => g.Key))
        {
            sb.AppendLine(Inv, $"- HTTP {g.Key}: {g.Count()} (e.g. `{g.First().Query.Text}` → {g.First().Error})");
        }

        return sb.ToString();
    }

    private static string Rate(IEnumerable<Outcome> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? "–" : F((double)list.Count(o => o.Success) / list.Count);
    }

    private static string F(double rate) => rate.ToString("0.00", Inv);

    private static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}

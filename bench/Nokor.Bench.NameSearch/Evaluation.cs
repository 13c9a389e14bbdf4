using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Nokor.Bench.NameSearch;

/// <summary>What one query returned: HTTP status, time, the rank of the sought person (0-based,
/// -1 when absent from the page), how many results, and the match reasons when the response
/// carries one per item.</summary>
internal sealed record Outcome(EvalQuery Query, int Status, double Milliseconds, int Rank, int Count, string? TargetReason, string? FirstReason,
    bool AnyExact = false, string? Error = null)
{
    public bool Ok => Status == 200;

    /// <summary>Whether the query reached its goal (found in the top 10, first, or nothing found).</summary>
    public bool Success => Ok && Query.Measure switch
    {
        Measure.Top10 => Rank >= 0,
        Measure.First => Rank == 0,
        _ => Count == 0,
    };
}

/// <summary>Calls GET /api/population/persons for every query, one request at a time per worker,
/// with the bearer token and the X-Purpose header every person read requires.</summary>
internal sealed class Evaluation(HttpClient http, int limit)
{
    public static HttpClient Client(string baseUrl, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("X-Purpose", "Benchmark");
        return http;
    }

    public static string PathAndQuery(EvalQuery q, int limit) =>
        "/api/population/persons?" + QueryString(q.Text, q.BirthDate) + "&limit=" + limit;

    /// <summary>The query string of a search (q and the optional birthDate), URL-encoded.</summary>
    public static string QueryString(string text, string? birthDate) =>
        "q=" + Uri.EscapeDataString(text) + (birthDate is null ? "" : "&birthDate=" + Uri.EscapeDataString(birthDate));

    public async Task<List<Outcome>> RunAsync(IReadOnlyList<EvalQuery> queries, int parallel, CancellationToken ct)
    {
        var results = new Outcome[queries.Count];
        var next = -1;
        var done = 0;
        var progress = Stopwatch.StartNew();
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < queries.Count)
            {
                results[i] = await RunOneAsync(queries[i], ct);
                var d = Interlocked.Increment(ref done);
                if (d % 1000 == 0)
                {
                    Console.Error.WriteLine($"  {d:N0} / {queries.Count:N0} queries ({progress.Elapsed.TotalSeconds:F0} s)");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(Worker, ct)));
        return [.. results];
    }

    private async Task<Outcome> RunOneAsync(EvalQuery q, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(PathAndQuery(q, limit), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        sw.Stop();
        var status = (int)response.StatusCode;
        if (status != 200)
        {
            return new Outcome(q, status, sw.Elapsed.TotalMilliseconds, -1, 0, null, null, Error: Truncate(body));
        }

        using var doc = JsonDocument.Parse(body);
        // The page's list: "items" today; any other array property if the response is reshaped.
        var items = doc.RootElement.ValueKind == JsonValueKind.Array
            ? doc.RootElement
            : doc.RootElement.TryGetProperty("items", out var listed)
                ? listed
                : doc.RootElement.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array);
        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"No list of persons in the response to {PathAndQuery(q, limit)}: {Truncate(body)}");
        }

        var rank = -1;
        var index = 0;
        string? targetReason = null;
        string? firstReason = null;
        var anyExact = false;
        foreach (var item in items.EnumerateArray())
        {
            var reason = Reason(item);
            anyExact |= reason is not null && reason.Contains("exact", StringComparison.OrdinalIgnoreCase);
            if (index == 0)
            {
                firstReason = reason;
            }

            if (rank < 0 && q.Target is not null && item.TryGetProperty("kidc", out var kidc) && kidc.GetString() == q.Target)
            {
                rank = index;
                targetReason = reason;
            }

            index++;
        }

        return new Outcome(q, status, sw.Elapsed.TotalMilliseconds, rank, index, targetReason, firstReason, anyExact);
    }

    /// <summary>Why an item matched, when the response says it: the first item property whose name
    /// contains "match" or "reason" (the rebuilt search is to add one, e.g. <c>match</c>; its exact
    /// shape is not fixed yet). A string is taken as is; an object by its kind/level/type or first
    /// string property; an array as its strings joined with "+".</summary>
    internal static string? Reason(JsonElement item)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.Contains("match", StringComparison.OrdinalIgnoreCase) || property.Name.Contains("reason", StringComparison.OrdinalIgnoreCase))
            {
                return Text(property.Value);
            }
        }

        return null;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object => new[] { "kind", "level", "type", "reason" }
            .Select(n => value.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .FirstOrDefault(v => v is not null)
            ?? value.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString()).FirstOrDefault()
            ?? value.GetRawText(),
        JsonValueKind.Array => string.Join("+", value.EnumerateArray().Select(Text).Where(t => t is not null)),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200];
}

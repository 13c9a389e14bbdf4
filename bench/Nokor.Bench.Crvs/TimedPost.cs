using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Nokor.Bench.Crvs;

/// <summary>What the registration endpoints answer that the loads read: the record, its status and number.</summary>
internal sealed record Answer(Guid Id, string? Status, string? Number);

/// <summary>
/// One POST of a load (births, marriages) as a bench account, timed from sending to the last byte
/// of the answer; a non-2xx answer or a transport failure is counted as an error of the step.
/// </summary>
internal sealed class TimedPost(HttpClient http, Tokens tokens, ErrorLog errors)
{
    public async Task<Answer?> SendAsync(Latencies step, string user, string path, byte[]? body)
    {
        var token = await tokens.GetAsync(user);
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                step.Error();
                errors.Add(step.Name, (int)response.StatusCode, bytes);
                return null;
            }

            step.Add(ms);
            return JsonSerializer.Deserialize<Answer>(bytes, BenchPlan.Json);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            step.Error();
            errors.Add(step.Name, 0, Encoding.UTF8.GetBytes($"{e.GetType().Name}: {e.Message}"));
            return null;
        }
    }
}

/// <summary>Counts errors by step and status, printing the first few answers in full.</summary>
internal sealed class ErrorLog
{
    private const int Printed = 8;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _seen;

    public void Add(string step, int status, byte[] body)
    {
        _counts.AddOrUpdate($"{step} {(status == 0 ? "transport" : status.ToString(CultureInfo.InvariantCulture))}", 1, (_, n) => n + 1);
        if (Interlocked.Increment(ref _seen) <= Printed)
        {
            var text = Encoding.UTF8.GetString(body);
            Console.WriteLine($"  ERROR {step} {status}: {(text.Length > 1500 ? text[..1500] + "..." : text)}");
        }
    }

    public void PrintSummary()
    {
        Console.WriteLine(_counts.IsEmpty
            ? "errors: none"
            : "errors by step and status: " + string.Join(", ", _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}")));
    }
}

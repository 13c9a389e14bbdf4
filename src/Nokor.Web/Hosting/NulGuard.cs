using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Nokor.Platform.Errors;

namespace Nokor.Web.Hosting;

/// <summary>
/// No text the platform keeps or looks up may hold a NUL character: PostgreSQL refuses it in a text
/// parameter (so it would surface as an unexpected error), and no name, code or reason has one.
/// Query strings and JSON bodies are checked before any endpoint runs. (Not with a JSON string
/// converter: a custom converter for <c>string</c> makes every string field untyped in the OpenAPI
/// document.)
/// </summary>
internal static class NulGuard
{
    private const string Message = "The value holds a NUL character, which no text may contain.";

    /// <summary>
    /// 400 naming every query parameter whose value holds a NUL, or the first JSON field that does,
    /// before the endpoint runs.
    /// </summary>
    public static async Task CheckAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            var errors = http.Request.Query.Where(q => q.Value.Any(v => v?.Contains('\0') == true))
                .ToDictionary(q => q.Key, _ => new[] { Message });
            if (errors.Count > 0)
            {
                await RefuseAsync(http, errors);
                return;
            }
        }

        if (http.Request.HasJsonContentType() && http.Request.ContentLength is not 0)
        {
            // The only way to put a NUL in JSON text is the escape \u0000. The body is read once
            // into memory (its size is bounded by the endpoint's limit), looked at, and the
            // endpoint reads that copy.
            var copy = new MemoryStream();
            http.Response.RegisterForDispose(copy);
            await http.Request.Body.CopyToAsync(copy, http.RequestAborted);
            copy.Position = 0;
            http.Request.Body = copy;
            var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
            if (bytes.IndexOf("\\u0000"u8) >= 0 && FieldWithNul(bytes) is { } field)
            {
                await RefuseAsync(http, new Dictionary<string, string[]> { [field] = [Message] });
                return;
            }
        }

        await next(http);
    }

    /// <summary>The path of the first string value holding a NUL ("child.surnameKm", "items[2]"), or null (none, or not JSON).</summary>
    internal static string? FieldWithNul(ReadOnlySpan<byte> json)
    {
        var path = new List<string>();
        var indexes = new Stack<int>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        try
        {
            string? property = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(Step(property, indexes));
                        property = null;
                        indexes.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        indexes.Pop();
                        path.RemoveAt(path.Count - 1);
                        Advance(indexes);
                        break;
                    case JsonTokenType.String when reader.GetString()!.Contains('\0', StringComparison.Ordinal):
                        return Join(path, Step(property, indexes));
                    default:
                        property = null;
                        Advance(indexes);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint's reader says so, naming what it can.
        }

        return null;
    }

    private static string Step(string? property, Stack<int> indexes) =>
        property ?? (indexes.TryPeek(out var i) && i >= 0 ? $"[{i}]" : "");

    private static void Advance(Stack<int> indexes)
    {
        if (indexes.TryPeek(out var i) && i >= 0)
        {
            indexes.Pop();
            indexes.Push(i + 1);
        }
    }

    private static string Join(List<string> path, string last)
    {
        var parts = path.Append(last).Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? "body" : string.Concat(parts.Select((p, i) => i == 0 || p.StartsWith('[') ? p : "." + p));
    }

    private static ValueTask RefuseAsync(HttpContext http, Dictionary<string, string[]> errors)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Type = Problems.Validation,
                Title = "The request has invalid fields.",
            },
        });
    }
}

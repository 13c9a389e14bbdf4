using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests;

/// <summary>
/// Every operation of the OpenAPI document, called with malformed input by accounts of several
/// roles and anonymously, answers below 500: a clear refusal, never an unexpected error.
/// </summary>
public sealed class MalformedInputTests(NokorHost host) : IClassFixture<NokorHost>
{
    /// <summary>
    /// Path parameter values that are not what any route expects. (A NUL in the path is refused by
    /// Kestrel itself with 400 and cannot pass the in-memory test server; it is sent in the query.)
    /// </summary>
    private static readonly string[] BadSegments = ["abc", "a%20b", "%2e%2e", "99999999999999999999", "%E1%9E%80", "0"];

    /// <summary>Well-formed values nobody has (so a route's constraint matches and the handler runs).</summary>
    private static readonly string[] UnknownSegments = ["3f2c1d9e-8b7a-4c6d-9e0f-1a2b3c4d5e6f", "1234567890", "2026"];

    private static readonly string LongKhmer = new('ក', 20_000);

    /// <summary>Query values besides a NUL: out of range, not a date, not a number, very long Khmer, an invalid escape.</summary>
    private static readonly string[] BadQueryValues =
        ["-1", "2026-13-45", "x", string.Concat(Enumerable.Repeat("%E1%9E%80", 500)), "99999999999999999999", "%ff", "%20"];

    [Fact]
    public async Task No_operation_answers_500_to_malformed_input()
    {
        var document = JsonNode.Parse(await host.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var callers = new List<(string Name, HttpClient Client)> { ("anonymous", host.CreateClient()) };
        foreach (var account in new[] { "registrar.n", "admin", "clerk.n", "distribution.n", "agent.a" })
        {
            callers.Add((account, await host.ClientForAsync(account)));
        }

        var random = new Random(11);
        var failures = new List<string>();
        var requests = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "delete" or "patch"))
                {
                    continue;
                }

                var content = operation!["requestBody"]?["content"]?.AsObject();
                var jsonSchema = content?["application/json"]?["schema"];
                var queries = (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]?.GetValue<string>() == "query")
                    .Select(p => p!["name"]!.GetValue<string>()).ToList();
                // Every query parameter garbled at once, and each one alone (so that one refused
                // early does not hide another).
                var queryStrings = queries.Count == 0
                    ? [""]
                    : new[] { queries }.Concat(queries.Count > 1 ? queries.Select(q => new List<string> { q }) : [])
                        .SelectMany(set => new[]
                        {
                            "?" + string.Join("&", set.Select(q => $"{q}=%00x")),
                            "?" + string.Join("&", set.Select(q => $"{q}={BadQueryValues[random.Next(BadQueryValues.Length)]}")),
                        })
                        .ToList();
                foreach (var (body, query) in Bodies(jsonSchema, content, schemas).SelectMany(b => queryStrings.Select(q => (b, q))))
                {
                    foreach (var (name, client) in callers)
                    {
                        var target = Fill(path, random) + query;
                        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), target) { Content = body?.Invoke() };
                        using var response = await client.SendAsync(request);
                        requests++;
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{(int)response.StatusCode} {method.ToUpperInvariant()} {target} as {name}: {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                }
            }
        }

        Assert.True(requests > 500, $"only {requests} requests: the OpenAPI document lists fewer operations than expected");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} answers were 5xx:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public async Task A_NUL_in_a_query_value_or_a_JSON_string_is_a_400_naming_the_field()
    {
        var client = host.CreateClient();
        var query = await client.GetAsync("/api/public/legislation/acts?subtype=%00act&page=1");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        var errors = JsonDocument.Parse(await query.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("subtype", out _));
        Assert.False(errors.TryGetProperty("page", out _));

        var json = await client.PostAsync("/api/auth/token", Json("{\"userName\":\"adm\\u0000in\",\"password\":\"x\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.True(JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("userName", out _));

        // Text without a NUL still reads and answers as before.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/public/legislation/acts?subtype=act")).StatusCode);
    }

    [Theory]
    [InlineData("""{"userName":"a\u0000b"}""", "userName")]
    [InlineData("""{"birth":{"child":{"surnameKm":"x","givenNameKm":"\u0000"}}}""", "birth.child.givenNameKm")]
    [InlineData("""{"items":["a","b",{"note":"\u0000"}]}""", "items[2].note")]
    [InlineData("""["ok","\u0000"]""", "[1]")]
    [InlineData("\"\\u0000\"", "body")]
    [InlineData("""{"text":"a\\u0000b","n":1}""", null)]
    [InlineData("""{"broken":"\u0000""", null)]
    public void The_field_holding_a_NUL_is_named_by_its_path(string json, string? field) =>
        Assert.Equal(field, Nokor.Web.Hosting.NulGuard.FieldWithNul(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public async Task The_OpenAPI_document_keeps_the_type_of_text_fields()
    {
        var document = JsonNode.Parse(await host.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var userName = document["components"]!["schemas"]!["TokenRequest"]!["properties"]!["userName"]!["type"]!;
        Assert.Contains("string", userName.ToJsonString());
    }

    /// <summary>The bodies to send: malformed JSON and wrongly typed fields for a JSON operation, garbage for a form.</summary>
    private static IEnumerable<Func<HttpContent>?> Bodies(JsonNode? jsonSchema, JsonObject? content, JsonObject? schemas)
    {
        if (jsonSchema is not null)
        {
            var properties = Resolve(jsonSchema, schemas)?["properties"]?.AsObject() ?? [];
            yield return () => Json("{");
            yield return () => Json("[]");
            yield return () => Json("null");
            yield return () => Json(Object(properties, p => Wrong(Resolve(p, schemas))));
            yield return () => Json(Object(properties, p => Extreme(Resolve(p, schemas))));
            // Short text with a NUL inside, everything else left out: reaches what a length check would stop.
            yield return () => Json(Object(properties, p => TypeOf(Resolve(p, schemas)) == "string" ? "a\u0000b" : null));
        }
        else if (content is { Count: > 0 })
        {
            yield return () => Raw("\0\u0001garbage", "multipart/form-data");
            yield return () => Raw("%ZZ&&=&\0", "application/x-www-form-urlencoded");
        }
        else
        {
            yield return null;
        }
    }

    private static StringContent Json(string text) => Raw(text, "application/json");

    private static StringContent Raw(string text, string type)
    {
        var body = new StringContent(text, Encoding.UTF8);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return body;
    }

    private static string Object(JsonObject properties, Func<JsonNode?, JsonNode?> value)
    {
        var result = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            result[name] = value(schema);
        }

        return result.ToJsonString();
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas)
    {
        for (var depth = 0; depth < 5 && schema?["$ref"] is { } reference; depth++)
        {
            schema = schemas?[reference.GetValue<string>().Split('/')[^1]];
        }

        return schema;
    }

    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    /// <summary>A value of the wrong JSON type for the field.</summary>
    private static JsonNode? Wrong(JsonNode? schema) => TypeOf(schema) switch
    {
        "string" => 12345,
        "integer" or "number" => "not a number",
        "boolean" => "maybe",
        "array" => "not an array",
        "object" => 7,
        _ => new JsonArray(1, 2),
    };

    /// <summary>A value of the right type at an extreme: very long, control characters, out of range.</summary>
    private static JsonNode? Extreme(JsonNode? schema) => TypeOf(schema) switch
    {
        "string" => LongKhmer + "\u0000\u0007",
        "integer" => JsonValue.Create(long.MaxValue),
        "number" => JsonValue.Create(1e308),
        "array" => new JsonArray(null, new JsonObject()),
        "object" => new JsonObject { ["x"] = null },
        _ => "\u0000",
    };

    private static string Fill(string path, Random random) => string.Join("/", path.Split('/').Select(segment =>
        !(segment.StartsWith('{') && segment.EndsWith('}')) ? segment
        : random.Next(2) == 0 ? BadSegments[random.Next(BadSegments.Length)]
        : segment.Contains("id", StringComparison.OrdinalIgnoreCase) ? UnknownSegments[0]
        : UnknownSegments[random.Next(UnknownSegments.Length)]));
}

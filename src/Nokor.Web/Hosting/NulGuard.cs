using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Nokor.Platform.Errors;

namespace Nokor.Web.Hosting;

/// <summary>
/// No text the platform keeps or looks up may hold a NUL character: PostgreSQL refuses it in a text
/// parameter (so it would surface as an unexpected error), and no name, code or reason has one.
/// Query strings are checked before any endpoint runs; JSON strings as they are read.
/// </summary>
internal static class NulGuard
{
    /// <summary>400 naming every query parameter whose value holds a NUL, before the endpoint runs.</summary>
    public static async Task QueryAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            var errors = http.Request.Query.Where(q => q.Value.Any(v => v?.Contains('\0') == true))
                .ToDictionary(q => q.Key, _ => new[] { "The value holds a NUL character, which no text may contain." });
            if (errors.Count > 0)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ValidationProblemDetails(errors)
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Type = Problems.Validation,
                        Title = "The request has invalid fields.",
                    },
                });
                return;
            }
        }

        await next(http);
    }
}

/// <summary>Reads JSON strings as usual, but refuses one holding a NUL (a 400 naming the field).</summary>
internal sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("A NUL character is not allowed in text.")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

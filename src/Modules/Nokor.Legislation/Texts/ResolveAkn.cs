using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Texts;

/// <summary>FRBR URIs resolve where they say: /akn/kh/act/2024-05-01/12/khm@ answers with the AKN XML.</summary>
internal static class ResolveAkn
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/akn/{**path}", async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> (string path, string? date, LegalTexts texts, IOptions<LegislationOptions> options, CancellationToken ct) =>
            {
                var uri = "/akn/" + path;
                var lang = uri.Contains("/eng@", StringComparison.Ordinal) || uri.EndsWith("/eng", StringComparison.Ordinal) ? "eng" : null;
                if (uri.EndsWith("/khm", StringComparison.Ordinal) || uri.EndsWith("/eng", StringComparison.Ordinal))
                {
                    uri = uri[..^4];
                }

                if (await texts.ResolveAsync(uri, lang, date is null ? null : DateOnly.TryParse(date, out var d) ? d : null, ct) is not { } text)
                {
                    return TypedResults.NotFound();
                }

                return TextServing.Unservable(text, options.Value) is { } problem ? problem : TypedResults.Content(text.Xml, "application/akn+xml; charset=utf-8");
            })
            .AllowAnonymous()
            .WithTags("Legislation (public)")
            .WithName("ResolveAkn")
            .WithSummary("Resolve an Akoma Ntoso FRBR URI to its XML (a work URI gives the version in force, or on ?date=)");
}

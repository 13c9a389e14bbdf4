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

/// <summary>A text as an HTML fragment with its table of contents, for the public face.</summary>
internal static class GetTextHtml
{
    public static void MapPublic(RouteGroupBuilder publicGroup) =>
        publicGroup.MapGet("/text.html", async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> (string uri, string? lang, DateOnly? date, LegalTexts texts, IOptions<LegislationOptions> options, CancellationToken ct) =>
            {
                if (await texts.ResolveAsync(uri, lang, date, ct) is not { } text)
                {
                    return TypedResults.NotFound();
                }

                if (TextServing.Unservable(text, options.Value) is { } problem)
                {
                    return problem;
                }

                try
                {
                    return TypedResults.Content(AknHtml.Render(TextStore.Load(text)), "text/html; charset=utf-8");
                }
                catch (UnreadableTextException)
                {
                    return TextServing.Unavailable(text.ExpressionUri, "it does not read back");
                }
            })
            .WithName("PublicGetTextHtml")
            .WithSummary("A text as an HTML fragment with its table of contents");
}

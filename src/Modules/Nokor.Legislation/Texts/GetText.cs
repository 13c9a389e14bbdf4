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

/// <summary>A text as JSON: by expression URI, or a work URI as it stood on a date, in Khmer or English.</summary>
internal static class GetText
{
    public static async Task<TextView> ToViewAsync(TextEntity text, LegislationDbContext db, CancellationToken ct)
    {
        var articles = await db.TextArticles.AsNoTracking().Where(a => a.TextId == text.Id).ToListAsync(ct);
        return TextStore.ToView(text, articles);
    }

    public static void MapPublic(RouteGroupBuilder publicGroup) =>
        publicGroup.MapGet("/text", async Task<Results<Ok<TextView>, NotFound>> (string uri, string? lang, DateOnly? date, LegalTexts texts, LegislationDbContext db, CancellationToken ct) =>
                await texts.ResolveAsync(uri, lang, date, ct) is { } text ? TypedResults.Ok(await ToViewAsync(text, db, ct)) : TypedResults.NotFound())
            .WithName("PublicGetText")
            .WithSummary("A text as JSON: ?uri=expression URI, or a work URI with ?date= (the law as it stood that day) and ?lang=khm|eng");
}

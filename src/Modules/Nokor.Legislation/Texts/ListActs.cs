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

/// <summary>Laws in the legal database, newest first, with how many versions each has.</summary>
internal static class ListActs
{
    public static async Task<IReadOnlyList<ActSummary>> HandleAsync(string? subtype, int page, int size, LegislationDbContext db, CancellationToken ct)
    {
        var query = db.Acts.AsNoTracking();
        if (!string.IsNullOrEmpty(subtype))
        {
            query = query.Where(a => a.Subtype == subtype);
        }

        var acts = await query.OrderByDescending(a => a.Date).ThenBy(a => a.WorkUri).Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync(ct);
        var ids = acts.Select(a => a.Id).ToList();
        var versions = await db.Texts.AsNoTracking().Where(t => t.ActId != null && ids.Contains(t.ActId.Value) && t.Language == LegalTexts.Khmer)
            .GroupBy(t => t.ActId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        return acts.Select(a => new ActSummary(a.Id, a.WorkUri, a.Subtype, a.TitleKm, a.TitleEn, a.Date, a.PublishedOn, versions.GetValueOrDefault(a.Id))).ToList();
    }

    public static void MapPublic(RouteGroupBuilder publicGroup) =>
        publicGroup.MapGet("/acts", async (string? subtype, int? page, LegislationDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(subtype, page ?? 1, 50, db, ct)))
            .WithName("PublicListActs")
            .WithSummary("Laws in the legal database, newest first (subtype=constitution for the Constitution)");
}

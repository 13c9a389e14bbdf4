using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Data;
using Nokor.Legislation.Senate;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Comments;

/// <summary>Senators' comments on a bill in article order, with the commission's answers.</summary>
internal static class ListComments
{
    /// <summary>The longest comment or answer, in characters.</summary>
    public const int MaxBody = 8000;

    public static async Task<IReadOnlyList<CommentView>> HandleAsync(Guid billId, string? articleEId, LegislationDbContext db, CancellationToken ct)
    {
        var query = db.Comments.AsNoTracking().Where(c => c.BillId == billId);
        if (!string.IsNullOrEmpty(articleEId))
        {
            query = query.Where(c => c.ArticleEId == articleEId);
        }

        var rows = await (from c in query
                          join s in db.Senators on c.SenatorId equals s.Id
                          join t in db.Texts on c.TextId equals t.Id
                          join a in db.TextArticles on new { c.TextId, EId = c.ArticleEId } equals new { a.TextId, a.EId } into arts
                          from a in arts.DefaultIfEmpty()
                          join b in db.Bodies on c.AnswerBodyId equals b.Id into bodies
                          from b in bodies.DefaultIfEmpty()
                          select new { c, s.NameKm, s.NameLatin, t.ExpressionUri, Num = a == null ? null : a.Num, Ordinal = a == null ? int.MaxValue : a.Ordinal, Body = b })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Ordinal).ThenBy(r => r.c.CreatedAt)
            .Select(r => new CommentView(r.c.Id, r.c.ArticleEId, r.Num, r.NameKm, r.NameLatin, r.c.Body, r.c.CreatedAt, r.ExpressionUri,
                r.Body is null ? null : new BodyRef(r.Body.Id, r.Body.Code, r.Body.NameKm, r.Body.NameEn), r.c.Answer, r.c.AnsweredAt))
            .ToList();
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/bills/{id:guid}/comments", async (Guid id, string? article, LegislationDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(id, article, db, ct)))
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("ListBillComments")
            .WithSummary("Senators' comments on the bill, in article order, with the commission's answers");
}

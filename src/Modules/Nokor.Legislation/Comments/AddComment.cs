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

/// <summary>
/// A senator comments on one article of a draft law under review (master plan Annex 1:
/// "software for management on comments/inputs of draft law or proposed law of Senator").
/// </summary>
internal static class AddComment
{
    public static async Task<Outcome<CommentView>> HandleAsync(Guid billId, CommentRequest request, Actor actor, LegislationDbContext db, SenateRecords senate, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var bill = await db.Bills.AsNoTracking().FirstOrDefaultAsync(b => b.Id == billId, ct);
        if (bill is null)
        {
            return Outcome<CommentView>.NotFound("No such bill.");
        }

        var senator = await senate.SenatorOfAsync(actor, ct);
        if (senator is null)
        {
            return Outcome<CommentView>.Conflict("Only a senator in office comments on a draft law; this account is not linked to a senator's mandate.");
        }

        if (!BillProcedure.IsUnderReview(bill.Stage))
        {
            return Outcome<CommentView>.Conflict($"The Senate has decided on this law (stage {bill.Stage}); comments are closed until it comes back.");
        }

        var errors = new FieldErrors();
        var eId = request.ArticleEId?.Trim();
        TextArticleEntity? article = null;
        if (string.IsNullOrEmpty(eId))
        {
            errors.Add("articleEId", "Name the article you comment on (e.g. art_3).");
        }
        else
        {
            article = await db.TextArticles.AsNoTracking().FirstOrDefaultAsync(a => a.TextId == bill.CurrentTextId && a.EId == eId, ct);
            if (article is null)
            {
                errors.Add("articleEId", $"The draft has no article '{eId}'.");
            }
        }

        var body = string.IsNullOrWhiteSpace(request.Body) ? null : KhmerText.Normalize(request.Body.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (body is null)
        {
            errors.Add("body", "The comment is empty.");
        }
        else if (body.Length > ListComments.MaxBody)
        {
            errors.Add("body", $"The comment is longer than {ListComments.MaxBody:N0} characters.");
        }
        else if (body.Any(char.IsControl))
        {
            errors.Add("body", "The comment contains control characters.");
        }

        if (errors.Any)
        {
            return Outcome<CommentView>.Invalid(errors);
        }

        var comment = new CommentEntity
        {
            Id = Guid.NewGuid(),
            BillId = bill.Id,
            TextId = bill.CurrentTextId!.Value,
            ArticleEId = eId!,
            SenatorId = senator.Id,
            AuthorId = actor.Id,
            Body = body!,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Comments.Add(comment);
        await audit.AppendAsync(new AuditEvent(actor, "legislation.comment.add", "bill", bill.Id.ToString("D"), "review of a draft law",
            AuditDetails.Of(new { comment = comment.Id, article = eId })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CommentView>.Ok((await ListComments.HandleAsync(bill.Id, null, db, ct)).First(c => c.Id == comment.Id));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/bills/{id:guid}/comments", async (Guid id, CommentRequest request, HttpContext http, LegislationDbContext db, SenateRecords senate, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request, http.Actor(), db, senate, audit, clock, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Senator)
            .WithName("CommentOnBill")
            .WithSummary("A senator comments on one article of the draft (by its eId)");
}

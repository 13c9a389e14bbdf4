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

/// <summary>The commission answers a senator's comment on a draft law.</summary>
internal static class AnswerComment
{
    /// <summary>
    /// The commission the law was referred to answers a comment: its chair, vice-chair or
    /// secretary, or the Secretariat staff who keep its record.
    /// </summary>
    public static async Task<Outcome<CommentView>> HandleAsync(Guid billId, Guid commentId, AnswerRequest request, Actor actor, LegislationDbContext db, SenateRecords senate, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.BillId == billId, ct);
        if (comment is null)
        {
            return Outcome<CommentView>.NotFound("No such comment.");
        }

        var bill = await db.Bills.AsNoTracking().FirstAsync(b => b.Id == billId, ct);
        if (bill.CommissionId is not { } commissionId)
        {
            return Outcome<CommentView>.Conflict("The law has not been referred to a commission yet.");
        }

        if (!actor.IsInRole(Roles.SenateClerk) && !actor.IsInRole(Roles.Administrator) && !await senate.LeadsAsync(actor, commissionId, ct))
        {
            return Outcome<CommentView>.Conflict("Only the commission's chair, vice-chair or secretary, or the Secretariat, answers for the commission.");
        }

        var answer = string.IsNullOrWhiteSpace(request.Answer) ? null : KhmerText.Normalize(request.Answer.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (answer is null)
        {
            return Outcome<CommentView>.Invalid("answer", "The answer is empty.");
        }

        if (answer.Length > ListComments.MaxBody || answer.Any(char.IsControl))
        {
            return Outcome<CommentView>.Invalid("answer", $"The answer must be at most {ListComments.MaxBody:N0} characters of text.");
        }

        comment.Answer = answer;
        comment.AnswerBodyId = commissionId;
        comment.AnsweredBy = actor.Id;
        comment.AnsweredAt = clock.GetUtcNow();
        await audit.AppendAsync(new AuditEvent(actor, "legislation.comment.answer", "bill", billId.ToString("D"), "review of a draft law",
            AuditDetails.Of(new { comment = comment.Id })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CommentView>.Ok((await ListComments.HandleAsync(billId, null, db, ct)).First(c => c.Id == comment.Id));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/bills/{id:guid}/comments/{commentId:guid}/answer", async (Guid id, Guid commentId, AnswerRequest request, HttpContext http, LegislationDbContext db, SenateRecords senate, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, commentId, request, http.Actor(), db, senate, audit, clock, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("AnswerComment")
            .WithSummary("The commission answers a comment (its chair, vice-chair or secretary, or the Secretariat)");
}

using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Legislation.Senate;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Spreadsheets;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Comments;

/// <summary>
/// Senators' comments on a draft law, article by article, and the commission's answers (master
/// plan Annex 1: "software for management on comments/inputs of draft law or proposed law of
/// Senator"). Comments can be exported as CSV for the commission's report.
/// </summary>
internal sealed class CommentService(LegislationDbContext db, SenateDirectory senate, IAuditLog audit, TimeProvider clock)
{
    public const int MaxBody = 8000;

    public async Task<Outcome<CommentView>> AddAsync(Guid billId, CommentRequest request, Actor actor, CancellationToken ct)
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
        else if (body.Length > MaxBody)
        {
            errors.Add("body", $"The comment is longer than {MaxBody:N0} characters.");
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
            JsonSerializer.Serialize(new { comment = comment.Id, article = eId })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CommentView>.Ok((await ListAsync(bill.Id, null, ct)).First(c => c.Id == comment.Id));
    }

    /// <summary>
    /// The commission the law was referred to answers a comment: its chair, vice-chair or
    /// secretary, or the Secretariat staff who keep its record.
    /// </summary>
    public async Task<Outcome<CommentView>> AnswerAsync(Guid billId, Guid commentId, AnswerRequest request, Actor actor, CancellationToken ct)
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

        if (answer.Length > MaxBody || answer.Any(char.IsControl))
        {
            return Outcome<CommentView>.Invalid("answer", $"The answer must be at most {MaxBody:N0} characters of text.");
        }

        comment.Answer = answer;
        comment.AnswerBodyId = commissionId;
        comment.AnsweredBy = actor.Id;
        comment.AnsweredAt = clock.GetUtcNow();
        await audit.AppendAsync(new AuditEvent(actor, "legislation.comment.answer", "bill", billId.ToString("D"), "review of a draft law",
            JsonSerializer.Serialize(new { comment = comment.Id })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CommentView>.Ok((await ListAsync(billId, null, ct)).First(c => c.Id == comment.Id));
    }

    public async Task<IReadOnlyList<CommentView>> ListAsync(Guid billId, string? articleEId, CancellationToken ct)
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

    /// <summary>
    /// All comments of a bill as CSV (UTF-8 with a byte order mark so spreadsheet programs read the
    /// Khmer correctly), one row per comment in article order, with the commission's answer.
    /// </summary>
    public async Task<byte[]> ExportCsvAsync(Guid billId, CancellationToken ct)
    {
        var comments = await ListAsync(billId, null, ct);
        var rows = comments.Select(c => (IReadOnlyList<SheetCell>)
        [
            c.ArticleEId, c.ArticleNum, c.SenatorNameKm, c.SenatorNameLatin, c.Body, Timestamp(c.CreatedAt),
            c.AnswerBody?.NameKm, c.Answer, c.AnsweredAt is { } answered ? Timestamp(answered) : null,
        ]).ToList();

        // The platform's one CSV writer: a comment or an answer that starts like a formula is neutralised.
        return CsvTableWriter.RecordsToBytes(ExportColumns, rows);
    }

    /// <summary>The columns of <see cref="ExportCsvAsync"/>.</summary>
    internal static readonly IReadOnlyList<string> ExportColumns =
        ["article_eid", "article", "senator_km", "senator_latin", "comment", "commented_at", "commission", "answer", "answered_at"];

    private static string Timestamp(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
}

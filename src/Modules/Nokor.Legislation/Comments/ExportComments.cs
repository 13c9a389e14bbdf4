using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Data;
using Nokor.Platform.Spreadsheets;

namespace Nokor.Legislation.Comments;

/// <summary>
/// Senators' comments on a draft law, article by article, and the commission's answers (master
/// plan Annex 1: "software for management on comments/inputs of draft law or proposed law of
/// Senator"): the export of the comments as CSV for the commission's report.
/// </summary>
internal static class ExportComments
{
    /// <summary>
    /// All comments of a bill as CSV (UTF-8 with a byte order mark so spreadsheet programs read the
    /// Khmer correctly), one row per comment in article order, with the commission's answer.
    /// </summary>
    public static async Task<byte[]> HandleAsync(Guid billId, LegislationDbContext db, CancellationToken ct)
    {
        var comments = await ListComments.HandleAsync(billId, null, db, ct);
        var rows = comments.Select(c => (IReadOnlyList<SheetCell>)
        [
            c.ArticleEId, c.ArticleNum, c.SenatorNameKm, c.SenatorNameLatin, c.Body, Timestamp(c.CreatedAt),
            c.AnswerBody?.NameKm, c.Answer, c.AnsweredAt is { } answered ? Timestamp(answered) : null,
        ]).ToList();

        // The platform's one CSV writer: a comment or an answer that starts like a formula is neutralised.
        return CsvTableWriter.RecordsToBytes(ExportColumns, rows);
    }

    /// <summary>The columns of <see cref="HandleAsync"/>.</summary>
    internal static readonly IReadOnlyList<string> ExportColumns =
        ["article_eid", "article", "senator_km", "senator_latin", "comment", "commented_at", "commission", "answer", "answered_at"];

    private static string Timestamp(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/bills/{id:guid}/comments.csv", async (Guid id, LegislationDbContext db, BillRecords bills, CancellationToken ct) =>
                await bills.GetAsync(id, ct) is { } bill
                    ? Results.File(await HandleAsync(id, db, ct), "text/csv; charset=utf-8", $"comments-{bill.Number.Replace('/', '-')}.csv")
                    : Results.NotFound())
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("ExportBillComments")
            .WithSummary("Export the comments as CSV (UTF-8), one row per comment");
}

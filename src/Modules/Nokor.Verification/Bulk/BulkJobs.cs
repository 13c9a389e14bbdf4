using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nokor.Platform.Errors;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Bulk;

/// <summary>
/// A bulk verification job as its institution sees it: where it stands, how many rows are done and
/// how many matched, and once completed where the result file is.
/// </summary>
internal sealed record BulkJobView(
    Guid Id,
    BulkJobStatus Status,
    string Purpose,
    int TotalRows,
    int ProcessedRows,
    int MatchedRows,
    int ProgressPercent,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    string? ResultUrl);

/// <summary>One row of a bulk file checked: a KIDC and claims to verify, or the reason it cannot be verified.</summary>
internal sealed record BulkRowCheck(string? Kidc, Claims? Claims, string? Reason)
{
    public bool Valid => Reason is null;
}

/// <summary>
/// Bulk verification (issue 4: "a CSV of up to 100,000 rows processed as a background job with
/// progress, and a result file; the same audit and accounting per row"): what submission
/// (<see cref="SubmitBulkJob"/>), the job's reading and <see cref="BulkWorker"/> share.
/// </summary>
internal static class BulkJobs
{
    public const string BasePath = "/api/verification/v1/bulk";

    /// <summary>Checks one row with the rules of a single query (<see cref="QueryChecks.CheckKidc"/>, <see cref="Claims.Parse"/>).</summary>
    public static BulkRowCheck Check(BulkCsvFile file, BulkCsvRow row)
    {
        var errors = new FieldErrors();
        var kidc = QueryChecks.CheckKidc(Cell(file, row, BulkCsv.KidcColumn) ?? "", errors);
        var input = new ClaimsInput(
            Cell(file, row, PersonAttributes.SurnameKm),
            Cell(file, row, PersonAttributes.GivenNameKm),
            Cell(file, row, PersonAttributes.SurnameLatin),
            Cell(file, row, PersonAttributes.GivenNameLatin),
            Cell(file, row, PersonAttributes.Sex),
            Cell(file, row, PersonAttributes.DateOfBirth),
            Cell(file, row, PersonAttributes.Nationality));
        var claims = Claims.Parse(input, errors);
        if (!errors.Any)
        {
            return new BulkRowCheck(kidc, claims, null);
        }

        var reason = string.Join(" ", errors.ToDictionary().Select(e =>
            (e.Key.StartsWith("claims.", StringComparison.Ordinal) ? e.Key["claims.".Length..] : e.Key == "claims" ? "row" : e.Key) + ": " + string.Join(" ", e.Value)));
        return new BulkRowCheck(null, null, reason);
    }

    /// <summary>An empty cell claims nothing.</summary>
    private static string? Cell(BulkCsvFile file, BulkCsvRow row, string column) =>
        file.Value(row, column) is { } v && !string.IsNullOrWhiteSpace(v) ? v : null;

    internal static BulkJobView ToView(BulkJobEntity job) => new(
        job.Id,
        job.Status,
        job.Purpose,
        job.TotalRows,
        job.ProcessedRows,
        job.MatchedRows,
        job.Status == BulkJobStatus.Completed ? 100 : job.TotalRows == 0 ? 0 : (int)(job.ProcessedRows * 100L / job.TotalRows),
        job.CreatedAt,
        job.CompletedAt,
        job.Error,
        job.Status == BulkJobStatus.Completed ? $"{BasePath}/{job.Id:D}/result" : null);

    /// <summary>Another institution's job is answered as one that does not exist.</summary>
    public static IResult NotFound() => TypedResults.NotFound(new ProblemDetails
    {
        Type = Problems.NotFound, Title = "Not found.", Status = StatusCodes.Status404NotFound,
        Detail = "No bulk job with this id for your institution.",
    });
}

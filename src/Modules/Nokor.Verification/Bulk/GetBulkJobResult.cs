using Nokor.Verification.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Bulk;

/// <summary>The result file of a completed bulk job of the calling institution.</summary>
internal static class GetBulkJobResult
{
    /// <summary>
    /// The result file of a completed job of the calling institution (others: null, answered 404).
    /// Fetching it again is not a new query: every row was recorded and counted when it was verified,
    /// and the file tells nothing those answers did not.
    /// </summary>
    public static async Task<(BulkJobView? Job, byte[]? Content)> HandleAsync(Guid id, Guid institutionId, VerificationDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        var job = await db.BulkJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.InstitutionId == institutionId, ct);
        if (job is null)
        {
            return (null, null);
        }

        if (job.Status != BulkJobStatus.Completed || job.ResultBlob is null)
        {
            return (BulkJobs.ToView(job), null);
        }

        var content = await blobs.GetAsync(job.ResultBlob, ct)
            ?? throw new InvalidOperationException($"The result file of bulk job {job.Id} is missing from the file store.");
        return (BulkJobs.ToView(job), content);
    }

    public static void Map(RouteGroupBuilder bulk) =>
        bulk.MapGet("/{id:guid}/result", ResultAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The result file of a completed bulk job (CSV: the input columns, then result, alive, one column per claimed attribute, and reason).");

    private static async Task<IResult> ResultAsync(Guid id, HttpContext http, VerificationDbContext db, IBlobStore blobs)
    {
        var client = (ClientContext)http.Items[ClientAuthentication.ItemKey]!;
        var (job, content) = await HandleAsync(id, client.Contract.InstitutionId, db, blobs, http.RequestAborted);
        if (job is null)
        {
            return BulkJobs.NotFound();
        }

        if (content is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Type = Problems.Conflict, Title = "No result yet.", Status = StatusCodes.Status409Conflict,
                Detail = job.Status == BulkJobStatus.Failed
                    ? "The job failed, so it has no result file: " + job.Error
                    : $"The job is {job.Status.ToString().ToLowerInvariant()}: {job.ProcessedRows:N0} of {job.TotalRows:N0} rows done. Ask again when it is completed.",
                Extensions = { ["status"] = job.Status.ToString(), ["progressPercent"] = job.ProgressPercent },
            });
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(content, "text/csv; charset=utf-8", $"bulk-{id:D}.csv");
    }
}

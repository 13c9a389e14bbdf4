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

/// <summary>A bulk job of the calling institution: its status and progress.</summary>
internal static class GetBulkJob
{
    /// <summary>
    /// A job of the calling institution. Another institution's job is answered as if it did not
    /// exist (404, not 403): its id reveals nothing, not even that it exists.
    /// </summary>
    public static async Task<BulkJobView?> HandleAsync(Guid id, Guid institutionId, VerificationDbContext db, CancellationToken ct)
    {
        var job = await db.BulkJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.InstitutionId == institutionId, ct);
        return job is null ? null : BulkJobs.ToView(job);
    }

    public static void Map(RouteGroupBuilder bulk) =>
        bulk.MapGet("/{id:guid}", GetAsync)
            .Produces<BulkJobView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A bulk verification job: its status and progress.");

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, VerificationDbContext db)
    {
        var client = (ClientContext)http.Items[ClientAuthentication.ItemKey]!;
        var job = await HandleAsync(id, client.Contract.InstitutionId, db, http.RequestAborted);
        return job is null ? BulkJobs.NotFound() : TypedResults.Ok(job);
    }
}

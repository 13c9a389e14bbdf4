using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Chains;
using Nokor.Platform.Errors;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

/// <summary>
/// <c>GET /api/verification/ledger/head</c>: the newest signed checkpoint of the query ledger as a
/// witness (<see cref="ChainHead"/>; no institution, person or query in it), for institutions to pin
/// and compare later with <c>nokor verification verify-ledger --witness</c>. Anonymous and
/// rate-limited per address like the other public endpoints; it only reads.
/// </summary>
internal static class GetLedgerHead
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/verification/ledger/head", GetAsync)
            .WithTags("Verification")
            .WithName("GetVerificationLedgerHead")
            .WithSummary("The newest signed checkpoint of the verification query ledger (a witness to keep and compare later); verify its token with GET /api/keys.")
            .AllowAnonymous()
            .RequireRateLimiting(AuditHeadEndpoint.RateLimitPolicy);

    public static async Task<Results<Ok<ChainHead>, NotFound<ProblemDetails>>> GetAsync(VerificationDbContext db, HttpContext http, CancellationToken ct)
    {
        var newest = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Number).FirstOrDefaultAsync(ct);
        if (newest is null)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Type = Problems.NotFound,
                Title = "No signed head yet.",
                Status = StatusCodes.Status404NotFound,
                Detail = "The query ledger has no checkpoint yet; the host signs one every Verification:CheckpointMinutes while queries are recorded.",
            });
        }

        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(ChainHead.From(LedgerCheckpoints.ChainName, LedgerCheckpoints.ToStored(newest)));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Chains;
using Nokor.Platform.Data;
using Nokor.Platform.Errors;

namespace Nokor.Platform.Audit;

/// <summary>
/// <c>GET /api/audit/head</c>: the newest signed checkpoint of the audit chain as a witness
/// (<see cref="ChainHead"/>: sequence, hash, times, digests, key id, token; nothing about any
/// person), for institutions and oversight bodies to pin and later compare with
/// <c>nokor audit verify --witness</c>. Anonymous and rate-limited per address like the other
/// public endpoints. It reads only: the host signs a new head every <c>Audit:CheckpointMinutes</c>.
/// </summary>
public static class AuditHeadEndpoint
{
    /// <summary>The per-address budget of the public endpoints (registered by the web host).</summary>
    public const string RateLimitPolicy = "public-verification";

    public static IEndpointRouteBuilder MapAuditHead(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit/head", GetAsync)
            .WithTags("Audit")
            .WithName("GetAuditHead")
            .WithSummary("The newest signed checkpoint of the audit chain (a witness to keep and compare later); verify its token with GET /api/keys.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy);
        return endpoints;
    }

    public static async Task<Results<Ok<ChainHead>, NotFound<ProblemDetails>>> GetAsync(PlatformDbContext db, HttpContext http, CancellationToken ct)
    {
        var newest = await db.AuditCheckpoints.AsNoTracking()
            .Where(c => c.Number != null)
            .OrderByDescending(c => c.Number)
            .FirstOrDefaultAsync(ct);
        if (newest is null)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Type = Problems.NotFound,
                Title = "No signed head yet.",
                Status = StatusCodes.Status404NotFound,
                Detail = "The audit chain has no chained checkpoint yet; the host signs one every Audit:CheckpointMinutes while entries are written.",
            });
        }

        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(ChainHead.From(AuditCheckpoint.ChainName, newest.ToStored()));
    }
}

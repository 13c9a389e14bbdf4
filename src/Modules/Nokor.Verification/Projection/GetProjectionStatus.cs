using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Nokor.Verification.Projection;

/// <summary>Where the verification store stands in the registry's change feed, and its recent lag.</summary>
internal sealed record ProjectionView(bool Ready, long Position, long Applied, long LagMedianMs, long LagMaxMs, int LagSamples);

/// <summary>The projection's status for the data distribution unit.</summary>
internal static class GetProjectionStatus
{
    public static ProjectionView Handle(ProjectionStatus status)
    {
        var (median, max, count) = status.Lag();
        return new ProjectionView(status.Ready, status.Position, Interlocked.Read(ref status.Applied), median, max, count);
    }

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/status", (ProjectionStatus status) => TypedResults.Ok(Handle(status)))
            .WithSummary("Where the verification store stands in the registry's change feed, and its recent lag.");
}

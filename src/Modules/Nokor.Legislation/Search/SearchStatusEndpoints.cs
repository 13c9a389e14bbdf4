using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.Legislation.Texts;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Search;

/// <summary>The search feeder's status and the retry of a set-aside text, for the Secretariat and administrators.</summary>
internal static class SearchStatusEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/search/status", async (SearchStatus status, CancellationToken ct) => TypedResults.Ok(await status.GetAsync(ct)))
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("SearchFeederStatus")
            .WithSummary("The search feeder: texts indexed, pending, retrying and set aside (with the expression URI and the reason)");

        group.MapPost("/search/failures/{textId:guid}/retry", async (Guid textId, HttpContext http, SearchFailures failures, CancellationToken ct) =>
                (await failures.RetryAsync(textId, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("RetrySearchFailure")
            .WithSummary("Queue a text that failed to index again, with a fresh count of attempts (after its cause was fixed)");
    }
}

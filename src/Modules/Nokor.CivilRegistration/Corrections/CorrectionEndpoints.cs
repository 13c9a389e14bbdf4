using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Corrections;

internal static class CorrectionEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/registrations/{id:guid}/corrections", async (Guid id, CorrectionRequest request, HttpContext http, CorrectionService service, CancellationToken ct) =>
                (await service.RequestAsync(id, request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("RequestCorrection")
            .WithSummary("Request a correction of a registered record, with the reason and an evidence annex");

        group.MapPost("/registrations/{id:guid}/corrections/{correctionId:guid}/decision", async (Guid id, Guid correctionId, CorrectionDecision decision, HttpContext http, CorrectionService service, CancellationToken ct) =>
                (await service.DecideAsync(id, correctionId, decision, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("DecideCorrection")
            .WithSummary("A registrar other than the requester approves (a new version of the record) or refuses the correction");
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>Gives the record back to the queue.</summary>
internal static class ReleaseRegistration
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(Guid id, Actor actor, RegistrationRecords records, CancellationToken ct) =>
        await records.ActAsync(id, actor, "released", ct, (r, _) =>
        {
            RegistrationRecords.Unassign(r);
            return null;
        });

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/release", async (Guid id, HttpContext http, RegistrationRecords records, CancellationToken ct) =>
                (await HandleAsync(id, http.Actor(), records, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ReleaseRegistration")
            .WithSummary("Give the record back to the queue");
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>Takes the record to work on it; nobody else can act on it until it is released or done.</summary>
internal static class ClaimRegistration
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(Guid id, Actor actor, RegistrationRecords records, TimeProvider clock, CancellationToken ct) =>
        await records.ActAsync(id, actor, "claimed", ct, (r, name) =>
        {
            if (r.AssignedTo == actor.Id)
            {
                return null;
            }

            r.AssignedTo = actor.Id;
            r.AssignedToName = name;
            r.AssignedAt = clock.GetUtcNow();
            return null;
        });

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/claim", async (Guid id, HttpContext http, RegistrationRecords records, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, http.Actor(), records, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ClaimRegistration")
            .WithSummary("Take the record to work on it (one person at a time)");
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// Second verification of the entered data: NSPI 6.2 Table 5, "double verification of the entered
/// data into the system by different staff members before the certificates are printed".
/// </summary>
internal static class VerifyRegistration
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(Guid id, Actor actor, RegistrationRecords records, TimeProvider clock, CancellationToken ct) =>
        await records.ActAsync(id, actor, "verified", ct, (r, name) =>
        {
            if (r.Status != RegistrationStatus.Entered)
            {
                return Outcome<RegistrationView>.Conflict($"The record is {r.Status.ToString().ToLowerInvariant()}, not waiting for verification.");
            }

            // NSPI 6.2 Table 5: double verification by different staff members.
            if (r.EnteredBy == actor.Id)
            {
                return Outcome<RegistrationView>.Invalid("verifier", "The data must be verified by a different staff member from the one who entered it.");
            }

            r.Status = RegistrationStatus.Verified;
            r.VerifiedBy = actor.Id;
            r.VerifiedByName = name;
            r.VerifiedAt = clock.GetUtcNow();
            RegistrationRecords.Unassign(r);
            return null;
        });

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/verify", async (Guid id, HttpContext http, RegistrationRecords records, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, http.Actor(), records, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("VerifyRegistration")
            .WithSummary("Second verification of the entered data, by a different staff member");
}

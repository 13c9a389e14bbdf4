using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>The body of a reassignment: the staff account that takes the record over.</summary>
internal sealed record AssignRequest(string? UserName);

/// <summary>A supervisor (registrar) gives the record to another member of staff whose office covers it.</summary>
internal static class AssignRegistration
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        Guid id, string? userName, Actor actor, RegistrationRecords records, StaffDirectory staff, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.Registrar))
        {
            return Outcome<RegistrationView>.Invalid("userName", "Only a registrar (supervisor) can reassign a record.");
        }

        if (string.IsNullOrWhiteSpace(userName))
        {
            return Outcome<RegistrationView>.Invalid("userName", "Name the staff account to assign the record to.");
        }

        var member = await staff.FindByUserNameAsync(userName, ct);
        var record = await records.FindAsync(id, actor, track: false, ct);
        if (record is null)
        {
            return Outcome<RegistrationView>.NotFound(RegistrationRecords.NotFoundMessage);
        }

        if (member is null || !new Jurisdiction(member.AreaCode).Covers(record.OfficeCode) ||
            !member.Roles.Any(r => r is Roles.Agent or Roles.Registrar))
        {
            return Outcome<RegistrationView>.Invalid("userName", "No agent or registrar with this user name works in this record's area.");
        }

        return await records.ActAsync(id, actor, "assigned", ct, (r, _) =>
        {
            r.AssignedTo = member.Id;
            r.AssignedToName = member.DisplayName;
            r.AssignedAt = clock.GetUtcNow();
            return null;
        }, note: member.DisplayName, supervisor: true);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/assign", async (Guid id, AssignRequest request, HttpContext http, RegistrationRecords records, StaffDirectory staff, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request.UserName, http.Actor(), records, staff, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("AssignRegistration")
            .WithSummary("A registrar reassigns the record to another member of staff");
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>The body of a rejection: the legal reasons.</summary>
public sealed record RejectRequest(string? Reasons);

/// <summary>The body of a reassignment: the staff account that takes the record over.</summary>
public sealed record AssignRequest(string? UserName);

internal static class RegistrationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/registrations/births", async (BirthApplication application, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.EnterBirthAsync(application, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterBirth")
            .WithSummary("Enter a birth registration application")
            .WithDescription("The agent of the registering office enters the dossier. Give a client-generated id so that a retried request creates the application once.");

        group.MapPost("/registrations/deaths", async (DeathApplication application, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.EnterDeathAsync(application, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterDeath")
            .WithSummary("Enter a death registration application, with the medical certificate of cause of death");

        group.MapGet("/registrations/{id:guid}", async (Guid id, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.GetAsync(id, http.StatedPurpose(), http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("GetRegistration")
            .WithSummary("A registration with its dossier, annexes, certificates and corrections")
            .WithDescription("Requires the X-Purpose header, which is recorded in the audit log (400 naming the field purpose without it).");

        group.MapGet("/registrations/{id:guid}/history", async (Guid id, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.HistoryAsync(id, http.StatedPurpose(), http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("GetRegistrationHistory")
            .WithSummary("Every action on the registration, in order")
            .WithDescription("Requires the X-Purpose header, which is recorded in the audit log.");

        group.MapPost("/registrations/{id:guid}/claim", async (Guid id, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.ClaimAsync(id, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ClaimRegistration")
            .WithSummary("Take the record to work on it (one person at a time)");

        group.MapPost("/registrations/{id:guid}/release", async (Guid id, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.ReleaseAsync(id, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ReleaseRegistration")
            .WithSummary("Give the record back to the queue");

        group.MapPost("/registrations/{id:guid}/assign", async (Guid id, AssignRequest request, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.AssignAsync(id, request.UserName, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("AssignRegistration")
            .WithSummary("A registrar reassigns the record to another member of staff");

        group.MapPost("/registrations/{id:guid}/verify", async (Guid id, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.VerifyAsync(id, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("VerifyRegistration")
            .WithSummary("Second verification of the entered data, by a different staff member");

        group.MapPost("/registrations/{id:guid}/approve", async (Guid id, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.ApproveAsync(id, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ApproveRegistration")
            .WithSummary("A registrar approves: the registration gets its number; a birth gets the child's KIDC, a death is recorded in the Population Registry");

        group.MapPost("/registrations/{id:guid}/reject", async (Guid id, RejectRequest request, HttpContext http, RegistrationService service, CancellationToken ct) =>
                (await service.RejectAsync(id, request.Reasons, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("RejectRegistration")
            .WithSummary("A registrar rejects the application, recording the legal reasons");
    }
}

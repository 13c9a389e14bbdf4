using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>The body of a rejection: the legal reasons.</summary>
internal sealed record RejectRequest(string? Reasons);

/// <summary>The registrar rejects the application, recording the legal reasons (NSPI 5.3); the decision can be printed.</summary>
internal static class RejectRegistration
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        Guid id, string? reasons, Actor actor, CivilDbContext db, RegistrationRecords records, Approvals approvals, TimeProvider clock, CancellationToken ct)
    {
        var text = Fields.Trimmed(reasons);
        if (text is null)
        {
            return Outcome<RegistrationView>.Invalid("reasons", "State the legal reasons for the rejection.");
        }

        if (text.Length > 2000 || text.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
        {
            return Outcome<RegistrationView>.Invalid("reasons", "The reasons must be at most 2,000 characters of text.");
        }

        text = KhmerText.ContainsKhmer(text) ? KhmerText.Normalize(text) : text;
        var wasVerified = false;
        var rejected = await records.ActAsync(id, actor, "rejected", ct, (r, name) =>
        {
            wasVerified = r.Status == RegistrationStatus.Verified;
            if (r.Status is RegistrationStatus.Approved or RegistrationStatus.Rejected)
            {
                return Outcome<RegistrationView>.Conflict($"The record is already {r.Status.ToString().ToLowerInvariant()}.");
            }

            if (!actor.IsInRole(Roles.Registrar))
            {
                return Outcome<RegistrationView>.Invalid("reasons", "Only a registrar can reject a registration.");
            }

            r.Status = RegistrationStatus.Rejected;
            r.RejectionReasons = text;
            r.DecidedBy = actor.Id;
            r.DecidedByName = name;
            r.DecidedAt = clock.GetUtcNow();
            RegistrationRecords.Unassign(r);
            return null;
        }, note: text);

        // A record rejected after (part of) an approval reached the registry must leave nothing
        // there: the child is voided, the death reverted. An intent stays set on the record so that
        // the recovery pass does it again once any approval still in flight has finished.
        if (rejected.IsOk && wasVerified)
        {
            var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            await approvals.UndoInRegistryAsync(r, actor, "registration rejected", CancellationToken.None);
        }

        return rejected;
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/reject", async (Guid id, RejectRequest request, HttpContext http, CivilDbContext db, RegistrationRecords records,
                Approvals approvals, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request.Reasons, http.Actor(), db, records, approvals, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("RejectRegistration")
            .WithSummary("A registrar rejects the application, recording the legal reasons");
}

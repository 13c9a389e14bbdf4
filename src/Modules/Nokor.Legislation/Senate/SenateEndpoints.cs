using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Nokor.Legislation.Senate;

internal static class SenateEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/senators", async (NewSenatorRequest request, SenateDirectory senate, CancellationToken ct) =>
                (await senate.AddSenatorAsync(request, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("AddSenator")
            .WithSummary("Register a senator with a mandate in a legislature (and link their staff account)");

        group.MapPost("/senators/{id:guid}/end", async (Guid id, EndMandateRequest request, SenateDirectory senate, CancellationToken ct) =>
                (await senate.EndMandateAsync(id, request, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("EndMandate")
            .WithSummary("End a senator's mandate early (and their seats on bodies), with the reason");

        group.MapPost("/bodies/{code}/members", async (string code, MembershipRequest request, SenateDirectory senate, CancellationToken ct) =>
                (await senate.AddMemberAsync(code, request, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("AddBodyMember")
            .WithSummary("A senator joins the Permanent Committee or a commission, as chair, vice-chair, secretary or member");
    }
}

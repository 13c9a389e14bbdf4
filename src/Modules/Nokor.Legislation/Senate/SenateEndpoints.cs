using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Senate;

internal static class SenateEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/senators", async (NewSenatorRequest request, HttpContext http, SenateDirectory senate, CancellationToken ct) =>
                (await senate.AddSenatorAsync(request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("AddSenator")
            .WithSummary("Register a senator with a mandate in a legislature (and link their staff account)");

        group.MapPost("/senators/{id:guid}/end", async (Guid id, EndMandateRequest request, HttpContext http, SenateDirectory senate, CancellationToken ct) =>
                (await senate.EndMandateAsync(id, request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("EndMandate")
            .WithSummary("End a senator's mandate early (and their seats on bodies), with the reason");

        group.MapPost("/bodies/{code}/members", async (string code, MembershipRequest request, HttpContext http, SenateDirectory senate, CancellationToken ct) =>
                (await senate.AddMemberAsync(code, request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("AddBodyMember")
            .WithSummary("A senator joins the Permanent Committee or a commission, as chair, vice-chair, secretary or member");

        group.MapPost("/bodies/{code}/members/end", async (string code, EndMembershipRequest request, HttpContext http, SenateDirectory senate, CancellationToken ct) =>
                (await senate.EndMembershipAsync(code, request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("EndBodyMembership")
            .WithSummary("A senator leaves the Permanent Committee or a commission (or its chair) after the given day");
    }

    /// <summary>The senators and bodies on the public face, without login.</summary>
    public static void MapPublic(RouteGroupBuilder group)
    {
        group.MapGet("/senators", async (SenateDirectory senate, CancellationToken ct) => TypedResults.Ok(await senate.SenatorsAsync(ct)))
            .WithName("PublicListSenators")
            .WithSummary("The senators of the current legislature, with their seat and bodies");

        group.MapGet("/bodies", async (SenateDirectory senate, CancellationToken ct) => TypedResults.Ok(await senate.BodiesAsync(ct)))
            .WithName("PublicListBodies")
            .WithSummary("The Permanent Committee and the commissions, with their members");
    }
}

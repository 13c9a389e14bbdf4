using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Bills;

/// <summary>
/// A bill with its stages, documents and versions: in full for the Senate, and as its public
/// record (the acting bodies, not the staff who typed it in; no documents) for everyone.
/// </summary>
internal static class GetBill
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/bills/{id:guid}", async Task<Results<Ok<BillView>, NotFound>> (Guid id, BillRecords records, CancellationToken ct) =>
                await records.GetAsync(id, ct) is { } bill ? TypedResults.Ok(bill) : TypedResults.NotFound())
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("GetBill")
            .WithSummary("A bill with its stages, documents and versions");

    public static void MapPublic(RouteGroupBuilder publicGroup) =>
        publicGroup.MapGet("/bills/{year:int}/{sequence:int}", async Task<Results<Ok<BillView>, NotFound>> (int year, int sequence, BillRecords records, CancellationToken ct) =>
                await records.GetByNumberAsync($"{year:D4}/{sequence:D4}", ct) is { } bill ? TypedResults.Ok(Public(bill)) : TypedResults.NotFound())
            .WithName("PublicGetBill")
            .WithSummary("A bill's public record: stages (dated, with the acting body), decision, versions");

    /// <summary>The public record names the acting body, not the member of staff who typed it in.</summary>
    private static BillView Public(BillView bill) => bill with
    {
        Events = bill.Events.Select(e => e with { ActorName = e.Body?.NameEn ?? "Secretariat General of the Senate", Documents = [] }).ToList(),
        Documents = [],
    };
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Bills;

/// <summary>Bills with their stage and the days left in their review period, for the Senate and for the public.</summary>
internal static class ListBills
{
    /// <summary>Bills, newest first; <paramref name="open"/> keeps those still under review.</summary>
    public static async Task<IReadOnlyList<BillSummary>> HandleAsync(bool open, BillStage? stage, int page, int size, LegislationDbContext db, BillRecords records, CancellationToken ct)
    {
        var query = db.Bills.AsNoTracking();
        if (open)
        {
            // Stages are stored by name: compare with the list, never with < (that would be alphabetical).
            query = query.Where(b => BillProcedure.UnderReview.Contains(b.Stage));
        }

        if (stage is { } s)
        {
            query = query.Where(b => b.Stage == s);
        }

        var bills = await query.OrderByDescending(b => b.ReceivedOn).ThenByDescending(b => b.Number)
            .Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync(ct);
        var bodies = await records.BodiesAsync(bills.Select(b => b.CommissionId), ct);
        var today = records.Today;
        return bills.Select(b => new BillSummary(b.Id, b.Number, b.WorkUri, b.TitleKm, b.TitleEn, ReviewDeadlines.ProcedureOf(b.IsUrgent, b.IsBudget),
            b.ReceivedOn, b.Round, b.Stage, b.Decision, records.Deadline(b, today), b.CommissionId is { } c ? bodies.GetValueOrDefault(c) : null)).ToList();
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/bills", async (bool? open, BillStage? stage, int? page, LegislationDbContext db, BillRecords records, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(open ?? false, stage, page ?? 1, 50, db, records, ct)))
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("ListBills")
            .WithSummary("Bills, newest first, with their stage and the days left in their review period");

    /// <summary>The same list on the public face, without login.</summary>
    public static void MapPublic(RouteGroupBuilder publicGroup) =>
        publicGroup.MapGet("/bills", async (bool? open, BillStage? stage, int? page, LegislationDbContext db, BillRecords records, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(open ?? false, stage, page ?? 1, 50, db, records, ct)))
            .WithName("PublicListBills")
            .WithSummary("Bills with their stage, review deadline and days left");
}

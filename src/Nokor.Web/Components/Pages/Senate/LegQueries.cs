using Nokor.Legislation.Bills;
using Nokor.Legislation.Contracts;

namespace Nokor.Web.Components.Pages.Senate;

/// <summary>Look-ups the E-Senate pages share.</summary>
internal static class LegQueries
{
    /// <summary>
    /// The bills still under review (before the Senate's decision), newest first. Asked stage by
    /// stage: the stage is stored as text, so an "earlier than Decision" filter in the database
    /// would compare names, not the order of the procedure.
    /// </summary>
    public static async Task<IReadOnlyList<BillSummary>> UnderReviewAsync(BillService bills, CancellationToken ct)
    {
        var all = new List<BillSummary>();
        foreach (var stage in Enum.GetValues<BillStage>().Where(BillProcedure.IsUnderReview))
        {
            all.AddRange(await bills.ListAsync(open: false, stage, 1, 1000, ct));
        }

        return all.OrderByDescending(b => b.ReceivedOn).ThenByDescending(b => b.Number, StringComparer.Ordinal).ToList();
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Texts;

/// <summary>Compares two versions of a text article by article ("what the Senate changed"); a bill may be compared with the law it became.</summary>
internal static class CompareTexts
{
    public static async Task<Outcome<TextComparison>> HandleAsync(string fromUri, string toUri, LegislationDbContext db, LegalTexts texts, CancellationToken ct)
    {
        var from = await texts.ResolveAsync(fromUri, null, null, ct);
        var to = await texts.ResolveAsync(toUri, null, null, ct);
        if (from is null || to is null)
        {
            return Outcome<TextComparison>.NotFound(from is null ? $"No text {fromUri}." : $"No text {toUri}.");
        }

        if (from.WorkUri != to.WorkUri && from.BillId is null)
        {
            // Comparing a bill with the law it became is allowed; two unrelated laws are not.
            var fromAct = from.ActId is { } f ? await db.Acts.AsNoTracking().Where(a => a.Id == f).Select(a => a.BillId).FirstOrDefaultAsync(ct) : null;
            if (fromAct is null || fromAct != to.BillId)
            {
                return Outcome<TextComparison>.Invalid("to", "Compare two versions of the same text.");
            }
        }

        try
        {
            return Outcome<TextComparison>.Ok(TextComparer.Compare(TextStore.Load(from), TextStore.Load(to)));
        }
        catch (UnreadableTextException e)
        {
            return Outcome<TextComparison>.Conflict($"{e.ExpressionUri} is held but does not read back; the Secretariat of the Senate has to correct it.");
        }
    }

    public static void MapPublic(RouteGroupBuilder publicGroup) =>
        publicGroup.MapGet("/compare", async (string from, string to, LegislationDbContext db, LegalTexts texts, CancellationToken ct) =>
                (await HandleAsync(from, to, db, texts, ct)).ToHttp())
            .WithName("PublicCompareTexts")
            .WithSummary("Compare two versions of a text article by article (?from=&to= expression URIs)");
}

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

/// <summary>A law with its point-in-time versions and the amendments that made them.</summary>
internal static class GetAct
{
    public static void MapPublic(RouteGroupBuilder publicGroup) =>
        publicGroup.MapGet("/act", async Task<Results<Ok<ActView>, NotFound>> (string work, LegalTexts texts, CancellationToken ct) =>
                await texts.GetActAsync(work, ct) is { } act ? TypedResults.Ok(act) : TypedResults.NotFound())
            .WithName("PublicGetAct")
            .WithSummary("A law (?work=FRBR work URI) with its point-in-time versions and the amendments that made them");
}

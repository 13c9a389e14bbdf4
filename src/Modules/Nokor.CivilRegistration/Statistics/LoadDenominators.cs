using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// Loads the denominators of rates and completeness (population estimates or expected crude rates)
/// from the statistics unit's CSV file; <see cref="DenominatorLoader"/> reads and checks the file.
/// </summary>
internal static class LoadDenominators
{
    public static Task<Outcome<DenominatorsLoaded>> HandleAsync(string csv, DenominatorLoader loader, CancellationToken ct) =>
        loader.LoadAsync(csv, ct);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/statistics/denominators", async (HttpRequest request, DenominatorLoader loader, CancellationToken ct) =>
            {
                if (request.ContentLength is > 16 * 1024 * 1024)
                {
                    return Problems.Invalid(new Dictionary<string, string[]> { ["file"] = ["The file is larger than 16 MiB."] });
                }

                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                return (await HandleAsync(await reader.ReadToEndAsync(ct), loader, ct)).ToHttp().Result;
            })
            .RequireAuthorization(CivilPolicies.Publish)
            .Accepts<string>("text/csv")
            .WithName("LoadDenominators")
            .WithSummary("Load population estimates or expected crude rates from CSV (replaces the years and areas the file names)");
}

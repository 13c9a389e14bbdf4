using System.Globalization;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Web.Localization;

namespace Nokor.Web.Components.Pages.Statistics;

/// <summary>The query of the staff statistics pages (year, basis, area) as the GET form sends it.</summary>
internal static class StatisticsQuery
{
    /// <summary>
    /// Runs the query for the actor. No area means the actor's own area (the nation for national
    /// offices), so that a commune registrar lands on the commune; a year that is not a number is
    /// refused on its field like the service's own checks.
    /// </summary>
    public static async Task<Outcome<StatisticsSet>> RunAsync(IVitalStatistics statistics, string? year, string? basis, string? area, Actor actor, CancellationToken ct)
    {
        int? y = null;
        if (!string.IsNullOrEmpty(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Outcome<StatisticsSet>.Invalid("year", UiText.IsKhmer ? UiText.T("vst.msg.year-number") : "The year is a number, such as 2025.");
            }

            y = parsed;
        }

        var a = string.IsNullOrEmpty(area) ? actor.Jurisdiction.AreaCode ?? "" : area;
        return await statistics.GetAsync(y, basis, a, actor, ct);
    }

    /// <summary>A link that keeps the set's year, basis and area.</summary>
    public static string Link(string path, StatisticsSet set) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}?year={set.Year}&basis={set.Basis}&area={Uri.EscapeDataString(set.AreaCode)}");
}

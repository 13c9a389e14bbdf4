using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Spreadsheets;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>What the statistics endpoints share: the public group, the year as typed in a query, and a table as a download.</summary>
internal static class StatisticsDownloads
{
    /// <summary>The public face (NSPI 5.2.7 d): only published, protected tables, without login.</summary>
    public static RouteGroupBuilder PublicGroup(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/public/statistics").WithTags("Vital statistics (public)").AllowAnonymous();

    /// <summary>The year as typed: a number, or nothing for this year; anything else is a field error rather than a binding failure.</summary>
    public static IResult? Year(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
        {
            year = y;
            return null;
        }

        return Problems.Invalid(new Dictionary<string, string[]> { ["year"] = ["The year is a number such as 2025."] });
    }

    public static IResult Download(StatisticsSet set, string name, string? format, string? lang, bool data = false)
    {
        if (set.Table(name) is not { } table)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Type = Problems.NotFound, Title = "No such table.", Status = StatusCodes.Status404NotFound,
                Detail = $"The tables are: {string.Join(", ", VitalStatisticsTables.AllNames)}.",
            });
        }

        var khmer = lang is not "en";
        var file = $"nokor-{table.Name}-{set.Year}{(set.AreaCode.Length == 0 ? "" : "-" + set.AreaCode)}";
        return format switch
        {
            null or "" or "json" => TypedResults.Ok(table),
            "csv" when data => Results.File(CsvTableWriter.ToBytes(StatExport.Data(table), CsvLayout.Data), CsvTableWriter.ContentType, file + ".csv"),
            "csv" or "report-csv" => Results.File(CsvTableWriter.ToBytes(StatExport.Sheet(table, set, khmer)), CsvTableWriter.ContentType, file + ".csv"),
            "xlsx" => Results.File(XlsxWriter.ToBytes([StatExport.Sheet(table, set, khmer)], new XlsxOptions { Title = table.Title.In(khmer), Creator = "Nokor" }),
                XlsxWriter.ContentType, file + ".xlsx"),
            _ => Problems.Invalid(new Dictionary<string, string[]> { ["format"] = ["The format is json, csv or xlsx."] }),
        };
    }
}

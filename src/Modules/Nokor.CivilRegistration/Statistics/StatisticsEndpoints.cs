using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Spreadsheets;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Statistics;

internal static class StatisticsEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/statistics", async (string? year, string? basis, string? area, HttpContext http, StatisticsService service, CancellationToken ct) =>
                Year(year, out var y) is { } bad ? bad : (await service.ForStaffAsync(y, basis, area, http.Actor(), ct)).ToHttp().Result)
            .RequireAuthorization(CivilPolicies.Statistics)
            .WithName("VitalStatistics")
            .WithSummary("Every table of the tabulation plan, rates, completeness and timeliness for a year and an area (exact figures)");

        group.MapGet("/statistics/tables/{name}", async (string name, string? year, string? basis, string? area, string? format, string? lang,
                HttpContext http, StatisticsService service, CancellationToken ct) =>
            {
                if (Year(year, out var y) is { } bad)
                {
                    return bad;
                }

                var outcome = await service.ForStaffAsync(y, basis, area, http.Actor(), ct);
                return outcome.IsOk ? Download(outcome.Value!, name, format, lang) : outcome.ToHttp().Result;
            })
            .RequireAuthorization(CivilPolicies.Statistics)
            .WithName("VitalStatisticsTable")
            .WithSummary("One table as JSON, CSV or XLSX (format=json|csv|xlsx, lang=km|en)");

        group.MapPost("/statistics/publications/{year:int}", async (int year, HttpContext http, Publications publications, CancellationToken ct) =>
                (await publications.PublishAsync(year, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Publish)
            .WithName("PublishVitalStatistics")
            .WithSummary("Publish a year's protected tables (nation and provinces) for the public page and open data");

        group.MapPost("/statistics/denominators", async (HttpRequest request, DenominatorLoader loader, CancellationToken ct) =>
            {
                if (request.ContentLength is > 16 * 1024 * 1024)
                {
                    return Problems.Invalid(new Dictionary<string, string[]> { ["file"] = ["The file is larger than 16 MiB."] });
                }

                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                return (await loader.LoadAsync(await reader.ReadToEndAsync(ct), ct)).ToHttp().Result;
            })
            .RequireAuthorization(CivilPolicies.Publish)
            .Accepts<string>("text/csv")
            .WithName("LoadDenominators")
            .WithSummary("Load population estimates or expected crude rates from CSV (replaces the years and areas the file names)");

        group.MapGet("/statistics/service-report", async (string? period, string? date, string? area, HttpContext http, ServiceLevels service, CancellationToken ct) =>
                (await service.ReportAsync(period, date, area, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.ServiceReports)
            .WithName("ServiceLevelReport")
            .WithSummary("Service levels per office for a day, week or month against the targets; the offices that miss them first");

        group.MapGet("/statistics/service-targets", async (ServiceLevels service, CancellationToken ct) => TypedResults.Ok(await service.TargetsAsync(ct)))
            .RequireAuthorization(CivilPolicies.ServiceReports)
            .WithName("ServiceTargets")
            .WithSummary("The service-level targets per step");

        group.MapPut("/statistics/service-targets/{step}", async (string step, SetServiceTargetRequest request, HttpContext http, ServiceLevels service, CancellationToken ct) =>
                (await service.SetTargetAsync(step, request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.ServiceTargets)
            .WithName("SetServiceTarget")
            .WithSummary("Set a step's target: at most maxHours for compliancePercent of cases");
    }

    /// <summary>The public face (NSPI 5.2.7 d): only published, protected tables, without login.</summary>
    public static void MapPublic(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/public/statistics").WithTags("Vital statistics (public)").AllowAnonymous();
        group.MapGet("/", async (Publications publications, CancellationToken ct) =>
                TypedResults.Ok((await publications.YearsAsync(ct)).Select(p => new { year = p.Year, publishedAt = p.PublishedAt })))
            .WithName("PublishedStatisticsYears")
            .WithSummary("The years whose vital statistics are published");

        group.MapGet("/{year:int}", async (int year, string? area, string? basis, Publications publications, CancellationToken ct) =>
                await PublishedAsync(publications, year, area, basis, ct) is { } set ? Results.Ok(set) : NotPublished(year, area))
            .WithName("PublishedStatistics")
            .WithSummary("A published year's protected tables for the nation or a province (area=CODE), by occurrence or registration");

        group.MapGet("/{year:int}/{name}", async (int year, string name, string? area, string? basis, string? format, string? lang, Publications publications, CancellationToken ct) =>
                await PublishedAsync(publications, year, area, basis, ct) is { } set ? Download(set, name, format ?? "csv", lang, data: format is null or "csv") : NotPublished(year, area))
            .WithName("PublishedStatisticsTable")
            .WithSummary("One published table: open data as CSV (keys, one header line) by default, or format=json|xlsx|report-csv");
    }

    /// <summary>The year as typed: a number, or nothing for this year; anything else is a field error rather than a binding failure.</summary>
    private static IResult? Year(string? text, out int? year)
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

    private static async Task<StatisticsSet?> PublishedAsync(Publications publications, int year, string? area, string? basis, CancellationToken ct)
    {
        var b = basis is { Length: > 0 } && Enum.TryParse<TabulationBasis>(basis, true, out var parsed) ? parsed : TabulationBasis.Occurrence;
        return (await publications.GetAsync(year, ct))?.Set(area?.Trim() ?? "", b);
    }

    private static IResult NotPublished(int year, string? area) => TypedResults.NotFound(new ProblemDetails
    {
        Type = Problems.NotFound, Title = "Not published.", Status = StatusCodes.Status404NotFound,
        Detail = $"No published vital statistics for {year}{(string.IsNullOrEmpty(area) ? "" : $" and area {area}")} (the nation and provinces are published).",
    });

    private static IResult Download(StatisticsSet set, string name, string? format, string? lang, bool data = false)
    {
        if (set.Table(name) is not { } table)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Type = Problems.NotFound, Title = "No such table.", Status = StatusCodes.Status404NotFound,
                Detail = $"The tables are: {string.Join(", ", StatisticsService.AllNames)}.",
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

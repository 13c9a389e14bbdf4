using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Errors;

namespace Nokor.Platform.Gazetteer;

/// <summary>One unit of the gazetteer as the API returns it.</summary>
public sealed record GazetteerUnitDto(
    string Code,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AdminLevel>))] AdminLevel Level,
    string? ParentCode,
    string NameKm,
    string NameLatin,
    string? TypeKm,
    string? TypeLatin)
{
    public static GazetteerUnitDto From(GazetteerUnit u) =>
        new(u.Code, u.Level, u.ParentCode, u.NameKm, u.NameLatin, u.TypeKm, u.TypeLatin);
}

/// <summary>
/// The public gazetteer API under <c>/api/gazetteer</c>. The NCDD gazetteer is open data (ODbL),
/// so these endpoints allow anonymous access; they expose no personal data.
/// </summary>
public static class GazetteerEndpoints
{
    public const int DefaultSearchLimit = 20;
    public const int MaxSearchLimit = 100;

    public static IEndpointRouteBuilder MapGazetteerApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/gazetteer")
            .WithTags("Gazetteer")
            .AllowAnonymous();

        group.MapGet("/provinces", GetProvincesAsync)
            .WithName("GetGazetteerProvinces")
            .WithSummary("Lists the 25 provinces and the capital, by code.");
        group.MapGet("/units/{code}", GetUnitAsync)
            .WithName("GetGazetteerUnit")
            .WithSummary("Gets one province, district, commune or village by its 2, 4, 6 or 8-digit code.");
        group.MapGet("/units/{code}/children", GetChildrenAsync)
            .WithName("GetGazetteerChildren")
            .WithSummary("Lists the units directly under a unit (the districts of a province, the villages of a commune, ...).");
        group.MapGet("/search", SearchAsync)
            .WithName("SearchGazetteer")
            .WithSummary("Finds units by Khmer or Latin name, optionally at one level (province, district, commune, village).");

        return endpoints;
    }

    public static async Task<Ok<GazetteerUnitDto[]>> GetProvincesAsync(GazetteerService gazetteer, CancellationToken ct)
    {
        var provinces = await gazetteer.ChildrenAsync(null, ct);
        return TypedResults.Ok(provinces.Select(GazetteerUnitDto.From).ToArray());
    }

    public static async Task<Results<Ok<GazetteerUnitDto>, NotFound<ProblemDetails>, ValidationProblem>> GetUnitAsync(
        string code, GazetteerService gazetteer, CancellationToken ct)
    {
        if (!GazetteerService.IsWellFormedCode(code))
        {
            return InvalidCode();
        }

        var unit = await gazetteer.GetAsync(code, ct);
        return unit is null ? UnknownCode(code) : TypedResults.Ok(GazetteerUnitDto.From(unit));
    }

    public static async Task<Results<Ok<GazetteerUnitDto[]>, NotFound<ProblemDetails>, ValidationProblem>> GetChildrenAsync(
        string code, GazetteerService gazetteer, CancellationToken ct)
    {
        if (!GazetteerService.IsWellFormedCode(code))
        {
            return InvalidCode();
        }

        if (await gazetteer.GetAsync(code, ct) is null)
        {
            return UnknownCode(code);
        }

        var children = await gazetteer.ChildrenAsync(code, ct);
        return TypedResults.Ok(children.Select(GazetteerUnitDto.From).ToArray());
    }

    public static async Task<Results<Ok<GazetteerUnitDto[]>, ValidationProblem>> SearchAsync(
        string? q, string? level, int? limit, GazetteerService gazetteer, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(q))
        {
            errors.Add("q", "Give the text to search for.");
        }

        AdminLevel? parsedLevel = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (Enum.TryParse<AdminLevel>(level, ignoreCase: true, out var l) && Enum.IsDefined(l) && !char.IsDigit(level.Trim()[0]))
            {
                parsedLevel = l;
            }
            else
            {
                errors.Add("level", "Level must be province, district, commune or village.");
            }
        }

        var take = limit ?? DefaultSearchLimit;
        if (take is < 1 or > MaxSearchLimit)
        {
            errors.Add("limit", $"Limit must be between 1 and {MaxSearchLimit}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var found = await gazetteer.SearchAsync(q!, parsedLevel, take, ct);
        return TypedResults.Ok(found.Select(GazetteerUnitDto.From).ToArray());
    }

    private static ValidationProblem InvalidCode() =>
        Problems.Invalid("code", "A gazetteer code has 2 (province), 4 (district), 6 (commune) or 8 (village) digits.");

    private static NotFound<ProblemDetails> UnknownCode(string code) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Type = Problems.NotFound,
            Title = "No such gazetteer unit.",
            Status = StatusCodes.Status404NotFound,
            Detail = $"The gazetteer has no unit with code {code}.",
        });
}

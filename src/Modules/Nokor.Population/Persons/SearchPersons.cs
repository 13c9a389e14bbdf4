using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Search;
using Nokor.Platform.Names;

namespace Nokor.Population.Persons;

/// <summary>
/// Finds people by KIDC, or by a name as clerks type it (issue 16): in Khmer or Latin script, in
/// either order, in another romanization of the same Khmer name, with a typing error, or in the
/// other script than the one the record was written in. Results are ranked exact, variant, other
/// script, typo; within a level by the closeness of the birth date given or typed, then the
/// caller's area; each row says why it matched. The matching is the platform's one name engine
/// (<see cref="Nokor.Platform.Names"/>) over the in-memory <see cref="PersonNameIndex"/>. Only
/// people inside the caller's area are found, and the search and its results are audited.
/// </summary>
internal static class SearchPersons
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 200;
    public const int MaxYearTolerance = 10;

    public static async Task<Outcome<PersonSearchResult>> HandleAsync(
        PersonSearchRequest request, Actor actor, PopulationDbContext db, PersonNameIndexFeed names, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = request.Query?.Trim();
        NameQuery? name = null;
        if (string.IsNullOrEmpty(query))
        {
            errors.Add("q", "Give a KIDC or a name to search for.");
        }
        else if (query.Length > MaxQueryLength || query.Any(char.IsControl))
        {
            errors.Add("q", $"The search text must be at most {MaxQueryLength} characters of plain text.");
        }
        else if (KhmerText.ContainsKhmer(query) && !KhmerText.TryValidate(KhmerText.Normalize(query), out var problem))
        {
            errors.Add("q", problem);
        }
        else if (!IsKidc(query))
        {
            name = NameQuery.Parse(query);
            if (name is null)
            {
                errors.Add("q", "Give a name with letters, or a KIDC.");
            }
            else if (name.Words.Count > NameQuery.MaxWords)
            {
                errors.Add("q", $"Give a name of at most {NameQuery.MaxWords} words.");
            }
        }

        PartialDate? born = null;
        if (!string.IsNullOrWhiteSpace(request.BirthDate))
        {
            if (PartialDate.TryParse(request.BirthDate, out var parsed)) born = parsed;
            else errors.Add("birthDate", "Give the date of birth as yyyy-MM-dd, yyyy-MM or yyyy.");
        }

        var tolerance = request.YearTolerance ?? 0;
        if (tolerance is < 0 or > MaxYearTolerance)
        {
            errors.Add("yearTolerance", $"The year tolerance must be between 0 and {MaxYearTolerance}.");
        }
        else if (request.YearTolerance is not null && born is null)
        {
            errors.Add("yearTolerance", "Give a birthDate for the year tolerance to apply to.");
        }

        Sex? sex = null;
        if (!string.IsNullOrWhiteSpace(request.Sex))
        {
            if (Enum.TryParse<Sex>(request.Sex.Trim(), ignoreCase: true, out var parsedSex) && Enum.IsDefined(parsedSex) && !char.IsDigit(request.Sex.Trim()[0]))
                sex = parsedSex;
            else errors.Add("sex", "Give the sex as Male or Female.");
        }

        var place = string.IsNullOrWhiteSpace(request.PlaceCode) ? null : request.PlaceCode.Trim();
        if (place is not null && (place.Length is not (2 or 4 or 6 or 8) || !place.All(char.IsAsciiDigit)))
        {
            errors.Add("placeCode", "Give a gazetteer code of 2, 4, 6 or 8 digits.");
        }

        var take = request.Limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"The limit must be between 1 and {MaxLimit}.");
        }

        var purpose = ChangeRequest.Purpose(request.Purpose, errors);
        if (errors.Any)
        {
            return Outcome<PersonSearchResult>.Invalid(errors);
        }

        var area = actor.Jurisdiction.AreaCode;
        PersonSearchResult result;
        if (name is null)
        {
            if (!KidcRule.IsValid(query!))
            {
                return Outcome<PersonSearchResult>.Invalid("q", ChangeRequest.InvalidKidc);
            }

            result = await ByKidcAsync(query!, born, tolerance, sex, place, area, db, ct);
        }
        else
        {
            var filter = new PersonNameIndex.NameFilter
            {
                YearFrom = born?.Year - tolerance,
                YearTo = born?.Year + tolerance,
                Sex = sex,
                Place = place,
                Jurisdiction = area,
                Born = born ?? name.Born,
                Area = area,
            };
            var index = await names.CurrentAsync(db, ct);
            var (hits, matched) = index.Search(name, filter, take);
            result = await ReadBackAsync(index, hits, take, matched > take, area, db, ct);
        }

        await audit.AppendAsync(new AuditEvent(actor, "person.search", "person-search", result.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            purpose!, AuditDetails.Of(new { results = result.Items.Select(i => i.Kidc).ToList() })), ct);
        return Outcome<PersonSearchResult>.Ok(result);
    }

    private static bool IsKidc(string query) => query.Length == 10 && query.All(char.IsAsciiDigit);

    private static async Task<PersonSearchResult> ByKidcAsync(
        string kidc, PartialDate? born, int tolerance, Sex? sex, string? place, string? area, PopulationDbContext db, CancellationToken ct)
    {
        var persons = db.Persons.AsNoTracking().Where(p => p.Kidc == kidc);
        if (born is { } b)
        {
            persons = persons.Where(p => p.BirthYear >= b.Year - tolerance && p.BirthYear <= b.Year + tolerance);
        }

        if (sex is { } s)
        {
            persons = persons.Where(p => p.Sex == s);
        }

        if (place is not null)
        {
            persons = persons.Where(p => p.ResidenceVillageCode.StartsWith(place) ||
                                         (p.BirthPlaceCode != null && p.BirthPlaceCode.StartsWith(place)));
        }

        // NSPI 6.2 / DESIGN: staff act only inside their office's area; results outside it are not shown at all.
        if (area is not null)
        {
            persons = persons.Where(p => p.ResidenceVillageCode.StartsWith(area));
        }

        var found = await persons.ToListAsync(ct);
        return new PersonSearchResult(found.Select(p => PersonRecords.ToSummary(p) with { Match = new PersonSearchMatch("exact", 0, false) }).ToList(), false);
    }

    /// <summary>
    /// Reads the ranked rows back from the database, which stays the authority: a person voided or
    /// moved out of the caller's area since the index last caught up is not shown.
    /// </summary>
    private static async Task<PersonSearchResult> ReadBackAsync(
        PersonNameIndex index, List<NameHit> hits, int take, bool more, string? area, PopulationDbContext db, CancellationToken ct)
    {
        var page = hits.Take(take).Select(h => (Hit: h, Id: index.IdOf(h.Row))).ToList();
        var ids = page.Select(p => p.Id).ToList();
        var persons = db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id) && string.Compare(p.Kidc, PersonMatch.VoidedPrefix) < 0);
        if (area is not null)
        {
            persons = persons.Where(p => p.ResidenceVillageCode.StartsWith(area));
        }

        var byId = (await persons.ToListAsync(ct)).ToDictionary(p => p.Id);
        var items = new List<PersonSummary>(page.Count);
        foreach (var (hit, id) in page)
        {
            if (byId.TryGetValue(id, out var p))
            {
                items.Add(PersonRecords.ToSummary(p) with { Match = new PersonSearchMatch(KindName(hit), hit.Edits, hit.WordOrder) });
            }
        }

        return new PersonSearchResult(items, more || hits.Count > take);
    }

    private static string KindName(NameHit hit) => hit.Kind switch
    {
        NameMatchKind.Exact => "exact",
        NameMatchKind.Variant => "variant",
        NameMatchKind.OtherScript => "other-script",
        _ => "typo",
    };

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/persons", async (string? q, string? birthDate, int? yearTolerance, string? sex, string? placeCode, int? limit, HttpContext http,
                PopulationDbContext db, PersonNameIndexFeed names, IAuditLog audit, CancellationToken ct) =>
                (await HandleAsync(new PersonSearchRequest
                {
                    Query = q, BirthDate = birthDate, YearTolerance = yearTolerance, Sex = sex, PlaceCode = placeCode, Limit = limit,
                    Purpose = http.StatedPurpose(),
                }, http.Actor(), db, names, audit, ct)).ToHttp())
            .RequireAuthorization(PopulationPolicies.Read)
            .WithName("SearchPersons")
            .WithSummary("Search people by KIDC or name as clerks type it, with date of birth, sex and place")
            .WithDescription("q is a KIDC or a name in Khmer or Latin script, in either order, tolerant of romanization variants, of one typing error (two in long names) and of the script (a Latin query finds a name recorded in Khmer); a year or date typed in q ranks closer births first. birthDate (yyyy, yyyy-MM or yyyy-MM-dd) keeps people born that year ± yearTolerance (0-10) and ranks closer dates first; sex is Male or Female; placeCode is a gazetteer code of the residence or place of birth. Rows come best first: exact, variant, other-script, typo, each with match.kind, match.edits and match.wordOrder. Only people in the caller's area are returned. Requires X-Purpose.");
}

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

namespace Nokor.Population.Persons;

/// <summary>
/// Finds people by KIDC, or by a name in Khmer or Latin script with the date of birth and place.
/// Khmer names match whatever order their marks were typed in (the stored key is normalized);
/// Latin names match spelling variants through a phonetic key. A name matches in full or by its
/// beginning (the surname). Only people inside the caller's area are found.
/// </summary>
internal static class SearchPersons
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 200;

    public static async Task<Outcome<PersonSearchResult>> HandleAsync(
        string? q, string? birthDate, string? placeCode, int? limit, string? purposeText,
        Actor actor, PopulationDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = q?.Trim();
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

        PartialDate? born = null;
        if (!string.IsNullOrWhiteSpace(birthDate))
        {
            if (PartialDate.TryParse(birthDate, out var parsed)) born = parsed;
            else errors.Add("birthDate", "Give the date of birth as yyyy-MM-dd, yyyy-MM or yyyy.");
        }

        var place = string.IsNullOrWhiteSpace(placeCode) ? null : placeCode.Trim();
        if (place is not null && (place.Length is not (2 or 4 or 6 or 8) || !place.All(char.IsAsciiDigit)))
        {
            errors.Add("placeCode", "Give a gazetteer code of 2, 4, 6 or 8 digits.");
        }

        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"The limit must be between 1 and {MaxLimit}.");
        }

        var purpose = ChangeRequest.Purpose(purposeText, errors);
        if (errors.Any)
        {
            return Outcome<PersonSearchResult>.Invalid(errors);
        }

        // A voided record (its key starts with a letter, after every digit) is never a search result.
        var persons = db.Persons.AsNoTracking().Where(p => string.Compare(p.Kidc, PersonMatch.VoidedPrefix) < 0);
        var khmer = false;
        if (query!.Length == 10 && query.All(char.IsAsciiDigit))
        {
            if (!KidcRule.IsValid(query))
            {
                return Outcome<PersonSearchResult>.Invalid("q", ChangeRequest.InvalidKidc);
            }

            persons = persons.Where(p => p.Kidc == query);
        }
        else if (KhmerText.ContainsKhmer(query))
        {
            var key = NameKeys.KhmerKey(query);
            var end = key + '\uffff';
            khmer = true;
            persons = persons.Where(p => string.Compare(p.NameKmKey, key) >= 0 && string.Compare(p.NameKmKey, end) < 0);
        }
        else
        {
            var key = NameKeys.LatinKey(query);
            if (key.Length == 0)
            {
                return Outcome<PersonSearchResult>.Invalid("q", "Give a name with letters, or a KIDC.");
            }

            var end = key + '\uffff';
            persons = persons.Where(p => string.Compare(p.NameLatinKey, key) >= 0 && string.Compare(p.NameLatinKey, end) < 0);
        }

        if (born is { } b)
        {
            persons = persons.Where(p => p.BirthYear == b.Year);
            if (b.Month is { } m) persons = persons.Where(p => p.BirthMonth == null || p.BirthMonth == m);
            if (b.Day is { } d) persons = persons.Where(p => p.BirthDay == null || p.BirthDay == d);
        }

        if (place is not null)
        {
            persons = persons.Where(p => p.ResidenceVillageCode.StartsWith(place) ||
                                         (p.BirthPlaceCode != null && p.BirthPlaceCode.StartsWith(place)));
        }

        // NSPI 6.2 / DESIGN: staff act only inside their office's area; results outside it are not shown at all.
        if (actor.Jurisdiction.AreaCode is { } area)
        {
            persons = persons.Where(p => p.ResidenceVillageCode.StartsWith(area));
        }

        // Ordered by the key the index holds, so a prefix search reads only the first rows of the
        // range; an exact match sorts first because a key precedes every longer key it begins.
        var ordered = khmer ? persons.OrderBy(p => p.NameKmKey) : persons.OrderBy(p => p.NameLatinKey);
        var found = await ordered.ThenBy(p => p.BirthYear).ThenBy(p => p.Kidc)
            .Take(take + 1)
            .ToListAsync(ct);
        var items = found.Take(take).Select(PersonRecords.ToSummary).ToList();

        await audit.AppendAsync(new AuditEvent(actor, "person.search", "person-search", items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            purpose!, AuditDetails.Of(new { results = items.Select(i => i.Kidc).ToList() })), ct);
        return Outcome<PersonSearchResult>.Ok(new PersonSearchResult(items, found.Count > take));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/persons", async (string? q, string? birthDate, string? placeCode, int? limit, HttpContext http,
                PopulationDbContext db, IAuditLog audit, CancellationToken ct) =>
                (await HandleAsync(q, birthDate, placeCode, limit, http.StatedPurpose(), http.Actor(), db, audit, ct)).ToHttp())
            .RequireAuthorization(PopulationPolicies.Read)
            .WithName("SearchPersons")
            .WithSummary("Search people by KIDC or name, date of birth and place")
            .WithDescription("q is a KIDC or a name in Khmer or Latin script (full name or its beginning); birthDate is yyyy, yyyy-MM or yyyy-MM-dd; placeCode is a gazetteer code of the residence or place of birth. Only people in the caller's area are returned. Requires X-Purpose.");
}

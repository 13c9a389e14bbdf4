using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Ledger;

/// <summary>"Who looked at my data": the queries about one person, from the query ledger.</summary>
internal static class ReadPersonAccess
{
    /// <summary>The longest purpose a reader may state (header X-Purpose).</summary>
    public const int MaxPurposeLength = 200;

    /// <summary>The purpose recorded when the reader states none: the page and the API exist for it.</summary>
    public const string DefaultPersonAccessPurpose = "who looked at my data";

    /// <summary>The answer for a KIDC nobody holds and for a person outside the reader's area alike.</summary>
    public const string NotInAreaMessage = "No person with this KIDC in your area.";

    /// <summary>
    /// "Who looked at my data" for the API and the staff page alike: a malformed KIDC, count or
    /// purpose is refused without reading anything; a person the actor's area does not cover (the
    /// residence in the verification store) is "not found", exactly as a KIDC nobody holds, and
    /// nothing is audited; otherwise the reading, itself an access to the person's data, is audited
    /// under the staff member or the e-services system with its purpose before the history is read.
    /// </summary>
    public static async Task<Outcome<IReadOnlyList<PersonAccess>>> HandleAsync(
        string? kidc, int max, Actor actor, string? purpose, VerificationDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = QueryChecks.CheckKidc(kidc, errors);
        if (max is < 1 or > 1000)
        {
            errors.Add("max", "From 1 to 1000.");
        }

        purpose = string.IsNullOrWhiteSpace(purpose) ? DefaultPersonAccessPurpose : purpose.Trim();
        if (purpose.Length > MaxPurposeLength || purpose.Any(char.IsControl))
        {
            errors.Add("X-Purpose", $"The purpose is at most {MaxPurposeLength} characters, on one line.");
        }

        if (errors.Any)
        {
            return Outcome<IReadOnlyList<PersonAccess>>.Invalid(errors);
        }

        var residence = await db.Persons.AsNoTracking().Where(p => p.Kidc == code).Select(p => p.ResidenceVillageCode).FirstOrDefaultAsync(ct);
        if (residence is null || !actor.Jurisdiction.Covers(residence))
        {
            return Outcome<IReadOnlyList<PersonAccess>>.NotFound(NotInAreaMessage);
        }

        await audit.AppendAsync(new AuditEvent(actor, "verification.person-access.read", "person", code!, purpose), ct);
        return Outcome<IReadOnlyList<PersonAccess>>.Ok(await PersonAccessAsync(code!, max, db, ct));
    }

    /// <summary>
    /// The queries about one person, newest first: which institution, for what purpose, when. The
    /// ledger is written before each answer, so a query shows here at once (the issue asks within a
    /// minute). Unknown KIDCs have no person, so nothing to show.
    /// </summary>
    public static async Task<IReadOnlyList<PersonAccess>> PersonAccessAsync(string kidc, int max, VerificationDbContext db, CancellationToken ct)
    {
        var records = await db.QueryRecords.AsNoTracking()
            .Where(q => q.Kidc == kidc && q.Result != "unknown")
            .OrderByDescending(q => q.Sequence)
            .Take(max)
            .Select(q => new { q.AtUs, q.InstitutionId, q.Purpose, q.QueryType })
            .ToListAsync(ct);
        var ids = records.Select(r => r.InstitutionId).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return records.Select(r =>
        {
            var i = institutions.GetValueOrDefault(r.InstitutionId);
            return new PersonAccess(DateTimeOffset.UnixEpoch.AddTicks(r.AtUs * 10), i?.Code ?? "?", i?.Name ?? "?", i?.NameKm, r.Purpose, r.QueryType);
        }).ToList();
    }

    public static void Map(RouteGroupBuilder person) =>
        person.MapGet("/persons/{kidc}/queries", PersonQueriesAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Who looked at this person's data: institutions, purposes and times of their queries, newest first.")
            .WithDescription("For registrars whose office covers the person's residence, the data distribution unit and the citizen e-services system; " +
                "404 for a person outside the caller's area as for an unknown KIDC. The reading is audited with the purpose stated in X-Purpose " +
                "(default: \"who looked at my data\").");

    /// <summary>Reading a person's query history is itself an access to personal data: see <see cref="HandleAsync"/>.</summary>
    internal static async Task<IResult> PersonQueriesAsync(string kidc, int? max, HttpContext http, VerificationDbContext db, IAuditLog audit) =>
        (await HandleAsync(kidc, max ?? 200, http.Actor(), http.StatedPurpose(), db, audit, http.RequestAborted)).ToHttp();
}

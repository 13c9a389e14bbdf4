using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Persons;

/// <summary>The full version history of a person record, newest first.</summary>
internal static class PersonHistory
{
    public static async Task<Outcome<IReadOnlyList<PersonVersion>>> HandleAsync(
        string kidc, string? purposeText, Actor actor, PopulationDbContext db, PersonRecords records, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = ChangeRequest.ReadRequest(kidc, purposeText, errors);
        if (purpose is null)
        {
            return Outcome<IReadOnlyList<PersonVersion>>.Invalid(errors);
        }

        var person = await records.FindInJurisdictionAsync(kidc, actor, track: false, ct);
        if (person is null)
        {
            return Outcome<IReadOnlyList<PersonVersion>>.NotFound("No person with this KIDC in your area.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "person.history", "person", person.Kidc, purpose), ct);
        var versions = await db.PersonVersions.AsNoTracking()
            .Where(v => v.PersonId == person.Id)
            .OrderByDescending(v => v.Version)
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<PersonVersion>>.Ok(versions.Select(v => new PersonVersion(
            v.Version,
            v.At,
            v.ActorKind,
            v.ActorId,
            v.Source,
            v.Reason,
            v.ChangedFields == "*" ? ["*"] : v.ChangedFields.Split(',', StringSplitOptions.RemoveEmptyEntries),
            ReadSnapshot(v.Snapshot))).ToList());
    }

    private static PersonRecord? ReadSnapshot(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PersonRecord>(json, PersonRecords.SnapshotJson);
        }
        catch (JsonException)
        {
            // Snapshots written by other tools (the synthetic generator) may carry fewer fields.
            return null;
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/persons/{kidc}/history", async (string kidc, HttpContext http, PopulationDbContext db, PersonRecords records, IAuditLog audit, CancellationToken ct) =>
                (await HandleAsync(kidc, http.StatedPurpose(), http.Actor(), db, records, audit, ct)).ToHttp())
            .RequireAuthorization(PopulationPolicies.Read)
            .WithName("GetPersonHistory")
            .WithSummary("Read the version history of a person")
            .WithDescription("Every version with who, when, why and the source system, newest first. Requires X-Purpose.");
}

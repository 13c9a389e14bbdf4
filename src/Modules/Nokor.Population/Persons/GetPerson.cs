using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.Population.Persons;

/// <summary>Reads one person by KIDC, inside the caller's area, after recording the read and its purpose.</summary>
internal static class GetPerson
{
    public static async Task<Outcome<PersonRecord>> HandleAsync(
        string kidc, string? purposeText, Actor actor, PersonRecords records, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = ChangeRequest.ReadRequest(kidc, purposeText, errors);
        if (purpose is null)
        {
            return Outcome<PersonRecord>.Invalid(errors);
        }

        var person = await records.FindInJurisdictionAsync(kidc, actor, track: false, ct);
        if (person is null)
        {
            return Outcome<PersonRecord>.NotFound("No person with this KIDC in your area.");
        }

        // The read is recorded before anything is answered (NSPI 6.4: every access traceable).
        await audit.AppendAsync(new AuditEvent(actor, "person.read", "person", person.Kidc, purpose), ct);
        return Outcome<PersonRecord>.Ok(await records.ToRecordAsync(person, actor.Jurisdiction, ct));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/persons/{kidc}", async (string kidc, HttpContext http, PersonRecords records, IAuditLog audit, CancellationToken ct) =>
                (await HandleAsync(kidc, http.StatedPurpose(), http.Actor(), records, audit, ct)).ToHttp())
            .RequireAuthorization(PopulationPolicies.Read)
            .WithName("GetPerson")
            .WithSummary("Read a person by KIDC")
            .WithDescription("Returns the person's record if the caller's office covers their residence; 404 otherwise. Requires the X-Purpose header, which is recorded in the audit log.");
}

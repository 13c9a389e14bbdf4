using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Kidc;

namespace Nokor.Population.Persons;

/// <summary>
/// Creates a person and assigns their KIDC. The KIDC service is the only place codes are made
/// (NSPI 6.3: "generated exclusively by the Population Identification System").
/// </summary>
internal static class RegisterPerson
{
    public static async Task<Outcome<PersonRecord>> HandleAsync(
        RegisterPersonRequest request,
        Actor actor,
        PopulationDbContext db,
        PersonValidator validator,
        PersonRecords records,
        KidcService kidcs,
        IAuditLog audit,
        TimeProvider clock,
        CancellationToken ct,
        Guid? personId = null)
    {
        var errors = new FieldErrors();
        var source = ChangeRequest.Source(request.Source, errors);
        var reason = ChangeRequest.Reason(request.Reason, required: false, errors) ?? "Registration";
        var person = new PersonEntity
        {
            Id = personId ?? Guid.CreateVersion7(),
            Kidc = "",
            SurnameKm = "",
            GivenNameKm = "",
            SurnameLatin = "",
            GivenNameLatin = "",
            NameKmKey = "",
            NameLatinKey = "",
            Nationality = "KH",
            ResidenceVillageCode = "",
            LifeStatus = LifeStatus.Alive,
            Version = 1,
        };
        await validator.ApplyAsync(request, person, isNew: true, actor, errors, ct);
        if (errors.Any)
        {
            return Outcome<PersonRecord>.Invalid(errors);
        }

        // The reserved first digit tells foreign residents from citizens (NSPI 6.3, glossary 14).
        var category = person.CitizenshipStatus == CitizenshipStatus.ForeignResident
            ? KidcCategory.ForeignResident
            : KidcCategory.Citizen;
        var now = clock.GetUtcNow();
        person.CreatedAt = now;
        person.UpdatedAt = now;
        person.Kidc = await kidcs.IssueAsync(category, person.Id, ct);
        db.Persons.Add(person);
        db.PersonVersions.Add(new PersonVersionEntity
        {
            PersonId = person.Id,
            Version = 1,
            At = now,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            Reason = reason,
            Source = source!.Value,
            ChangedFields = "*",
            Snapshot = PersonRecords.Snapshot(person),
        });

        await audit.AppendAsync(new AuditEvent(actor, "person.create", "person", person.Kidc, reason,
            AuditDetails.Of(new { source = source.ToString() })), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Only a race can get here (two registrations drawing the same KIDC at the same
            // moment); the audit entry already written is followed by one saying it failed.
            await audit.AppendAsync(new AuditEvent(actor, "person.create.failed", "person", person.Kidc, reason,
                AuditDetails.Of(new { error = ex.GetType().Name })), CancellationToken.None);
            return Outcome<PersonRecord>.Conflict("The registration collided with another one at the same moment: send it again.");
        }

        return Outcome<PersonRecord>.Ok(await records.ToRecordAsync(person, actor.Jurisdiction, ct));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/persons", async Task<Results<Created<PersonRecord>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> (
                RegisterPersonRequest request,
                HttpContext http,
                PopulationDbContext db,
                PersonValidator validator,
                PersonRecords records,
                KidcService kidcs,
                IAuditLog audit,
                TimeProvider clock,
                CancellationToken ct) =>
            {
                var outcome = await HandleAsync(request, http.Actor(), db, validator, records, kidcs, audit, clock, ct);
                return outcome.IsOk
                    ? TypedResults.Created($"/api/population/persons/{outcome.Value!.Kidc}", outcome.Value)
                    : outcome.ToHttp().Result switch
                    {
                        ValidationProblem v => v,
                        NotFound<ProblemDetails> n => n,
                        Conflict<ProblemDetails> c => c,
                        _ => throw new InvalidOperationException("Unexpected outcome."),
                    };
            })
            .RequireAuthorization(PopulationPolicies.Write)
            .WithName("RegisterPerson")
            .WithSummary("Register a person and assign a new KIDC")
            .WithDescription("Creates a person record in the Population Registry and returns it with its new, never reused Khmer Identification Code.");
}

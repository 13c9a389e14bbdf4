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

/// <summary>
/// Changes a person: the given fields, a death, issued identity documents. Every change states its
/// reason and source system and makes a new version (NSPI 6.3.3).
/// </summary>
internal static class UpdatePerson
{
    public const int MaxDocumentsPerRequest = 20;

    public static async Task<Outcome<PersonRecord>> HandleAsync(
        string kidc,
        UpdatePersonRequest request,
        Actor actor,
        PopulationDbContext db,
        PersonValidator validator,
        PersonRecords records,
        IAuditLog audit,
        TimeProvider clock,
        CancellationToken ct,
        string? reference = null)
    {
        var errors = new FieldErrors();
        if (!KidcRule.IsValid(kidc))
        {
            return Outcome<PersonRecord>.Invalid("kidc", ChangeRequest.InvalidKidc);
        }

        var source = ChangeRequest.Source(request.Source, errors);
        var reason = ChangeRequest.Reason(request.Reason, required: true, errors);
        var person = await records.FindInJurisdictionAsync(kidc, actor, track: true, ct);
        if (person is null)
        {
            return Outcome<PersonRecord>.NotFound("No person with this KIDC in your area.");
        }

        if (request.ExpectedVersion is { } expected && expected != person.Version)
        {
            return Outcome<PersonRecord>.Conflict($"The record is at version {person.Version}, not {expected}: read it again.");
        }

        var changed = (await validator.ApplyAsync(request, person, isNew: false, actor, errors, ct)).ToList();
        ApplyLifeStatus(request, person, changed, errors, clock);
        var added = ApplyDocuments(request, person, changed, errors);
        for (var i = 0; i < added.Count; i++)
        {
            var (index, doc) = added[i];
            if (await db.PersonDocuments.AnyAsync(d => d.Type == doc.Type && d.Number == doc.Number && d.PersonId != person.Id, ct))
            {
                // A document number identifies one holder; the other holder is not named.
                errors.Add($"addDocuments[{index}].number", "This document number is already recorded for another person.");
            }
        }

        if (errors.Any)
        {
            return Outcome<PersonRecord>.Invalid(errors);
        }

        // New documents carry their own id, so they are added explicitly rather than discovered
        // through the navigation (which would take a set key for an existing row).
        db.PersonDocuments.AddRange(added.Select(a => a.Document));

        if (changed.Count == 0)
        {
            return Outcome<PersonRecord>.Invalid("reason", "Nothing would change: the record already holds these values.");
        }

        var now = clock.GetUtcNow();
        person.Version++;
        person.UpdatedAt = now;
        db.PersonVersions.Add(new PersonVersionEntity
        {
            PersonId = person.Id,
            Version = person.Version,
            At = now,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            Reason = reason!,
            Source = source!.Value,
            ChangedFields = string.Join(',', changed.Distinct()),
            Snapshot = PersonRecords.Snapshot(person),
            Reference = reference,
        });

        await audit.AppendAsync(new AuditEvent(actor, "person.update", "person", person.Kidc, reason!,
            AuditDetails.Of(new { source = source.ToString(), version = person.Version, fields = string.Join(',', changed.Distinct()) })), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another request changed the record, or took the same document number, between our
            // checks and the save. The audit entry already written is followed by one saying so.
            await audit.AppendAsync(new AuditEvent(actor, "person.update.failed", "person", person.Kidc, reason!,
                AuditDetails.Of(new { version = person.Version, error = ex.GetType().Name })), CancellationToken.None);
            return Outcome<PersonRecord>.Conflict(ex is DbUpdateConcurrencyException
                ? "The record was changed by someone else meanwhile: read it again."
                : "The record or one of its documents was changed by another request meanwhile: read it again.");
        }

        return Outcome<PersonRecord>.Ok(await records.ToRecordAsync(person, actor.Jurisdiction, ct));
    }

    private static void ApplyLifeStatus(UpdatePersonRequest request, PersonEntity person, List<string> changed, FieldErrors errors, TimeProvider clock)
    {
        if (request.LifeStatus is null && request.DeathDate is null)
        {
            return;
        }

        var status = person.LifeStatus;
        if (request.LifeStatus is not null &&
            !ChangeRequest.TryParseName(request.LifeStatus, out status))
        {
            errors.Add("lifeStatus", "Use Alive or Deceased.");
            return;
        }

        DateOnly? deathDate = null;
        if (status == LifeStatus.Deceased)
        {
            if (!DateOnly.TryParseExact(request.DeathDate?.Trim(), "yyyy-MM-dd", out var parsed))
            {
                errors.Add("deathDate", "Give the date of death as yyyy-MM-dd.");
                return;
            }

            if (parsed > Nokor.Platform.Dates.CambodiaTime.Today(clock))
            {
                errors.Add("deathDate", "The date of death is in the future.");
                return;
            }

            if (parsed < new Nokor.Platform.Dates.PartialDate(person.BirthYear, person.BirthMonth, person.BirthDay).Earliest)
            {
                errors.Add("deathDate", "The date of death is before the date of birth.");
                return;
            }

            deathDate = parsed;
        }
        else if (request.DeathDate is not null)
        {
            errors.Add("deathDate", "A date of death needs lifeStatus Deceased.");
            return;
        }

        if (person.LifeStatus != status)
        {
            person.LifeStatus = status;
            changed.Add("lifeStatus");
        }

        if (person.DeathDate != deathDate)
        {
            person.DeathDate = deathDate;
            changed.Add("deathDate");
        }
    }

    private static List<(int Index, PersonDocumentEntity Document)> ApplyDocuments(UpdatePersonRequest request, PersonEntity person, List<string> changed, FieldErrors errors)
    {
        var added = new List<(int Index, PersonDocumentEntity Document)>();
        if (request.AddDocuments is null)
        {
            return added;
        }

        if (request.AddDocuments.Count > MaxDocumentsPerRequest)
        {
            errors.Add("addDocuments", $"At most {MaxDocumentsPerRequest} documents per request.");
            return added;
        }

        for (var i = 0; i < request.AddDocuments.Count; i++)
        {
            var d = request.AddDocuments[i];
            var prefix = $"addDocuments[{i}]";
            if (d is null)
            {
                errors.Add(prefix, "A document is required.");
                continue;
            }

            DocumentType type = default;
            if (!ChangeRequest.TryParseName(d.Type, out type))
            {
                errors.Add($"{prefix}.type", $"Use one of {string.Join(", ", Enum.GetNames<DocumentType>())}.");
            }

            var number = d.Number?.Trim();
            if (string.IsNullOrEmpty(number) || number.Length > 40 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/'))
            {
                errors.Add($"{prefix}.number", "Give the document number (up to 40 letters, digits, '-' or '/').");
            }

            var issuer = d.IssuingSystem?.Trim();
            if (string.IsNullOrEmpty(issuer) || issuer.Length > 60 || issuer.Any(char.IsControl))
            {
                errors.Add($"{prefix}.issuingSystem", "Name the issuing system (up to 60 characters).");
            }

            DateOnly? issuedOn = null, validUntil = null;
            if (d.IssuedOn is not null)
            {
                if (DateOnly.TryParseExact(d.IssuedOn.Trim(), "yyyy-MM-dd", out var v)) issuedOn = v;
                else errors.Add($"{prefix}.issuedOn", "Give the date as yyyy-MM-dd.");
            }

            if (d.ValidUntil is not null)
            {
                if (DateOnly.TryParseExact(d.ValidUntil.Trim(), "yyyy-MM-dd", out var v)) validUntil = v;
                else errors.Add($"{prefix}.validUntil", "Give the date as yyyy-MM-dd.");
            }

            if (issuedOn is not null && validUntil is not null && validUntil < issuedOn)
            {
                errors.Add($"{prefix}.validUntil", "The document expires before it was issued.");
            }

            if (errors.Any)
            {
                continue;
            }

            if (person.Documents.Any(x => x.Type == type && x.Number == number) ||
                added.Any(x => x.Document.Type == type && x.Document.Number == number))
            {
                errors.Add($"{prefix}.number", "This document is already recorded for this person.");
                continue;
            }

            var document = new PersonDocumentEntity
            {
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                Type = type,
                Number = number!,
                IssuingSystem = issuer!,
                IssuedOn = issuedOn,
                ValidUntil = validUntil,
            };
            added.Add((i, document));
            changed.Add("documents");
        }

        return added;
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/persons/{kidc}", async (string kidc, UpdatePersonRequest request, HttpContext http, PopulationDbContext db,
                PersonValidator validator, PersonRecords records, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(kidc, request, http.Actor(), db, validator, records, audit, clock, ct)).ToHttp())
            .RequireAuthorization(PopulationPolicies.Write)
            .WithName("UpdatePerson")
            .WithSummary("Change a person's record")
            .WithDescription("Changes the given fields, records a death or an issued identity document, and makes a new version with the reason and source system. The KIDC never changes.");
}

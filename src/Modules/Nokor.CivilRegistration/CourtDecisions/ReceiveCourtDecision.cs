using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>
/// The courts' system sends a final decision with its PDF (issue 17). Malformed fields are refused
/// (400 naming the field, nothing stored). A well-formed decision is stored once per court and case
/// number: received and routed to the office that registers it, or held for review with its
/// problems when it names persons or registrations the registry does not hold or contradicts it
/// (422 naming the field) — never half-applied: no application is opened, the registrar enters it.
/// </summary>
internal static class ReceiveCourtDecision
{
    public const string Route = "/court-decisions";

    public static async Task<Outcome<CourtDecisionReceipt>> HandleAsync(
        CourtDecisionInput? input, CourtDecisionFile? pdf, Actor actor, CivilDbContext db, CourtDecisionChecks checks, IBlobStore blobs,
        IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        checks.CheckPdf(pdf, errors);
        var parsed = checks.Parse(input, errors);
        if (errors.Any)
        {
            return Outcome<CourtDecisionReceipt>.Invalid(errors);
        }

        var details = Dossiers.Write(parsed!.Details);
        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf!.Content));

        // Idempotent by court and case number: the same decision again is answered with the stored one.
        if (await SameOrConflictAsync(db, parsed, details, hash, clock, ct) is { } stored)
        {
            return stored;
        }

        var check = await checks.CheckAsync(parsed, actor, ct);
        await blobs.PutAsync(pdf.Content, ct);
        var decision = new CourtDecisionEntity
        {
            Id = Guid.CreateVersion7(),
            Court = parsed.Court,
            CaseNumber = parsed.CaseNumber,
            Kind = parsed.Kind,
            Status = check.Problems.Count == 0 ? CourtDecisionStatus.Received : CourtDecisionStatus.HeldForReview,
            OfficeCode = check.OfficeCode,
            DecisionDate = parsed.DecisionDate,
            EffectiveDate = parsed.EffectiveDate,
            Details = details,
            Summary = Truncate(check.Summary, 400),
            PdfSha256 = hash,
            PdfSize = pdf.Content.Length,
            Problems = CourtDecisionRecords.WriteProblems(check.Problems),
            ReceivedAt = clock.GetUtcNow(),
            ReceivedBy = actor.Id,
        };
        db.CourtDecisions.Add(decision);
        await audit.AppendAsync(new AuditEvent(actor, decision.Status == CourtDecisionStatus.Received ? "civil.court-decision.receive" : "civil.court-decision.hold",
            "court-decision", decision.Id.ToString(), CourtDecisionChecks.Purpose(parsed.Court, parsed.CaseNumber),
            AuditDetails.Of(new { kind = parsed.Kind.ToString(), office = decision.OfficeCode, problems = check.Problems.Select(p => p.Field).ToArray() })), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same court and case arrived twice at the same moment: answer as the second one.
            db.ChangeTracker.Clear();
            return await SameOrConflictAsync(db, parsed, details, hash, clock, ct)
                ?? Outcome<CourtDecisionReceipt>.Conflict("The decision could not be stored: send it again.");
        }

        return Outcome<CourtDecisionReceipt>.Ok(new CourtDecisionReceipt(CourtDecisionRecords.View(decision, clock), Created: true));
    }

    private static async Task<Outcome<CourtDecisionReceipt>?> SameOrConflictAsync(
        CivilDbContext db, ParsedDecision parsed, string details, string hash, TimeProvider clock, CancellationToken ct)
    {
        var existing = await db.CourtDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Court == parsed.Court && d.CaseNumber == parsed.CaseNumber, ct);
        if (existing is null)
        {
            return null;
        }

        if (existing.Details != details || existing.PdfSha256 != hash)
        {
            return Outcome<CourtDecisionReceipt>.Conflict(
                $"{parsed.Court} already sent a different decision in case {parsed.CaseNumber} (received {existing.ReceivedAt:yyyy-MM-dd}, {existing.Status}): " +
                "a case has one decision here; a registrar reviews the stored one.");
        }

        return Outcome<CourtDecisionReceipt>.Ok(new CourtDecisionReceipt(CourtDecisionRecords.View(existing, clock), Created: false));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>
    /// The decision (part "decision": JSON as a form field or a file part) and its PDF (part "pdf")
    /// from the multipart body; a part that cannot be read is a field error.
    /// </summary>
    public static async Task<(CourtDecisionInput? Input, CourtDecisionFile? Pdf, FieldErrors Errors)> ReadAsync(HttpRequest request, long maxPdfBytes, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!request.HasFormContentType || await FileUploads.ReadFormOrNullAsync(request, ct) is not { } form)
        {
            errors.Add("pdf", "Send the decision as multipart/form-data: the JSON in the part \"decision\" and the PDF in the part \"pdf\".");
            return (null, null, errors);
        }

        string? json = form["decision"].ToString();
        if (string.IsNullOrWhiteSpace(json) && form.Files.GetFile("decision") is { } jsonPart)
        {
            if (jsonPart.Length > 64 * 1024)
            {
                errors.Add("decision", "The decision's JSON is larger than 64 KB.");
                json = null;
            }
            else
            {
                using var reader = new StreamReader(jsonPart.OpenReadStream());
                json = await reader.ReadToEndAsync(ct);
            }
        }

        CourtDecisionInput? input = null;
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                input = JsonSerializer.Deserialize<CourtDecisionInput>(json, Dossiers.Json);
            }
            catch (JsonException e)
            {
                errors.Add("decision", $"The decision is not valid JSON of a court decision: {e.Message}");
            }
        }

        CourtDecisionFile? pdf = null;
        if (form.Files.GetFile("pdf") is { } file)
        {
            if (file.Length > maxPdfBytes)
            {
                errors.Add("pdf", $"The PDF is larger than {maxPdfBytes / (1024 * 1024)} MB.");
            }
            else
            {
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                pdf = new CourtDecisionFile(Path.GetFileName(file.FileName), file.ContentType, buffer.ToArray());
            }
        }

        return (input, pdf, errors);
    }

    /// <summary>The answer: 201 for a new decision, 200 for one already stored, 422 naming the fields when it is held for review.</summary>
    public static IResult ToHttp(Outcome<CourtDecisionReceipt> outcome)
    {
        if (!outcome.IsOk)
        {
            return (IResult)outcome.ToHttp().Result;
        }

        var (view, created) = outcome.Value!;
        if (view.Status == CourtDecisionStatus.HeldForReview)
        {
            var problem = new HttpValidationProblemDetails(view.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()))
            {
                Type = Problems.TypeBase + "court-decision-held",
                Title = "The decision names persons or registrations the registry does not hold, or contradicts it: it is stored and held for review, nothing is applied.",
                Status = StatusCodes.Status422UnprocessableEntity,
                Extensions = { ["decisionId"] = view.Id, ["status"] = view.Status.ToString(), ["created"] = created },
            };
            return TypedResults.Problem(problem);
        }

        return created ? TypedResults.Created($"/api/civil{Route}/{view.Id}", view) : TypedResults.Ok(view);
    }

    public static void Map(RouteGroupBuilder group)
    {
        var max = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<IOptions<CivilRegistrationOptions>>().Value.CourtDecisions.MaxPdfBytes;
        group.MapPost(Route, async (HttpContext http, CivilDbContext db, CourtDecisionChecks checks, IBlobStore blobs, IAuditLog audit,
                TimeProvider clock, CancellationToken ct) =>
            {
                var (input, pdf, errors) = await ReadAsync(http.Request, max, ct);
                if (errors.Any)
                {
                    return (IResult)errors.ToProblem();
                }

                return ToHttp(await HandleAsync(input, pdf, http.Actor(), db, checks, blobs, audit, clock, ct));
            })
            .RequireAuthorization(CivilPolicies.CourtDecisions)
            // Only the courts' system account (client credentials, bearer token) holds the role: no browser form posts here.
            .DisableAntiforgery()
            .WithMetadata(new BodySizeLimit(max + 1024 * 1024))
            // No Accepts<IFormFile> metadata: routing would answer another body type 415 without naming
            // the field; the handler answers it 400 on "pdf" instead.
            .Produces<CourtDecisionView>(StatusCodes.Status201Created)
            .Produces<CourtDecisionView>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ReceiveCourtDecision")
            .WithSummary("The courts' system sends a final decision (divorce, annulment, separation, adoption, paternity, name change, correction) with its PDF")
            .WithDescription("multipart/form-data: part \"decision\" (JSON, CourtDecisionInput) and part \"pdf\" (the decision). Idempotent by court and case number: " +
                "201 when stored, 200 when the same decision was already stored, 409 for a different decision under the same court and case, " +
                "400 naming a malformed field, 422 naming the fields when the registry does not match (the decision is stored and held for review; nothing is applied).");
    }
}

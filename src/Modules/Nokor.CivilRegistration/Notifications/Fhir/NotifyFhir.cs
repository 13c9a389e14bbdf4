using System.Text;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using IssueSeverity = Hl7.Fhir.Model.OperationOutcome.IssueSeverity;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;

namespace Nokor.CivilRegistration.Notifications.Fhir;

/// <summary>
/// Birth and death notifications from hospital information systems as FHIR R4 Bundles (profile in
/// <see cref="FhirNotificationReader"/>), stored by the same <see cref="NotifyVitalEvent"/> as the
/// JSON endpoint, so the same rules apply (jurisdiction, idempotency by source system and reference,
/// audit). Every answer is FHIR: an OperationOutcome in <c>application/fhir+json</c>.
/// </summary>
internal static class NotifyFhir
{
    public const string FhirJson = "application/fhir+json";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/notifications/fhir", HandleAsync)
            .RequireAuthorization(CivilPolicies.Notify)
            .WithName("NotifyVitalEventFhir")
            .WithSummary("Notify a birth, a death or a stillbirth as a FHIR R4 Bundle")
            .WithDescription(
                "Body: a FHIR R4 Bundle (collection, message or document) in application/fhir+json or application/json, holding one " +
                "Patient (the newborn, or the deceased with deceasedDateTime), a Location with an identifier of system " +
                "https://nokor.gov.kh/gazetteer (the village code of the place of the event), for a birth the mother as a RelatedPerson " +
                "(v3-RoleCode MTH) and optionally the birth weight Observation (LOINC 8339-4), for a death the causes as Conditions and the " +
                "manner of death Observation (LOINC 69449-7); a stillbirth has a Composition typed LOINC 69045-3, the foetus as the Patient " +
                "and the gestational age Observation (LOINC 11884-4), see docs/fhir-stillbirth.md. Bundle.identifier is required: the same bundle sent again answers with the " +
                "notification already stored. Answers are OperationOutcomes: 201 Created with Location /api/civil/notifications/{id} and " +
                "an information issue whose diagnostics is the notification id; 400 with one issue per problem (expression: the FHIRPath " +
                "in the bundle, or the notification field); 409 on a conflict; 415 for other content types.")
            .Produces(StatusCodes.Status201Created, typeof(string), FhirJson)
            .Produces(StatusCodes.Status400BadRequest, typeof(string), FhirJson)
            .Produces(StatusCodes.Status409Conflict, typeof(string), FhirJson)
            .Produces(StatusCodes.Status415UnsupportedMediaType, typeof(string), FhirJson);
    }

    internal static async Task<IResult> HandleAsync(
        HttpContext http, CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (!IsJson(http.Request.ContentType))
        {
            return Fhir(StatusCodes.Status415UnsupportedMediaType, Outcome(IssueSeverity.Error, IssueType.NotSupported, null,
                $"Send the bundle as {FhirJson} (or application/json) in UTF-8, not as '{http.Request.ContentType}'."));
        }

        string body;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(ct);
        }

        var (request, problems) = FhirNotificationReader.Read(body);
        if (problems is not null || request is null)
        {
            return Fhir(StatusCodes.Status400BadRequest, problems ?? Outcome(IssueSeverity.Error, IssueType.Invalid, null, "The bundle could not be read."));
        }

        var outcome = await NotifyVitalEvent.HandleAsync(request, http.Actor(), db, gazetteer, audit, clock, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                var id = outcome.Value!.Id;
                http.Response.Headers.Location = $"/api/civil/notifications/{id}";
                return Fhir(StatusCodes.Status201Created, Outcome(IssueSeverity.Information, IssueType.Informational, null, id.ToString(),
                    "Notification stored: it waits until the family registers the event."));
            case OutcomeKind.Invalid:
                var invalid = new OperationOutcome();
                foreach (var (field, messages) in outcome.Errors)
                {
                    foreach (var message in messages)
                    {
                        invalid.Issue.Add(Issue(IssueSeverity.Error, IssueType.Invalid, field, message));
                    }
                }

                return Fhir(StatusCodes.Status400BadRequest, invalid);
            case OutcomeKind.Conflict:
                return Fhir(StatusCodes.Status409Conflict, Outcome(IssueSeverity.Error, IssueType.Conflict, null, outcome.Message ?? "Conflict."));
            default:
                return Fhir(StatusCodes.Status404NotFound, Outcome(IssueSeverity.Error, IssueType.NotFound, null, outcome.Message ?? "Not found."));
        }
    }

    /// <summary>FHIR JSON is UTF-8 (FHIR R4 http.html#mime-type): a declared other charset is refused too.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        (media.MediaType.Equals(FhirJson, StringComparison.OrdinalIgnoreCase) || media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) &&
        (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static OperationOutcome Outcome(IssueSeverity severity, IssueType code, string? expression, string diagnostics, string? details = null)
    {
        var outcome = new OperationOutcome();
        var issue = Issue(severity, code, expression, diagnostics);
        if (details is not null)
        {
            issue.Details = new Hl7.Fhir.Model.CodeableConcept { Text = details };
        }

        outcome.Issue.Add(issue);
        return outcome;
    }

    private static OperationOutcome.IssueComponent Issue(IssueSeverity severity, IssueType code, string? expression, string diagnostics) => new()
    {
        Severity = severity,
        Code = code,
        Diagnostics = diagnostics,
        Expression = expression is null ? [] : [expression],
    };

    private static IResult Fhir(int status, OperationOutcome outcome) =>
        Results.Content(outcome.ToJson(), FhirJson, Encoding.UTF8, status);
}

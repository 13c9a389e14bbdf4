using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Errors;
using Nokor.Platform.Spreadsheets;
using Nokor.Platform.Staff;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;
using Nokor.Verification.Projection;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Institutions;

public sealed record StatusChange(string? Status, string? Reason);

public sealed record RevokeRequest(string? Reason);

public sealed record ProjectionView(bool Ready, long Position, long Applied, long LagMedianMs, long LagMaxMs, int LagSamples);

/// <summary>The data distribution unit's API (staff sign-in), under <c>/api/verification</c>.</summary>
internal static class StaffEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/verification").WithTags("Verification")
            .RequireAuthorization(VerificationPolicies.Manage)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapGet("/institutions", async (HttpContext http, InstitutionService service) =>
                TypedResults.Ok(await service.ListAsync(http.Actor(), http.RequestAborted)))
            .WithSummary("Institutions with their contracts and this month's usage.");

        staff.MapPost("/institutions", async (InstitutionInput input, HttpContext http, InstitutionService service) =>
                (await service.CreateAsync(input, http.Actor(), http.RequestAborted)).ToHttp())
            .WithSummary("Registers an institution with its contract.");

        staff.MapGet("/institutions/{id:guid}", async (Guid id, HttpContext http, InstitutionService service) =>
                (await service.GetAsync(id, http.Actor(), http.RequestAborted)).ToHttp())
            .WithSummary("An institution, its contract and credentials.");

        staff.MapPut("/institutions/{id:guid}", async (Guid id, InstitutionInput input, int? revision, HttpContext http, InstitutionService service) =>
                (await service.UpdateAsync(id, input, revision, http.Actor(), http.RequestAborted)).ToHttp())
            .WithSummary("Changes an institution's details or contract (audited with before and after).");

        staff.MapPost("/institutions/{id:guid}/status", async (Guid id, StatusChange change, HttpContext http, InstitutionService service) =>
            {
                if (!Enum.TryParse<InstitutionStatus>(change.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(change.Status, out _))
                {
                    return (IResult)Problems.Invalid("status", "The status is Active or Suspended.");
                }

                return (await service.SetStatusAsync(id, status, change.Reason, http.Actor(), http.RequestAborted)).ToHttp();
            })
            .WithSummary("Suspends or reinstates an institution, with the reason.");

        staff.MapPost("/institutions/{id:guid}/credentials", async (Guid id, bool? rotate, HttpContext http, InstitutionService service) =>
                (await service.IssueCredentialAsync(id, rotate ?? false, http.Actor(), http.RequestAborted)).ToHttp())
            .WithSummary("Issues a client id and secret (the secret is shown only in this answer); with rotate=true the older credentials expire in 24 hours.");

        staff.MapPost("/institutions/{id:guid}/credentials/{credentialId:guid}/revoke",
                async (Guid id, Guid credentialId, RevokeRequest request, HttpContext http, InstitutionService service) =>
                    (await service.RevokeCredentialAsync(id, credentialId, request.Reason, http.Actor(), http.RequestAborted)).ToHttp())
            .WithSummary("Revokes a credential at once, with the reason.");

        staff.MapGet("/institutions/{id:guid}/statements/{month}", async (Guid id, string month, string? format, HttpContext http, LedgerReports reports) =>
            {
                var outcome = await reports.StatementAsync(id, month, http.RequestAborted);
                if (outcome.IsOk && string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
                {
                    var s = outcome.Value!;
                    return (IResult)TypedResults.File(LedgerReports.ToCsv(s), CsvTableWriter.ContentType, $"statement-{s.InstitutionCode}-{s.Month}.csv");
                }

                return outcome.ToHttp();
            })
            .WithSummary("The monthly statement (counts and amounts per query type) as JSON, or CSV with format=csv.");

        staff.MapGet("/status", (ProjectionStatus status) =>
            {
                var (median, max, count) = status.Lag();
                return TypedResults.Ok(new ProjectionView(status.Ready, status.Position, Interlocked.Read(ref status.Applied), median, max, count));
            })
            .WithSummary("Where the verification store stands in the registry's change feed, and its recent lag.");

        var person = endpoints.MapGroup("/api/verification").WithTags("Verification")
            .RequireAuthorization(VerificationPolicies.PersonAccess)
            .ProducesValidationProblem();
        person.MapGet("/persons/{kidc}/queries", PersonQueriesAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Who looked at this person's data: institutions, purposes and times of their queries, newest first.")
            .WithDescription("For registrars whose office covers the person's residence, the data distribution unit and the citizen e-services system; " +
                "404 for a person outside the caller's area as for an unknown KIDC. The reading is audited with the purpose stated in X-Purpose " +
                "(default: \"who looked at my data\").");
    }

    /// <summary>Reading a person's query history is itself an access to personal data: see <see cref="LedgerReports.ReadPersonAccessAsync"/>.</summary>
    internal static async Task<IResult> PersonQueriesAsync(string kidc, int? max, HttpContext http, LedgerReports reports) =>
        (await reports.ReadPersonAccessAsync(kidc, max ?? 200, http.Actor(), http.StatedPurpose(), http.RequestAborted)).ToHttp();
}

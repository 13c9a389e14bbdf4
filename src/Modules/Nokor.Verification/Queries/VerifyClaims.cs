using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Errors;
using Nokor.Verification.Contracts;
using Nokor.Verification.Ledger;
using Nokor.Verification.Projection;

namespace Nokor.Verification.Queries;

internal sealed record VerifyRequest(string? Kidc, string? Purpose, string? UserId, ClaimsInput? Claims);

/// <summary>
/// A yes/no answer: per claimed attribute whether it matches (and whether a spelling variant was
/// needed), the overall result, and whether the person is alive — the last only when the claims
/// identify the person (a name and the date of birth, all matching), so that a client cannot learn
/// whether someone is alive from a KIDC and a guess.
/// </summary>
internal sealed record VerifyAnswer(string RequestId, string Result, bool? Alive, IReadOnlyDictionary<string, ClaimResult> Claims);

/// <summary>
/// Yes/no verification (NSPI 6.4), in the order of <see cref="QueryChecks"/>. This is the hot
/// path of the service: prepared look-ups and a group-committed ledger append, nothing more.
/// </summary>
internal static class VerifyClaims
{
    public static async Task<QueryOutcome<VerifyAnswer>> HandleAsync(
        VerifyRequest request, Asker asker, string queryType,
        PersonLookup persons, QueryLedger ledger, UsageMeter usage, ProjectionStatus projection, TimeProvider time, CancellationToken ct)
    {
        if (!projection.Ready)
        {
            return new(null, Refusal.NotReady);
        }

        var errors = new FieldErrors();
        var kidc = QueryChecks.CheckKidc(request.Kidc, errors);
        var purpose = QueryChecks.CheckPurpose(request.Purpose, errors);
        var userId = QueryChecks.CheckUserId(request.UserId, asker, errors);
        var claims = Claims.Parse(request.Claims, errors);
        if (errors.Any)
        {
            return new(null, Refusal.Invalid, errors);
        }

        if (QueryChecks.Outside(asker.Client.Contract, purpose!, queryType) is { } reason)
        {
            return new(null, Refusal.OutsideContract, Detail: reason);
        }

        var gate = await QueryChecks.AdmitAsync(asker.Client.Contract, usage, time, ct);
        if (gate is not null)
        {
            return new(null, Refusal.OverQuota, RetryAfter: gate);
        }

        // Admitted: the look-up and the record happen even if the client goes away now.
        var verdict = claims!.Judge(await persons.FindAsync(kidc!, CancellationToken.None));
        var recorded = await QueryChecks.RecordAsync(asker, userId, purpose!, queryType, kidc!, verdict.Recorded, verdict.Detail, ledger, usage, time, ct);
        if (!recorded)
        {
            return new(null, Refusal.NotRecorded);
        }

        return new(new VerifyAnswer(asker.RequestId, verdict.Result, verdict.Alive, verdict.Claims.ToDictionary(c => c.Key, c => c.Value)), Refusal.None);
    }

    public static void Map(RouteGroupBuilder queries) =>
        queries.MapPost("/verify", VerifyAsync)
            .WithSummary("Yes/no verification: does the person with this KIDC have these attributes, and are they alive?")
            .WithDescription("Answers per claimed attribute whether it matches, saying when a Khmer encoding or Latin spelling variant was needed. A KIDC nobody holds answers no_match, like a mismatch. Optional X-Road-Client, X-Road-Id and X-Road-UserId headers are recorded; the response carries X-Road-Request-Hash.")
            .Accepts<VerifyRequest>("application/json")
            .Produces<VerifyAnswer>();

    private static async Task<IResult> VerifyAsync(
        HttpContext http, PersonLookup persons, QueryLedger ledger, UsageMeter usage, ProjectionStatus projection, TimeProvider time)
    {
        var (asker, error) = QueryChecks.Ask(http);
        var (request, bodyError) = await ClientBody.ReadAsync<VerifyRequest>(http);
        if (error is not null || bodyError is not null)
        {
            return error ?? bodyError!;
        }

        var outcome = await HandleAsync(request!, asker!, QueryTypes.Verify, persons, ledger, usage, projection, time, http.RequestAborted);
        return QueryChecks.ToHttp(http, outcome, asker!);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Verification.Contracts;
using Nokor.Verification.Ledger;
using Nokor.Verification.Projection;

namespace Nokor.Verification.Queries;

internal sealed record ReleaseRequest(string? Kidc, string? Purpose, string? UserId, IReadOnlyList<string>? Attributes);

/// <summary>An attribute release: <c>found</c> with the allowed attributes, or <c>no_match</c>.</summary>
internal sealed record ReleaseAnswer(string RequestId, string Result, IReadOnlyDictionary<string, object?>? Attributes);

/// <summary>
/// Attribute release (e-KYC, NSPI 6.4): the attributes the contract allows, for a purpose it
/// allows, in the order of <see cref="QueryChecks"/>.
/// </summary>
internal static class ReleaseAttributes
{
    public static async Task<QueryOutcome<ReleaseAnswer>> HandleAsync(
        ReleaseRequest request, Asker asker,
        PersonLookup persons, QueryLedger ledger, UsageMeter usage, ProjectionStatus projection, GazetteerService gazetteer, TimeProvider time,
        CancellationToken ct)
    {
        if (!projection.Ready)
        {
            return new(null, Refusal.NotReady);
        }

        var errors = new FieldErrors();
        var kidc = QueryChecks.CheckKidc(request.Kidc, errors);
        var purpose = QueryChecks.CheckPurpose(request.Purpose, errors);
        var userId = QueryChecks.CheckUserId(request.UserId, asker, errors);
        var contract = asker.Client.Contract;
        IReadOnlyList<string> wanted;
        if (request.Attributes is null)
        {
            wanted = PersonAttributes.Releasable.Where(contract.Attributes.Contains).ToList();
        }
        else
        {
            var unknown = request.Attributes.Where(a => !PersonAttributes.Releasable.Contains(a)).ToList();
            if (unknown.Count > 0 || request.Attributes.Count == 0)
            {
                errors.Add("attributes", request.Attributes.Count == 0
                    ? "Name at least one attribute, or leave the list out for every attribute the contract allows."
                    : $"Unknown attribute(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the attributes are: {string.Join(", ", PersonAttributes.Releasable)}.");
            }

            wanted = PersonAttributes.Releasable.Where(request.Attributes.Contains).ToList();
        }

        if (errors.Any)
        {
            return new(null, Refusal.Invalid, errors);
        }

        if (QueryChecks.Outside(contract, purpose!, QueryTypes.Attributes) is { } reason)
        {
            return new(null, Refusal.OutsideContract, Detail: reason);
        }

        var refused = wanted.Where(a => !contract.Attributes.Contains(a)).ToList();
        if (refused.Count > 0)
        {
            return new(null, Refusal.OutsideContract,
                Detail: $"The contract {contract.Reference} does not allow the attribute(s) {string.Join(", ", refused)}; it allows: {(contract.Attributes.Count == 0 ? "none" : string.Join(", ", PersonAttributes.Releasable.Where(contract.Attributes.Contains)))}.");
        }

        var gate = await QueryChecks.AdmitAsync(contract, usage, time, ct);
        if (gate is not null)
        {
            return new(null, Refusal.OverQuota, RetryAfter: gate);
        }

        // Admitted: the look-up and the record happen even if the client goes away now.
        var facts = await persons.FindAsync(kidc!, CancellationToken.None);
        var known = facts is not null;
        var released = await AttributeRelease.SelectAsync(facts ?? QueryChecks.Decoy, wanted, contract.Attributes, gazetteer, CancellationToken.None);
        var recorded = await QueryChecks.RecordAsync(asker, userId, purpose!, QueryTypes.Attributes, kidc!, known ? "found" : "unknown",
            known ? string.Join(',', released.Keys) : null, ledger, usage, time, ct);
        if (!recorded)
        {
            return new(null, Refusal.NotRecorded);
        }

        return new(new ReleaseAnswer(asker.RequestId, known ? "found" : "no_match", known ? released : null), Refusal.None);
    }

    public static void Map(RouteGroupBuilder queries) =>
        queries.MapPost("/attributes", ReleaseAsync)
            .WithSummary("Attribute release (e-KYC): the attributes the contract allows, for a purpose it allows.")
            .Accepts<ReleaseRequest>("application/json")
            .Produces<ReleaseAnswer>();

    private static async Task<IResult> ReleaseAsync(
        HttpContext http, PersonLookup persons, QueryLedger ledger, UsageMeter usage, ProjectionStatus projection, GazetteerService gazetteer, TimeProvider time)
    {
        var (asker, error) = QueryChecks.Ask(http);
        var (request, bodyError) = await ClientBody.ReadAsync<ReleaseRequest>(http);
        if (error is not null || bodyError is not null)
        {
            return error ?? bodyError!;
        }

        var outcome = await HandleAsync(request!, asker!, persons, ledger, usage, projection, gazetteer, time, http.RequestAborted);
        return QueryChecks.ToHttp(http, outcome, asker!);
    }
}

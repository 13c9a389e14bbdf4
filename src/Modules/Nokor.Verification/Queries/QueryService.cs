using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;
using Nokor.Verification.Projection;

namespace Nokor.Verification.Queries;

public sealed record VerifyRequest(string? Kidc, string? Purpose, string? UserId, ClaimsInput? Claims);

public sealed record ReleaseRequest(string? Kidc, string? Purpose, string? UserId, IReadOnlyList<string>? Attributes);

/// <summary>
/// A yes/no answer: per claimed attribute whether it matches (and whether a spelling variant was
/// needed), the overall result, and whether the person is alive — the last only when the claims
/// identify the person (a name and the date of birth, all matching), so that a client cannot learn
/// whether someone is alive from a KIDC and a guess.
/// </summary>
public sealed record VerifyAnswer(string RequestId, string Result, bool? Alive, IReadOnlyDictionary<string, ClaimResult> Claims);

/// <summary>An attribute release: <c>found</c> with the allowed attributes, or <c>no_match</c>.</summary>
public sealed record ReleaseAnswer(string RequestId, string Result, IReadOnlyDictionary<string, object?>? Attributes);

/// <summary>Why a query was not answered, as the endpoint turns it into HTTP.</summary>
internal enum Refusal
{
    None,
    Invalid,
    OutsideContract,
    OverQuota,
    NotReady,
    NotRecorded,
}

internal sealed record QueryOutcome<T>(T? Answer, Refusal Refusal, FieldErrors? Errors = null, string? Detail = null, TimeSpan? RetryAfter = null);

/// <summary>Who asks, as recorded with the query.</summary>
internal sealed record Asker(ClientContext Client, string RequestId, string? UserId, string? XRoadClient);

/// <summary>
/// The verification queries (NSPI 6.4). Order of checks: well-formed request (400) → purpose and
/// query type within the contract (403) → quota (429) → look-up → the query record written and
/// durable → the answer. A KIDC nobody holds is looked up and compared like any other, against a
/// decoy record, so its answer has the same shape and takes the same work as a mismatch.
/// </summary>
internal sealed class QueryService(
    PersonLookup persons,
    QueryLedger ledger,
    UsageMeter usage,
    ProjectionStatus projection,
    GazetteerService gazetteer,
    TimeProvider time)
{
    /// <summary>Compared against when the KIDC is unknown: the answer is then always "no_match".</summary>
    internal static readonly PersonFactsEntity Decoy = new()
    {
        PersonId = Guid.Empty, Kidc = "0000000000", Version = 0,
        SurnameKm = "\u17A2\u17B6", GivenNameKm = "\u17A2\u17B6", SurnameLatin = "-", GivenNameLatin = "-",
        SurnameKmKey = "\u17A2\u17B6", GivenNameKmKey = "\u17A2\u17B6", SurnameLatinKey = "", GivenNameLatinKey = "",
        Sex = "-", BirthYear = 0, Nationality = "--", ResidenceVillageCode = "", Alive = false,
    };

    public async Task<QueryOutcome<VerifyAnswer>> VerifyAsync(VerifyRequest request, Asker asker, string queryType, CancellationToken ct)
    {
        if (!projection.Ready)
        {
            return new(null, Refusal.NotReady);
        }

        var errors = new FieldErrors();
        var kidc = CheckKidc(request.Kidc, errors);
        var purpose = CheckPurpose(request.Purpose, errors);
        var userId = CheckUserId(request.UserId, asker, errors);
        var claims = Claims.Parse(request.Claims, errors);
        if (errors.Any)
        {
            return new(null, Refusal.Invalid, errors);
        }

        if (Outside(asker.Client.Contract, purpose!, queryType) is { } reason)
        {
            return new(null, Refusal.OutsideContract, Detail: reason);
        }

        var gate = await AdmitAsync(asker.Client.Contract, ct);
        if (gate is not null)
        {
            return new(null, Refusal.OverQuota, RetryAfter: gate);
        }

        // Admitted: the look-up and the record happen even if the client goes away now.
        var verdict = claims!.Judge(await persons.FindAsync(kidc!, CancellationToken.None));
        var recorded = await RecordAsync(asker, userId, purpose!, queryType, kidc!, verdict.Recorded, verdict.Detail, ct);
        if (!recorded)
        {
            return new(null, Refusal.NotRecorded);
        }

        return new(new VerifyAnswer(asker.RequestId, verdict.Result, verdict.Alive, verdict.Claims.ToDictionary(c => c.Key, c => c.Value)), Refusal.None);
    }

    public async Task<QueryOutcome<ReleaseAnswer>> ReleaseAsync(ReleaseRequest request, Asker asker, CancellationToken ct)
    {
        if (!projection.Ready)
        {
            return new(null, Refusal.NotReady);
        }

        var errors = new FieldErrors();
        var kidc = CheckKidc(request.Kidc, errors);
        var purpose = CheckPurpose(request.Purpose, errors);
        var userId = CheckUserId(request.UserId, asker, errors);
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

        if (Outside(contract, purpose!, QueryTypes.Attributes) is { } reason)
        {
            return new(null, Refusal.OutsideContract, Detail: reason);
        }

        var refused = wanted.Where(a => !contract.Attributes.Contains(a)).ToList();
        if (refused.Count > 0)
        {
            return new(null, Refusal.OutsideContract,
                Detail: $"The contract {contract.Reference} does not allow the attribute(s) {string.Join(", ", refused)}; it allows: {(contract.Attributes.Count == 0 ? "none" : string.Join(", ", PersonAttributes.Releasable.Where(contract.Attributes.Contains)))}.");
        }

        var gate = await AdmitAsync(contract, ct);
        if (gate is not null)
        {
            return new(null, Refusal.OverQuota, RetryAfter: gate);
        }

        // Admitted: the look-up and the record happen even if the client goes away now.
        var facts = await persons.FindAsync(kidc!, CancellationToken.None);
        var known = facts is not null;
        var released = await AttributeRelease.SelectAsync(facts ?? Decoy, wanted, contract.Attributes, gazetteer, CancellationToken.None);
        var recorded = await RecordAsync(asker, userId, purpose!, QueryTypes.Attributes, kidc!, known ? "found" : "unknown",
            known ? string.Join(',', released.Keys) : null, ct);
        if (!recorded)
        {
            return new(null, Refusal.NotRecorded);
        }

        return new(new ReleaseAnswer(asker.RequestId, known ? "found" : "no_match", known ? released : null), Refusal.None);
    }

    /// <summary>Null when admitted; otherwise the time until the quota renews.</summary>
    private async Task<TimeSpan?> AdmitAsync(ClientContract contract, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var month = UsageMeter.MonthOf(now);
        return await usage.TryAdmitAsync(contract.InstitutionId, month, contract.MonthlyQuota, 1, ct)
            ? null
            : UsageMeter.UntilNextMonth(now);
    }

    private async Task<bool> RecordAsync(Asker asker, string? userId, string purpose, string queryType, string kidc, string result, string? detail, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var contract = asker.Client.Contract;
        try
        {
            // The record is written even if the client goes away meanwhile: the look-up happened.
            await ledger.AppendAsync(new QueryRecord(now, asker.RequestId, contract.InstitutionId, asker.Client.Session.CredentialId, userId,
                purpose, queryType, kidc, result, detail, asker.XRoadClient, null, contract.PriceOf(queryType)), CancellationToken.None);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            usage.Release(contract.InstitutionId, UsageMeter.MonthOf(now), 1);
            return false;
        }
    }

    /// <summary>Why the contract does not allow this purpose or query type, or null when it does.</summary>
    internal static string? Outside(ClientContract contract, string purpose, string queryType)
    {
        if (!contract.QueryTypes.Contains(queryType))
        {
            return $"The contract {contract.Reference} does not allow '{queryType}' queries; it allows: {string.Join(", ", QueryTypes.All.Where(contract.QueryTypes.Contains))}.";
        }

        if (!contract.Purposes.Contains(purpose))
        {
            return $"The purpose '{purpose}' is not in the contract {contract.Reference}; its purposes are: {string.Join(", ", contract.Purposes.Order(StringComparer.Ordinal))}.";
        }

        return null;
    }

    internal static string? CheckKidc(string? kidc, FieldErrors errors, string field = "kidc")
    {
        var check = Nokor.Population.Contracts.KidcRule.Validate(kidc?.Trim());
        if (!check.IsValid)
        {
            errors.Add(field, check.Reason ?? "Not a valid KIDC.");
            return null;
        }

        return kidc!.Trim();
    }

    internal static string? CheckPurpose(string? purpose, FieldErrors errors)
    {
        var p = purpose?.Trim().ToLowerInvariant();
        if (!Purposes.IsWellFormed(p))
        {
            errors.Add("purpose", "State the purpose of the query, one of your contract's purpose codes (such as account-opening).");
            return null;
        }

        return p;
    }

    /// <summary>The institution's user id: the request's, else the X-Road-UserId header.</summary>
    internal static string? CheckUserId(string? userId, Asker asker, FieldErrors errors)
    {
        var id = string.IsNullOrWhiteSpace(userId) ? asker.UserId : userId.Trim();
        if (id is not null && (id.Length > 100 || id.Any(char.IsControl)))
        {
            errors.Add("userId", "The user id is at most 100 printable characters.");
            return null;
        }

        return id;
    }
}

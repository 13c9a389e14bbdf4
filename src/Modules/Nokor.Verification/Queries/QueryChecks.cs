using Microsoft.AspNetCore.Http;
using Nokor.Platform.Errors;
using Nokor.Verification.Contracts;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;

namespace Nokor.Verification.Queries;

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
/// The steps every institution query shares (NSPI 6.4; <see cref="VerifyClaims"/>,
/// <see cref="ReleaseAttributes"/>, bulk jobs). Order of checks: well-formed request (400) →
/// purpose and query type within the contract (403) → quota (429) → look-up → the query record
/// written and durable → the answer. A KIDC nobody holds is looked up and compared like any other,
/// against a decoy record, so its answer has the same shape and takes the same work as a mismatch.
/// </summary>
internal static class QueryChecks
{
    /// <summary>Compared against when the KIDC is unknown: the answer is then always "no_match".</summary>
    internal static readonly PersonFactsEntity Decoy = new()
    {
        PersonId = Guid.Empty, Kidc = "0000000000", Version = 0,
        SurnameKm = "\u17A2\u17B6", GivenNameKm = "\u17A2\u17B6", SurnameLatin = "-", GivenNameLatin = "-",
        SurnameKmKey = "\u17A2\u17B6", GivenNameKmKey = "\u17A2\u17B6", SurnameLatinKey = "", GivenNameLatinKey = "",
        Sex = "-", BirthYear = 0, Nationality = "--", ResidenceVillageCode = "", Alive = false,
    };

    /// <summary>Null when admitted; otherwise the time until the quota renews.</summary>
    public static async Task<TimeSpan?> AdmitAsync(ClientContract contract, UsageMeter usage, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var month = UsageMeter.MonthOf(now);
        return await usage.TryAdmitAsync(contract.InstitutionId, month, contract.MonthlyQuota, 1, ct)
            ? null
            : UsageMeter.UntilNextMonth(now);
    }

    public static async Task<bool> RecordAsync(
        Asker asker, string? userId, string purpose, string queryType, string kidc, string result, string? detail,
        QueryLedger ledger, UsageMeter usage, TimeProvider time, CancellationToken ct)
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

    /// <summary>The institution, its X-Road headers and the request id (the X-Road-Id when sent).</summary>
    internal static (Asker? Asker, IResult? Error) Ask(HttpContext http)
    {
        var client = (ClientContext)http.Items[ClientAuthentication.ItemKey]!;
        var errors = new FieldErrors();
        var xroad = XRoadHeaders.Read(http.Request, errors);
        if (errors.Any)
        {
            return (null, errors.ToProblem());
        }

        var requestId = xroad.Id ?? "vrf-" + Guid.NewGuid().ToString("N");
        http.Response.Headers["X-Request-Id"] = requestId;
        if (xroad.Id is not null)
        {
            http.Response.Headers[XRoadHeaders.IdHeader] = xroad.Id;
        }

        return (new Asker(client, requestId, xroad.UserId, xroad.Client), null);
    }

    internal static IResult ToHttp<T>(HttpContext http, QueryOutcome<T> outcome, Asker asker) => outcome.Refusal switch
    {
        Refusal.None => TypedResults.Ok(outcome.Answer),
        Refusal.Invalid => outcome.Errors!.ToProblem(),
        Refusal.OutsideContract => ClientProblems.Forbidden(outcome.Detail!),
        Refusal.OverQuota => ClientProblems.OverQuotaResult(http, asker.Client.Contract.MonthlyQuota, outcome.RetryAfter!.Value),
        Refusal.NotReady => ClientProblems.Unavailable(ClientProblems.NotReady, "The verification store is being built; try again shortly.", 30),
        _ => ClientProblems.Unavailable(ClientProblems.NotRecorded, "The query could not be recorded, so it was not answered; try again.", 1),
    };
}

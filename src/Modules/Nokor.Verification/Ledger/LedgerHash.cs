using System.Globalization;
using Nokor.Platform.Chains;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

/// <summary>
/// The chain over the query ledger (<c>vrf_query_records</c>), hashed by the platform's one chain
/// hash (<see cref="ChainHash"/>) like the audit chain, so that an auditor can recompute it without our code:
/// <c>Hash = lowercase-hex(SHA-256(previous ‖ canonical))</c>, <c>previous</c> the 32 raw bytes of
/// the previous record's hash (64 zeros before the first), and <c>canonical</c> these fields in
/// order, each a 4-byte big-endian length then UTF-8 bytes, null as length <c>0xFFFFFFFF</c>:
/// the tag <c>nokor.verification.v1</c>, sequence (decimal), time (Unix microseconds, decimal),
/// request id, institution id (GUID "D" format, lower case), credential id, user id, purpose, query
/// type, KIDC, result, detail, X-Road client, bulk job id, price (decimal riel).
/// </summary>
internal static class LedgerHash
{
    public const string Tag = "nokor.verification.v1";
    public static readonly string Genesis = ChainHash.Genesis;

    public static string Compute(string previousHash, QueryRecordEntity r) =>
        ChainHash.Compute(previousHash, ChainCanonical.Shared()
            .Write(Tag)
            .Write(r.Sequence.ToString(CultureInfo.InvariantCulture))
            .Write(r.AtUs.ToString(CultureInfo.InvariantCulture))
            .Write(r.RequestId)
            .Write(r.InstitutionId.ToString("D"))
            .Write(r.CredentialId?.ToString("D"))
            .Write(r.UserId)
            .Write(r.Purpose)
            .Write(r.QueryType)
            .Write(r.Kidc)
            .Write(r.Result)
            .Write(r.Detail)
            .Write(r.XRoadClient)
            .Write(r.BulkJobId?.ToString("D"))
            .Write(r.Price.ToString(CultureInfo.InvariantCulture))
            .Written);
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;

namespace Nokor.Verification.Tests;

public class LedgerHashTests
{
    private static QueryRecordEntity Record() => new()
    {
        Sequence = 7, AtUs = 1_795_000_000_123_456, RequestId = "req-1", InstitutionId = Guid.Parse("3f2c1e8a-0000-4000-8000-000000000001"),
        CredentialId = null, UserId = "teller 9", Purpose = "account-opening", QueryType = "verify", Kidc = "1143321936",
        Result = "match", Detail = "surnameKm=match", XRoadClient = "CAMDX/COM/1/KYC", BulkJobId = null, Price = 500,
        PreviousHash = LedgerHash.Genesis, Hash = "",
    };

    /// <summary>The documented canonical form, rebuilt here from the specification alone.</summary>
    private static string FromSpecification(string previous, QueryRecordEntity r)
    {
        var bytes = new List<byte>();
        void Field(string? v)
        {
            var length = new byte[4];
            if (v is null)
            {
                BinaryPrimitives.WriteUInt32BigEndian(length, 0xFFFFFFFF);
                bytes.AddRange(length);
                return;
            }

            var b = Encoding.UTF8.GetBytes(v);
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)b.Length);
            bytes.AddRange(length);
            bytes.AddRange(b);
        }

        foreach (var f in new[]
                 {
                     "nokor.verification.v1", r.Sequence.ToString(), r.AtUs.ToString(), r.RequestId, r.InstitutionId.ToString(),
                     r.CredentialId?.ToString(), r.UserId, r.Purpose, r.QueryType, r.Kidc, r.Result, r.Detail, r.XRoadClient,
                     r.BulkJobId?.ToString(), r.Price.ToString(),
                 })
        {
            Field(f);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(previous).Concat(bytes).ToArray()));
    }

    [Fact]
    public void The_hash_follows_the_documented_canonical_form()
    {
        var r = Record();
        Assert.Equal(FromSpecification(LedgerHash.Genesis, r), LedgerHash.Compute(LedgerHash.Genesis, r));
    }

    [Fact]
    public void Changing_any_field_or_the_previous_hash_changes_the_hash()
    {
        var original = LedgerHash.Compute(LedgerHash.Genesis, Record());
        var changes = new Action<QueryRecordEntity>[]
        {
            r => r.Sequence++, r => r.AtUs++, r => r.RequestId = "req-2", r => r.InstitutionId = Guid.NewGuid(), r => r.CredentialId = Guid.NewGuid(),
            r => r.UserId = null, r => r.UserId = "", r => r.Purpose = "kyc", r => r.QueryType = "bulk", r => r.Kidc = "1143321937",
            r => r.Result = "no_match", r => r.Detail = null, r => r.XRoadClient = null, r => r.BulkJobId = Guid.NewGuid(), r => r.Price = 0,
        };
        foreach (var change in changes)
        {
            var r = Record();
            change(r);
            Assert.NotEqual(original, LedgerHash.Compute(LedgerHash.Genesis, r));
        }

        Assert.NotEqual(original, LedgerHash.Compute(new string('1', 64), Record()));
    }
}

using System.Security.Cryptography;
using System.Text;
using Nokor.Platform.Audit;

namespace Nokor.Platform.Tests.Audit;

public sealed class AuditChainHashTests
{
    private static AuditEntry Sample() => new()
    {
        Sequence = 42,
        At = new DateTimeOffset(2026, 11, 23, 16, 35, 10, TimeSpan.FromHours(7)).AddTicks(1_234_567),
        ActorKind = "staff",
        ActorId = "user-7",
        ActorOffice = "0f8fad5b-d9cb-469f-a165-70867728950e",
        Action = "person.read",
        SubjectType = "person",
        SubjectId = "KH-123",
        Purpose = "ត្រួតពិនិត្យ",
        Details = null,
        PreviousHash = string.Concat(Enumerable.Repeat("ab", 32)),
        Hash = "",
    };

    [Fact]
    public void Known_answer_matches_the_documented_form()
    {
        // Computed outside .NET (Python hashlib) from the form documented on AuditChainHash.
        const string expected = "5222837d484250c59661987fc2e096efd858eff82e33e5889de23e44115dc00d";
        var entry = Sample();

        Assert.Equal(expected, AuditChainHash.Compute(entry.PreviousHash, entry));
    }

    [Fact]
    public void Known_answer_recomputed_here_from_the_documented_form()
    {
        var entry = Sample();
        entry.ActorOffice = null;
        entry.Details = "{\"k\":1}";

        var canonical = new List<byte>();
        foreach (var field in new[]
                 {
                     "nokor.audit.v1", "42", "2026-11-23T09:35:10.123456Z", "staff", "user-7", null,
                     "person.read", "person", "KH-123", "ត្រួតពិនិត្យ", "{\"k\":1}",
                 })
        {
            if (field is null)
            {
                canonical.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(field);
            canonical.AddRange([(byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length]);
            canonical.AddRange(bytes);
        }

        var expected = Convert.ToHexStringLower(SHA256.HashData([.. new byte[32], .. canonical]));

        Assert.Equal([.. canonical], AuditChainHash.Canonical(entry));
        Assert.Equal(expected, AuditChainHash.Compute(AuditChainHash.Genesis, entry));
        Assert.Equal("ad56d78d9412a7fb6c2dec82e41a5b596e07adc7988b42caff55ccc91a25c064", expected);
    }

    [Fact]
    public void Hash_is_deterministic_and_depends_on_every_field()
    {
        var baseline = AuditChainHash.Compute(AuditChainHash.Genesis, Sample());
        Assert.Equal(baseline, AuditChainHash.Compute(AuditChainHash.Genesis, Sample()));
        Assert.Matches("^[0-9a-f]{64}$", baseline);

        var variants = new Action<AuditEntry>[]
        {
            e => e.Sequence = 43,
            e => e.At = e.At.AddTicks(10),
            e => e.ActorKind = "system",
            e => e.ActorId = "user-8",
            e => e.ActorOffice = null,
            e => e.ActorOffice = "",
            e => e.Action = "person.update",
            e => e.SubjectType = "persons",
            e => e.SubjectId = "KH-124",
            e => e.Purpose = "other",
            e => e.Details = "",
        };
        var hashes = new HashSet<string> { baseline };
        foreach (var change in variants)
        {
            var entry = Sample();
            change(entry);
            Assert.True(hashes.Add(AuditChainHash.Compute(AuditChainHash.Genesis, entry)));
        }

        Assert.NotEqual(baseline, AuditChainHash.Compute(Sample().PreviousHash, Sample()));
    }

    [Fact]
    public void Field_boundaries_are_unambiguous()
    {
        var a = Sample();
        a.SubjectType = "person";
        a.SubjectId = "KH-1";
        var b = Sample();
        b.SubjectType = "personK";
        b.SubjectId = "H-1";

        Assert.NotEqual(AuditChainHash.Canonical(a), AuditChainHash.Canonical(b));
    }

    [Fact]
    public void Timestamps_are_truncated_to_microseconds_in_utc()
    {
        var at = new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.FromHours(7)).AddTicks(9_999_999);
        var truncated = AuditChainHash.Truncate(at);

        Assert.Equal(TimeSpan.Zero, truncated.Offset);
        Assert.Equal(0, truncated.UtcTicks % 10);
        Assert.Equal("2026-01-02T03:00:00.999999Z", AuditChainHash.FormatTimestamp(at));
        Assert.Equal(AuditChainHash.FormatTimestamp(truncated), AuditChainHash.FormatTimestamp(at));
    }
}

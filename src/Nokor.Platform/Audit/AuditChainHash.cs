using System.Globalization;
using Nokor.Platform.Chains;

namespace Nokor.Platform.Audit;

/// <summary>
/// The canonical form of an audit entry and the chain hash over it, specified here so that a
/// verifier outside the platform (an auditor's own script, the Senate's oversight committee) can
/// recompute every hash from a copy of the <c>audit_entries</c> table without our code.
/// </summary>
/// <remarks>
/// <para><b>Hash.</b> <c>Hash = lowercase-hex( SHA-256( previous ‖ canonical ) )</c>, where
/// <c>previous</c> is the 32 raw bytes of the previous entry's hash (the 64 hex characters of
/// <see cref="AuditEntry.PreviousHash"/> decoded), and <c>canonical</c> is the byte string below.
/// The first entry (sequence 1) has <see cref="Genesis"/> (64 zeros, i.e. 32 zero bytes) as its
/// previous hash. Each entry's <see cref="AuditEntry.PreviousHash"/> must equal the
/// <see cref="AuditEntry.Hash"/> of the entry with the sequence one lower; sequences start at 1
/// and have no gaps.</para>
/// <para><b>Canonical form.</b> Eleven fields in this fixed order, each written as a 4-byte
/// unsigned big-endian length followed by that many bytes of UTF-8 (no BOM, no normalization:
/// the stored text exactly). A null field is written as the length <c>0xFFFFFFFF</c> with no bytes,
/// so null and the empty string differ. Fields:</para>
/// <list type="number">
/// <item>the format tag, the ASCII text <c>nokor.audit.v1</c>;</item>
/// <item>sequence, in decimal ASCII digits without sign or leading zeros (e.g. <c>42</c>);</item>
/// <item>timestamp, in UTC as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> (always six fractional digits,
/// e.g. <c>2026-11-23T09:35:10.123456Z</c>). Timestamps are truncated to whole microseconds
/// before they are hashed and stored, because PostgreSQL keeps no finer precision;</item>
/// <item>actor kind; 5. actor id; 6. actor office (nullable);</item>
/// <item>action; 8. subject type; 9. subject id; 10. purpose;</item>
/// <item>details (nullable).</item>
/// </list>
/// <para>Example: sequence 1 is written as the bytes <c>00 00 00 01 31</c>; a null office as
/// <c>FF FF FF FF</c>.</para>
/// </remarks>
public static class AuditChainHash
{
    /// <summary>The format tag, the first canonical field; a new canonical form gets a new tag.</summary>
    public const string FormatTag = "nokor.audit.v1";

    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static readonly string Genesis = ChainHash.Genesis;

    public const string TimestampFormat = "yyyy-MM-dd'T'HH':'mm':'ss'.'ffffff'Z'";

    /// <summary>Drops sub-microsecond ticks and converts to UTC, the precision every provider stores.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utcTicks = at.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % 10), TimeSpan.Zero);
    }

    public static string FormatTimestamp(DateTimeOffset at) =>
        Truncate(at).UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The canonical byte string of an entry (everything but its two hashes).</summary>
    public static byte[] Canonical(AuditEntry entry) => Write(entry).ToArray();

    /// <summary>The hash an entry must carry, given the hash of the entry before it (<see cref="ChainHash"/>).</summary>
    public static string Compute(string previousHash, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        return ChainHash.Compute(previousHash, Write(entry).Written);
    }

    private static ChainCanonical Write(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ChainCanonical.Shared()
            .Write(FormatTag)
            .Write(entry.Sequence.ToString(CultureInfo.InvariantCulture))
            .Write(FormatTimestamp(entry.At))
            .Write(entry.ActorKind)
            .Write(entry.ActorId)
            .Write(entry.ActorOffice)
            .Write(entry.Action)
            .Write(entry.SubjectType)
            .Write(entry.SubjectId)
            .Write(entry.Purpose)
            .Write(entry.Details);
    }
}

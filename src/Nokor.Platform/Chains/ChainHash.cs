using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Nokor.Platform.Chains;

/// <summary>
/// The one hash of every hash chain the platform keeps (the audit log, the verification query
/// ledger), specified so that an auditor can recompute it without our code:
/// <c>Hash = lowercase-hex( SHA-256( previous ‖ canonical ) )</c>, where <c>previous</c> is the 32
/// raw bytes of the previous record's hash (the 64 hex characters decoded; <see cref="Genesis"/>,
/// 64 zeros, before the first record) and <c>canonical</c> the record's canonical bytes, written
/// with <see cref="ChainCanonical"/>. Each chain documents its own fields and format tag.
/// </summary>
public static class ChainHash
{
    /// <summary>The previous hash of a chain's first record: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash a record must carry, given the hash of the record before it and the record's canonical bytes.</summary>
    public static string Compute(string previousHash, ReadOnlySpan<byte> canonical)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        Span<byte> previous = stackalloc byte[32];
        if (!TryParse(previousHash, previous))
        {
            throw new ArgumentException("A chain hash is 64 hexadecimal characters.", nameof(previousHash));
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previous);
        sha.AppendData(canonical);
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Decodes a 64-character hex hash into 32 bytes; false when it is not one.</summary>
    public static bool TryParse(string hash, Span<byte> bytes) =>
        hash.Length == 64 && bytes.Length >= 32
        && Convert.FromHexString(hash, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;
}

/// <summary>
/// A record's canonical bytes: fields in a fixed order, each a 4-byte unsigned big-endian length
/// followed by that many bytes of UTF-8 (no BOM, no normalization: the stored text exactly); a null
/// field is the length <c>0xFFFFFFFF</c> with no bytes, so null and the empty string differ.
/// </summary>
public sealed class ChainCanonical
{
    private const uint NullLength = uint.MaxValue;

    [ThreadStatic]
    private static ChainCanonical? _cached;

    private byte[] _bytes;
    private int _count;

    public ChainCanonical(int capacity = 256) => _bytes = new byte[Math.Max(16, capacity)];

    /// <summary>
    /// An empty buffer of this thread, reused so that hashing a record allocates nothing but its
    /// hash text; use it only until the next call on the same thread.
    /// </summary>
    public static ChainCanonical Shared()
    {
        var buffer = _cached ??= new ChainCanonical(512);
        buffer._count = 0;
        return buffer;
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _count);

    /// <summary>Appends one field.</summary>
    public ChainCanonical Write(string? value)
    {
        var length = Reserve(4);
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, NullLength);
            return this;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)count);
        Encoding.UTF8.GetBytes(value, Reserve(count));
        return this;
    }

    public byte[] ToArray() => Written.ToArray();

    private Span<byte> Reserve(int size)
    {
        if (_count + size > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _count + size));
        }

        var span = _bytes.AsSpan(_count, size);
        _count += size;
        return span;
    }
}

/// <summary>
/// Links a batch onto a chain's tail: numbers each record (one more than the one before), gives it
/// the previous hash, and notes every record that closed a checkpoint period
/// (<see cref="ChainCheckpoints.ClosesPeriod"/>) so the batch can store that period's checkpoint
/// in the same transaction.
/// </summary>
public sealed class ChainLinks(long sequence, string previousHash, DateTimeOffset previousAt, int periodMinutes)
{
    /// <summary>The sequence of the last record linked (the tail's before the first).</summary>
    public long Sequence { get; private set; } = sequence;

    /// <summary>The hash of the last record linked: the next record's previous hash.</summary>
    public string Previous { get; private set; } = previousHash;

    /// <summary>The time of the last record linked.</summary>
    public DateTimeOffset PreviousAt { get; private set; } = previousAt;

    /// <summary>Records (sequence, hash) each of which was the last of its period, the batch starting a later one.</summary>
    public List<(long Sequence, string Hash)> Closing { get; } = [];

    /// <summary>The sequence of the next record, made at <paramref name="at"/>; its previous hash is <see cref="Previous"/>.</summary>
    public long Next(DateTimeOffset at)
    {
        if (Sequence > 0 && ChainCheckpoints.ClosesPeriod(PreviousAt, at, periodMinutes))
        {
            Closing.Add((Sequence, Previous));
        }

        PreviousAt = at;
        return ++Sequence;
    }

    /// <summary>Records the hash of the record just numbered by <see cref="Next"/>; returns it.</summary>
    public string Linked(string hash)
    {
        Previous = hash;
        return hash;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

/// <summary>
/// The chain over the query ledger (<c>vrf_query_records</c>), built like the platform audit chain
/// so that an auditor can recompute it without our code:
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
    public static readonly string Genesis = new('0', 64);

    public static string Compute(string previousHash, QueryRecordEntity r)
    {
        var buffer = new ArrayBufferWriterLite(512);
        Write(buffer, Tag);
        Write(buffer, r.Sequence.ToString(CultureInfo.InvariantCulture));
        Write(buffer, r.AtUs.ToString(CultureInfo.InvariantCulture));
        Write(buffer, r.RequestId);
        Write(buffer, r.InstitutionId.ToString("D"));
        Write(buffer, r.CredentialId?.ToString("D"));
        Write(buffer, r.UserId);
        Write(buffer, r.Purpose);
        Write(buffer, r.QueryType);
        Write(buffer, r.Kidc);
        Write(buffer, r.Result);
        Write(buffer, r.Detail);
        Write(buffer, r.XRoadClient);
        Write(buffer, r.BulkJobId?.ToString("D"));
        Write(buffer, r.Price.ToString(CultureInfo.InvariantCulture));

        if (previousHash.Length != 64)
        {
            throw new InvalidOperationException("The previous hash is not 64 hex digits.");
        }

        var input = Convert.FromHexString(previousHash);

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(input);
        sha.AppendData(buffer.Written);
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    private static void Write(ArrayBufferWriterLite buffer, string? value)
    {
        var length = buffer.Reserve(4);
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)count);
        Encoding.UTF8.GetBytes(value, buffer.Reserve(count));
    }

    /// <summary>A growable byte buffer handing out spans to fill.</summary>
    private sealed class ArrayBufferWriterLite(int capacity)
    {
        private byte[] _bytes = new byte[capacity];
        private int _count;

        public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _count);

        public Span<byte> Reserve(int size)
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
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nokor.Platform.Signing;

namespace Nokor.Platform.Chains;

/// <summary>Why a witness file was refused.</summary>
public enum ChainHeadProblem
{
    /// <summary>Not a witness at all: too large, not JSON, fields missing.</summary>
    Malformed,

    /// <summary>Its token does not verify with the platform's keys, or its fields differ from what the token signs: forged or edited.</summary>
    NotGenuine,

    /// <summary>A genuine witness of another chain (an audit head given to the ledger, or the reverse).</summary>
    WrongChain,
}

/// <summary>
/// The signed head of a chain, the witness an operator keeps outside the database
/// (<c>nokor audit export-head</c>) and institutions pin (<c>GET /api/audit/head</c>):
/// <code>
/// { "chain": "audit", "checkpoint": 12, "sequence": 4711, "hash": "9f…", "signedAt": "2026-12-07T11:30:00+00:00",
///   "checkpointDigest": "…", "previousCheckpoint": "…", "keyId": "3f9a0c21d4e5b687", "token": "NKC1.…" }
/// </code>
/// The token is the checkpoint itself (<see cref="ChainCheckpoints"/>); the other fields repeat what
/// it signs so that a person can read them, and a witness whose fields differ from its token is
/// refused. Nothing in it names a person.
/// </summary>
public sealed record ChainHead(
    [property: JsonPropertyName("chain")] string Chain,
    [property: JsonPropertyName("checkpoint")] long Checkpoint,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("signedAt")] DateTimeOffset SignedAt,
    [property: JsonPropertyName("checkpointDigest")] string CheckpointDigest,
    [property: JsonPropertyName("previousCheckpoint")] string PreviousCheckpoint,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("token")] string Token)
{
    /// <summary>A witness file is a few hundred bytes; anything over this is refused unread.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        MaxDepth = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The witness of a chained checkpoint.</summary>
    public static ChainHead From(string chain, StoredCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.Number is not { } number || checkpoint.Previous is null)
        {
            throw new ArgumentException("Only a chained checkpoint can be a witness.", nameof(checkpoint));
        }

        SignedToken.TryReadKeyId(checkpoint.Token, out var keyId, out _);
        return new ChainHead(chain, number, checkpoint.Sequence, checkpoint.Hash, checkpoint.At, checkpoint.Digest, checkpoint.Previous, keyId, checkpoint.Token);
    }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>
    /// Reads a witness and checks it: at most <see cref="MaxBytes"/>, its token signed by one of
    /// <paramref name="keys"/> (old keys included), every field equal to what the token signs, and
    /// of the chain <paramref name="chain"/>. Never throws for bad input.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, string chain, PublicKeySet keys, out ChainHead? head, out ChainHeadProblem problem, out string error)
    {
        ArgumentNullException.ThrowIfNull(keys);
        head = null;
        problem = ChainHeadProblem.Malformed;
        if (json.Length > MaxBytes)
        {
            error = $"the witness is larger than {MaxBytes / 1024} KiB: it is not a witness file";
            return false;
        }

        ChainHead? read;
        try
        {
            read = JsonSerializer.Deserialize<ChainHead>(json, s_json);
        }
        catch (JsonException ex)
        {
            error = $"the witness is not valid JSON ({ex.Message})";
            return false;
        }

        if (read is null || read.Token is null || read.Hash is null || read.Chain is null || read.PreviousCheckpoint is null || read.CheckpointDigest is null)
        {
            error = "the witness lacks one of chain, checkpoint, sequence, hash, checkpointDigest, previousCheckpoint, token";
            return false;
        }

        problem = ChainHeadProblem.NotGenuine;
        if (!SignedToken.TryVerify(read.Token, keys, out var bytes, out var tokenError))
        {
            error = $"the witness's signature does not verify with the platform's keys: {tokenError}";
            return false;
        }

        if (CheckpointPayload.TryRead(bytes) is not { Version: ChainCheckpoints.Version } payload || payload.Chain is null || payload.Previous is null)
        {
            error = "the witness's token is not a chained checkpoint";
            return false;
        }

        SignedToken.TryReadKeyId(read.Token, out var keyId, out _);
        if (payload.Chain != read.Chain || payload.Number != read.Checkpoint || payload.Sequence != read.Sequence ||
            payload.Hash != read.Hash || payload.At != read.SignedAt || payload.Previous != read.PreviousCheckpoint ||
            ChainCheckpoints.Digest(read.Token) != read.CheckpointDigest || keyId != read.KeyId)
        {
            error = "the witness's fields differ from what its token signs: it was edited";
            return false;
        }

        if (read.Chain != chain)
        {
            problem = ChainHeadProblem.WrongChain;
            error = $"the witness is the head of the '{read.Chain}' chain, not of '{chain}'";
            return false;
        }

        head = read;
        error = "";
        return true;
    }

    /// <summary>As <see cref="TryRead(ReadOnlySpan{byte}, string, PublicKeySet, out ChainHead?, out ChainHeadProblem, out string)"/> for text.</summary>
    public static bool TryRead(string json, string chain, PublicKeySet keys, out ChainHead? head, out ChainHeadProblem problem, out string error) =>
        TryRead(Encoding.UTF8.GetBytes(json ?? ""), chain, keys, out head, out problem, out error);
}

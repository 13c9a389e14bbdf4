using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Nokor.Platform.Signing;

namespace Nokor.Platform.Chains;

/// <summary>
/// A checkpoint as stored: a signed statement that a hash chain held entry <see cref="Sequence"/>
/// with hash <see cref="Hash"/> at <see cref="At"/>. <see cref="Number"/> and <see cref="Previous"/>
/// are null for a legacy (unchained, version 1) audit checkpoint.
/// </summary>
public sealed record StoredCheckpoint(long? Number, long Sequence, string Hash, DateTimeOffset At, string? Previous, string Token)
{
    /// <summary>The checkpoint's own digest, which the next checkpoint names as its previous one.</summary>
    public string Digest => ChainCheckpoints.Digest(Token);
}

/// <summary>
/// Chained checkpoints over a hash chain (the audit log, the verification query ledger). Each
/// checkpoint is a <see cref="SignedToken"/> over the JSON payload
/// <c>{"v":2,"c":chain,"n":number,"s":sequence,"h":hash,"a":signedAt,"p":previousDigest,"m":periodMinutes}</c>:
/// checkpoints are numbered 1, 2, 3… without gaps, and each names the digest (lower-case hex SHA-256
/// of the ASCII token) of the checkpoint before it (64 zeros before the first, or the digest of the
/// newest legacy checkpoint). A checkpoint deleted from the middle therefore breaks the chain of
/// checkpoints, one deleted from its end leaves a period without one (see <see cref="CheckpointWalk"/>),
/// and the newest one, kept outside the database (<see cref="ChainHead"/>), pins the whole history.
/// </summary>
public static class ChainCheckpoints
{
    public const int Version = 2;

    /// <summary>The previous digest of the first checkpoint of a chain without legacy checkpoints.</summary>
    public static readonly string Genesis = new('0', 64);

    public const int DefaultPeriodMinutes = 5;
    public const int MaxPeriodMinutes = 24 * 60;

    /// <summary>The lower-case hex SHA-256 of the token's ASCII text.</summary>
    public static string Digest(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    /// <summary>
    /// The checkpoint period in minutes from configuration (<paramref name="key"/>, default 5,
    /// between 1 and 1440). Every process writing to one chain must use the same value.
    /// </summary>
    public static int PeriodMinutes(IConfiguration? configuration, string key)
    {
        var minutes = configuration?.GetValue(key, DefaultPeriodMinutes) ?? DefaultPeriodMinutes;
        return Math.Clamp(minutes, 1, MaxPeriodMinutes);
    }

    /// <summary>The number of the period an instant falls in: periods are <paramref name="minutes"/> long, counted from the Unix epoch in UTC.</summary>
    public static long Period(DateTimeOffset at, int minutes) =>
        (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (minutes * TimeSpan.TicksPerMinute);

    /// <summary>The start of a period, for messages.</summary>
    public static DateTimeOffset PeriodStart(long period, int minutes) =>
        DateTimeOffset.UnixEpoch.AddTicks(period * minutes * TimeSpan.TicksPerMinute);

    /// <summary>
    /// Whether the entry before an entry at <paramref name="next"/> closed a period, so that it
    /// must carry a checkpoint: the writer makes one then, and the verifier requires it.
    /// </summary>
    public static bool ClosesPeriod(DateTimeOffset previous, DateTimeOffset next, int minutes) =>
        Period(next, minutes) > Period(previous, minutes);

    /// <summary>
    /// Signs the next checkpoint after <paramref name="last"/> (the newest stored checkpoint, chained
    /// or legacy, or null for the first). <paramref name="now"/> is truncated to whole seconds.
    /// </summary>
    public static StoredCheckpoint Sign(
        SigningKeyRing keys, string chain, StoredCheckpoint? last, long sequence, string hash, DateTimeOffset now, int periodMinutes)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrEmpty(chain);
        if (last is not null && sequence <= last.Sequence)
        {
            throw new InvalidOperationException($"A checkpoint of entry {sequence} cannot follow one of entry {last.Sequence}.");
        }

        var number = (last?.Number ?? 0) + 1;
        var previous = last?.Digest ?? Genesis;
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var payload = new CheckpointPayload(Version, chain, number, sequence, hash, at, previous, periodMinutes);
        return new StoredCheckpoint(number, sequence, hash, at, previous, keys.Sign(payload.ToBytes()));
    }
}

/// <summary>The signed content of a checkpoint; a legacy audit checkpoint has only s, h and a (version 0 here).</summary>
internal sealed record CheckpointPayload(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("c")] string? Chain,
    [property: JsonPropertyName("n")] long Number,
    [property: JsonPropertyName("s")] long Sequence,
    [property: JsonPropertyName("h")] string Hash,
    [property: JsonPropertyName("a")] DateTimeOffset At,
    [property: JsonPropertyName("p")] string? Previous,
    [property: JsonPropertyName("m")] int PeriodMinutes)
{
    private static readonly JsonSerializerOptions s_json = new() { MaxDepth = 4 };

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, s_json));

    public static CheckpointPayload? TryRead(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointPayload>(bytes, s_json) is { Hash: not null } payload ? payload : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

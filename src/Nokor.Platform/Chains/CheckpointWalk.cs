using System.Globalization;
using Nokor.Platform.Signing;

namespace Nokor.Platform.Chains;

/// <summary>How the checkpoints of a chain fail to hold.</summary>
public enum CheckpointFault
{
    /// <summary>A checkpoint's signature does not verify, or its row differs from what it signs.</summary>
    Forged,

    /// <summary>The chain of checkpoints has a gap or a wrong link: a checkpoint was deleted or replaced.</summary>
    ChainBroken,

    /// <summary>An entry's hash is not the one a checkpoint signed: the chain was rewritten.</summary>
    Mismatch,

    /// <summary>A checkpoint names an entry the chain no longer has: entries were deleted from its end.</summary>
    Truncated,

    /// <summary>A period that had entries ended without a checkpoint: checkpoints were deleted (and the chain after them perhaps rewritten).</summary>
    PeriodWithoutCheckpoint,

    /// <summary>The witnessed head is not in the database's history: rewritten or truncated.</summary>
    WitnessNotInHistory,
}

/// <summary>A fault found by <see cref="CheckpointWalk"/>: the entry sequence and, where one is involved, the checkpoint number.</summary>
public sealed record CheckpointProblem(CheckpointFault Fault, long Sequence, long? Checkpoint, string Reason);

/// <summary>
/// The checkpoint rules a chain verifier applies while it walks its entries in sequence order,
/// shared by the audit chain and the verification query ledger:
/// <list type="number">
/// <item>every checkpoint verifies with the platform's keys (old keys too) and its row is what it signs;</item>
/// <item>chained checkpoints are numbered 1, 2, 3… without a gap, each names the digest of the one
/// before it, and the entries they hold have increasing sequences;</item>
/// <item>every entry a checkpoint holds is present with the hash it signed;</item>
/// <item>the period rule: whenever an entry's time falls in a later period (of the minutes the
/// next checkpoint signs; the configured minutes after the last one) than the entry before it, that
/// entry before closed its period and a checkpoint must hold it. Entries in the newest period are
/// the open tail and need none yet. The rule starts at the first chained checkpoint (before it, at
/// the newest legacy checkpoint), so that a database from before chained checkpoints verifies;</item>
/// <item>with a witness: the entry it names is present with its hash, and the checkpoint it is is
/// still stored.</item>
/// </list>
/// </summary>
public sealed class CheckpointWalk
{
    private readonly List<StoredCheckpoint> _chained;
    private readonly Dictionary<long, StoredCheckpoint> _bySequence;
    private readonly Dictionary<long, int> _periodOf;
    private readonly int _tailPeriod;
    private readonly long _ruleStart;
    private readonly ChainHead? _witness;
    private readonly long _maxSequence;
    private int _nextChained;
    private long _previousSequence;
    private DateTimeOffset _previousAt;

    private CheckpointWalk(List<StoredCheckpoint> chained, List<StoredCheckpoint> legacy, Dictionary<long, int> periodOf, int tailPeriod, ChainHead? witness)
    {
        _chained = chained;
        _periodOf = periodOf;
        _tailPeriod = tailPeriod;
        _witness = witness;
        _bySequence = chained.Concat(legacy).ToDictionary(c => c.Sequence);
        _ruleStart = chained.Count > 0 ? chained[0].Sequence : legacy.Count > 0 ? legacy[^1].Sequence : 0;
        _maxSequence = _bySequence.Count > 0 ? _bySequence.Keys.Max() : 0;
    }

    /// <summary>Chained checkpoints that hold (all of them when the walk succeeds).</summary>
    public int ChainedCount => _chained.Count;

    /// <summary>
    /// Checks the checkpoints themselves (rules 1 and 2) and prepares the walk. Returns null with
    /// the problem when they do not hold.
    /// </summary>
    /// <param name="chain">The chain's name signed into its checkpoints (<c>audit</c>, <c>verification</c>).</param>
    /// <param name="stored">Every stored checkpoint, in any order.</param>
    /// <param name="keys">The platform's public keys.</param>
    /// <param name="tailPeriodMinutes">The configured period, for entries after the last checkpoint.</param>
    /// <param name="witness">A witness already read with <see cref="ChainHead.TryRead(string, string, PublicKeySet, out ChainHead?, out ChainHeadProblem, out string)"/>, or null.</param>
    /// <param name="problem">The first problem, when null is returned.</param>
    public static CheckpointWalk? Start(
        string chain, IEnumerable<StoredCheckpoint> stored, PublicKeySet keys, int tailPeriodMinutes, ChainHead? witness, out CheckpointProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(keys);
        var chained = new List<StoredCheckpoint>();
        var legacy = new List<StoredCheckpoint>();
        var periodOf = new Dictionary<long, int>();
        foreach (var checkpoint in stored.OrderBy(c => c.Number ?? long.MinValue).ThenBy(c => c.Sequence))
        {
            var name = checkpoint.Number is { } n ? $"checkpoint {Number(n)} (of entry {Number(checkpoint.Sequence)})" : $"the legacy checkpoint of entry {Number(checkpoint.Sequence)}";
            if (!SignedToken.TryVerify(checkpoint.Token, keys, out var bytes, out var error) || CheckpointPayload.TryRead(bytes) is not { } payload)
            {
                problem = new CheckpointProblem(CheckpointFault.Forged, checkpoint.Sequence, checkpoint.Number,
                    $"{name} is not signed by the platform's keys{(error.Length > 0 ? $" ({error})" : "")}: forged or edited");
                return null;
            }

            var matches = checkpoint.Number is null
                ? payload.Version == 0 && payload.Sequence == checkpoint.Sequence && payload.Hash == checkpoint.Hash
                : payload.Version == ChainCheckpoints.Version && payload.Chain == chain && payload.Number == checkpoint.Number &&
                  payload.Sequence == checkpoint.Sequence && payload.Hash == checkpoint.Hash && payload.Previous == checkpoint.Previous &&
                  payload.PeriodMinutes is >= 1 and <= ChainCheckpoints.MaxPeriodMinutes;
            if (!matches)
            {
                problem = new CheckpointProblem(CheckpointFault.Forged, checkpoint.Sequence, checkpoint.Number,
                    $"{name} differs from what its signature covers: edited, or taken from another chain");
                return null;
            }

            if (checkpoint.Number is null)
            {
                legacy.Add(checkpoint);
            }
            else
            {
                chained.Add(checkpoint);
                periodOf[checkpoint.Sequence] = payload.PeriodMinutes;
            }
        }

        var previous = legacy.Count > 0 ? legacy[^1] : null;
        for (var i = 0; i < chained.Count; i++)
        {
            var checkpoint = chained[i];
            if (checkpoint.Number != i + 1)
            {
                var missing = checkpoint.Number - 1 == i + 1 ? $"checkpoint {Number(i + 1)} is missing" : $"checkpoints {Number(i + 1)} to {Number(checkpoint.Number!.Value - 1)} are missing";
                problem = new CheckpointProblem(CheckpointFault.ChainBroken, previous?.Sequence + 1 ?? 1, i + 1,
                    $"{missing} from the chain of checkpoints (the next is {Number(checkpoint.Number!.Value)}, of entry {Number(checkpoint.Sequence)}): deleted");
                return null;
            }

            var expected = previous?.Digest ?? ChainCheckpoints.Genesis;
            if (checkpoint.Previous != expected || (previous is not null && checkpoint.Sequence <= previous.Sequence))
            {
                var before = previous is null ? "no checkpoint" : previous.Number is { } p ? $"checkpoint {Number(p)}" : $"the legacy checkpoint of entry {Number(previous.Sequence)}";
                problem = new CheckpointProblem(CheckpointFault.ChainBroken, checkpoint.Sequence, checkpoint.Number,
                    $"checkpoint {Number(checkpoint.Number!.Value)} does not follow {before} as stored: a checkpoint before it was deleted or replaced");
                return null;
            }

            previous = checkpoint;
        }

        if (witness is not null)
        {
            var storedWitness = chained.FirstOrDefault(c => c.Number == witness.Checkpoint);
            if (storedWitness is null || storedWitness.Digest != witness.CheckpointDigest)
            {
                problem = new CheckpointProblem(CheckpointFault.WitnessNotInHistory, witness.Sequence, witness.Checkpoint,
                    $"the witnessed checkpoint {Number(witness.Checkpoint)} (of entry {Number(witness.Sequence)}, signed {Time(witness.SignedAt)}) " +
                    (storedWitness is null ? "is no longer in the database: checkpoints were deleted" : "differs from the one stored under that number: checkpoints were replaced"));
                return null;
            }
        }

        problem = null;
        return new CheckpointWalk(chained, legacy, periodOf, Math.Clamp(tailPeriodMinutes, 1, ChainCheckpoints.MaxPeriodMinutes), witness);
    }

    /// <summary>
    /// The next entry of the walk, after its hash chain link was verified; entries come in sequence
    /// order without gaps. Returns the first problem it shows.
    /// </summary>
    public CheckpointProblem? Entry(long sequence, string hash, DateTimeOffset at)
    {
        if (_bySequence.TryGetValue(sequence, out var checkpoint) && !string.Equals(checkpoint.Hash, hash, StringComparison.Ordinal))
        {
            var which = checkpoint.Number is { } n ? $"checkpoint {Number(n)}" : "a legacy checkpoint";
            return new CheckpointProblem(CheckpointFault.Mismatch, sequence, checkpoint.Number,
                $"its hash is not the one {which} signed at {Time(checkpoint.At)}: the chain was rewritten from here or before");
        }

        if (_witness is not null && sequence == _witness.Sequence && !string.Equals(_witness.Hash, hash, StringComparison.Ordinal))
        {
            return new CheckpointProblem(CheckpointFault.WitnessNotInHistory, sequence, _witness.Checkpoint,
                $"its hash is not the one the witness (checkpoint {Number(_witness.Checkpoint)}, signed {Time(_witness.SignedAt)}) holds: the history was rewritten");
        }

        while (_nextChained < _chained.Count && _chained[_nextChained].Sequence < sequence - 1)
        {
            _nextChained++;
        }

        if (_previousSequence > 0 && _previousSequence >= _ruleStart)
        {
            var minutes = _nextChained < _chained.Count ? _periodOf[_chained[_nextChained].Sequence] : _tailPeriod;
            if (ChainCheckpoints.ClosesPeriod(_previousAt, at, minutes) && !_bySequence.ContainsKey(_previousSequence))
            {
                var period = ChainCheckpoints.Period(_previousAt, minutes);
                var start = ChainCheckpoints.PeriodStart(period, minutes);
                var last = _chained.LastOrDefault(c => c.Sequence < _previousSequence);
                var held = last is null ? "no checkpoint holds an entry before it" : $"the last checkpoint before it is checkpoint {Number(last.Number!.Value)}, of entry {Number(last.Sequence)}";
                return new CheckpointProblem(CheckpointFault.PeriodWithoutCheckpoint, _previousSequence, null,
                    $"entry {Number(_previousSequence)} closed the period {Time(start)}–{Time(start.AddMinutes(minutes))} but no signed checkpoint holds it " +
                    $"({held}): checkpoints were deleted, and the entries after the last one may have been rewritten");
            }
        }

        _previousSequence = sequence;
        _previousAt = at;
        return null;
    }

    /// <summary>After the last entry (<paramref name="lastSequence"/>, 0 for an empty chain): checkpoints or a witness beyond it.</summary>
    public CheckpointProblem? End(long lastSequence)
    {
        if (_maxSequence > lastSequence)
        {
            var checkpoint = _bySequence[_maxSequence];
            var which = checkpoint.Number is { } n ? $"checkpoint {Number(n)}" : "a legacy checkpoint";
            return new CheckpointProblem(CheckpointFault.Truncated, lastSequence + 1, checkpoint.Number,
                $"entries {Number(lastSequence + 1)} to {Number(_maxSequence)} are missing from the end of the chain, which {which} signed at " +
                $"{Time(checkpoint.At)} holds: deleted");
        }

        if (_witness is not null && _witness.Sequence > lastSequence)
        {
            return new CheckpointProblem(CheckpointFault.WitnessNotInHistory, lastSequence + 1, _witness.Checkpoint,
                $"the chain ends at entry {Number(lastSequence)} but the witness (checkpoint {Number(_witness.Checkpoint)}) holds entry {Number(_witness.Sequence)}: truncated");
        }

        return null;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z";
}

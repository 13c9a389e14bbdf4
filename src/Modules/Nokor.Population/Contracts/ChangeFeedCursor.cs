namespace Nokor.Population.Contracts;

/// <summary>
/// How far a reader of <see cref="IPersonChangeFeed"/> may move its position after reading a page.
/// A gap in the positions may be a transaction still open (its row will appear) or one rolled back
/// (it never will): the position stays before a gap until the gap has been open for the patience
/// given, and the rows past it are applied already (readers apply facts by version, so applying
/// a row twice is harmless). One cursor per reader; not thread-safe.
/// </summary>
public sealed class ChangeFeedCursor(TimeSpan gapPatience)
{
    private readonly Dictionary<long, DateTimeOffset> _gapsSeen = [];

    /// <summary>The position after <paramref name="changes"/> (in feed order), read from <paramref name="position"/> at <paramref name="now"/>.</summary>
    public long Advance(long position, IReadOnlyList<PersonChange> changes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (change.Position == position + 1)
            {
                position = change.Position;
                continue;
            }

            // Positions position+1 .. change.Position-1 are missing.
            var missing = position + 1;
            if (!_gapsSeen.TryGetValue(missing, out var since))
            {
                _gapsSeen[missing] = now;
                break;
            }

            if (now - since < gapPatience)
            {
                break;
            }

            _gapsSeen.Remove(missing);
            position = change.Position;
        }

        foreach (var old in _gapsSeen.Keys.Where(k => k <= position).ToList())
        {
            _gapsSeen.Remove(old);
        }

        return position;
    }

    /// <summary>Forgets the gaps seen (after the reader rebuilt its store from a snapshot).</summary>
    public void Clear() => _gapsSeen.Clear();
}

using Nokor.Population.Contracts;

namespace Nokor.Population.Tests.Persons;

/// <summary>A reader of the change feed waits behind a gap for a while, then passes it.</summary>
public sealed class ChangeFeedCursorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static List<PersonChange> At(params long[] positions) =>
        positions.Select(p => new PersonChange(p, T0, null!)).ToList();

    [Fact]
    public void Contiguous_positions_move_the_cursor_to_the_last()
    {
        Assert.Equal(13, new ChangeFeedCursor(TimeSpan.FromSeconds(30)).Advance(10, At(11, 12, 13), T0));
    }

    [Fact]
    public void A_gap_holds_the_cursor_until_the_patience_has_passed_or_the_row_appears()
    {
        var cursor = new ChangeFeedCursor(TimeSpan.FromSeconds(30));
        Assert.Equal(11, cursor.Advance(10, At(11, 13, 14), T0));
        Assert.Equal(11, cursor.Advance(11, At(13, 14), T0.AddSeconds(29)));
        Assert.Equal(14, cursor.Advance(11, At(13, 14), T0.AddSeconds(31)));

        // A gap that fills before the patience runs out is just read through.
        var other = new ChangeFeedCursor(TimeSpan.FromSeconds(30));
        Assert.Equal(20, other.Advance(20, At(22), T0));
        Assert.Equal(22, other.Advance(20, At(21, 22), T0.AddSeconds(1)));
    }
}

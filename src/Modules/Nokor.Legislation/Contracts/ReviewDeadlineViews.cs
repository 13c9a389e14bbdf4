namespace Nokor.Legislation.Contracts;

/// <summary>How close a bill is to the end of its review period.</summary>
public enum DeadlineLevel
{
    /// <summary>More days left than the largest warning threshold.</summary>
    Open,

    /// <summary>At or under a warning threshold.</summary>
    Warning,

    /// <summary>The last day of the period.</summary>
    DueToday,

    /// <summary>
    /// The period has ended without a decision: under Article 113 the law may then be promulgated
    /// without the Senate's opinion.
    /// </summary>
    Passed,

    /// <summary>The Senate has decided in this round; the period no longer runs.</summary>
    Closed,
}

/// <param name="DeadlineOn">The last day of the review period.</param>
/// <param name="DaysLeft">Calendar days from today to the deadline (negative once passed).</param>
/// <param name="Level">Open, warning, due today, passed or closed.</param>
/// <param name="Threshold">The warning threshold reached (days), when <paramref name="Level"/> is Warning.</param>
public sealed record DeadlineStatus(DateOnly DeadlineOn, int DaysLeft, DeadlineLevel Level, int? Threshold);

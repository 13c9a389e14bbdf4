namespace Nokor.Platform.Dates;

/// <summary>Cambodia keeps UTC+7 all year (no daylight saving): the civil date of an instant there.</summary>
public static class CambodiaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}

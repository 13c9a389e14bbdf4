namespace Nokor.CivilRegistration.Registrations;

/// <summary>Civil dates are Cambodian dates: "today" is the date in Indochina Time (UTC+7, no daylight saving).</summary>
internal static class CivilDates
{
    public static readonly TimeSpan CambodiaOffset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(CambodiaOffset).DateTime);

    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(CambodiaOffset).DateTime);
}

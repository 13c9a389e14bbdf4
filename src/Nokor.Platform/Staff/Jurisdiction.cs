namespace Nokor.Platform.Staff;

/// <summary>
/// The area a caller may act in. Gazetteer codes nest (a commune code starts with its district's
/// code), so an area covers a record when the record's area code starts with the area's code.
/// A null area code is national.
/// </summary>
public sealed record Jurisdiction(string? AreaCode)
{
    public static readonly Jurisdiction National = new((string?)null);

    public bool IsNational => AreaCode is null;

    /// <summary>
    /// True when a record registered in <paramref name="recordAreaCode"/> lies inside this area.
    /// A record without an area is visible only nationally.
    /// </summary>
    public bool Covers(string? recordAreaCode) =>
        AreaCode is null ||
        (recordAreaCode is not null && recordAreaCode.StartsWith(AreaCode, StringComparison.Ordinal));
}

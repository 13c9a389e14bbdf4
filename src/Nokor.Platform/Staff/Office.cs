namespace Nokor.Platform.Staff;

/// <summary>
/// An office of the administration. Its area is a gazetteer code (null for national offices);
/// staff of the office act only on records whose area code starts with it.
/// </summary>
public sealed class Office
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public OfficeLevel Level { get; set; }
    /// <summary>Zero-padded gazetteer code of the covered area; null for a national office.</summary>
    public string? AreaCode { get; set; }
}

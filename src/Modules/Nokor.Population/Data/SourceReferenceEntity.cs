namespace Nokor.Population.Data;

/// <summary>
/// A write another system already made through <see cref="Contracts.IPopulationRegistry"/>, by its
/// reference (for example <c>crvs:birth:&lt;registration id&gt;</c>), so a retried call is answered
/// with the same person instead of being applied twice.
/// </summary>
internal sealed class SourceReferenceEntity
{
    public required string Reference { get; set; }
    public Guid PersonId { get; set; }
    public DateTimeOffset At { get; set; }
}

namespace Nokor.Population.Data;

/// <summary>
/// The Population Registry's outbox: one row per committed change of a person, written in the same
/// transaction as the change (<see cref="PopulationDbContext"/> adds it on save), so that read
/// stores elsewhere (the verification service, NSPI 6.4) can follow the registry without ever
/// missing or inventing a change. The row names the person and the version; readers take the
/// person's current state, which is at least that version.
/// </summary>
internal sealed class PersonChangeEntity
{
    /// <summary>Position in the feed, increasing in the order the rows were inserted.</summary>
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset At { get; set; }
}

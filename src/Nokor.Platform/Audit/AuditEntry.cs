namespace Nokor.Platform.Audit;

/// <summary>
/// One row of the append-only audit chain. <see cref="Hash"/> is SHA-256 over the previous
/// entry's hash and this entry's canonical form, so editing or deleting any row breaks every
/// hash after it.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>staff, system or client.</summary>
    public required string ActorKind { get; set; }
    /// <summary>Stable id of the actor (user id, system name, client id), never a person's name.</summary>
    public required string ActorId { get; set; }
    /// <summary>Office of the actor where there is one.</summary>
    public string? ActorOffice { get; set; }
    /// <summary>What was done: for example <c>person.read</c>, <c>person.create</c>.</summary>
    public required string Action { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    /// <summary>The purpose stated by the actor for this access.</summary>
    public required string Purpose { get; set; }
    /// <summary>Optional details (JSON), never holding personal data beyond the subject id.</summary>
    public string? Details { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

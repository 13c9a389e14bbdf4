using Nokor.Platform.Staff;

namespace Nokor.Platform.Audit;

/// <summary>What happened, to which record, by whom, and for what stated purpose.</summary>
public sealed record AuditEvent(
    Actor Actor,
    string Action,
    string SubjectType,
    string SubjectId,
    string Purpose,
    string? Details = null);

/// <summary>
/// The platform's tamper-evident audit log. Callers append before they answer or change anything:
/// when <see cref="AppendAsync"/> returns, the entry is durably stored and chained.
/// </summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}

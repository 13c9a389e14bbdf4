using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Queues;

/// <summary>The work-queues door for the hosts: delegates to the use cases.</summary>
internal sealed class CivilWorkQueues(CivilDbContext db, IAuditLog audit) : ICivilWorkQueues
{
    public Task<QueueCounts> CountsAsync(Actor actor, CancellationToken ct) => CountQueues.HandleAsync(actor, db, ct);

    public Task<IReadOnlyList<RegistrationSummary>?> ListAsync(string name, Actor actor, CancellationToken ct, string purpose = "civil registration") =>
        ListQueue.HandleAsync(name, actor, db, audit, ct, purpose);
}

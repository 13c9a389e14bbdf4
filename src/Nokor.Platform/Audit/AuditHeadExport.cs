using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Chains;
using Nokor.Platform.Staff;

namespace Nokor.Platform.Audit;

/// <summary>
/// <c>nokor audit export-head</c>: records the export in the chain (so the witness names an entry
/// made for it), checkpoints that head and returns it as a witness for the operator to keep outside
/// the database. <c>nokor audit verify --witness FILE</c> later fails if the database's history no
/// longer holds it.
/// </summary>
public static class AuditHeadExport
{
    public const string Action = "audit.head.export";

    public static async Task<ChainHead> RunAsync(IServiceProvider services, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(actor);
        await services.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEvent(actor, Action, "audit-chain", "head", "witness of the audit chain kept outside the database"), ct);
        await using var scope = services.CreateAsyncScope();
        var checkpoint = await scope.ServiceProvider.GetRequiredService<AuditCheckpointer>().CreateAsync(ct)
            ?? throw new InvalidOperationException("The audit chain is empty after an entry was appended.");
        return ChainHead.From(AuditCheckpoint.ChainName, checkpoint.ToStored());
    }
}

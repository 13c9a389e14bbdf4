using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nokor.Platform.Data;
using Nokor.Platform.Signing;

namespace Nokor.Platform.Audit;

/// <summary>
/// A signed statement that the chain held entry <see cref="Sequence"/> with hash <see cref="Hash"/>
/// at <see cref="At"/> (DESIGN: "periodic checkpoints signed by the platform key"). The hash chain
/// alone cannot show entries deleted from its end; a checkpoint can, because no one without the
/// platform key can make a checkpoint for the shortened chain, and the verifier requires every
/// checkpointed entry to be present with its hash.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Sequence { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The signed token over <c>{"s":sequence,"h":hash,"a":at}</c> (<see cref="SignedToken"/> format).</summary>
    public required string Token { get; set; }
}

internal sealed record CheckpointPayload(
    [property: JsonPropertyName("s")] long Sequence,
    [property: JsonPropertyName("h")] string Hash,
    [property: JsonPropertyName("a")] DateTimeOffset At)
{
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this));

    public static CheckpointPayload? TryRead(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointPayload>(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Makes a checkpoint of the chain's current head (<c>nokor audit checkpoint</c>, and periodically in the host).</summary>
public sealed class AuditCheckpointer(PlatformDbContext db, SigningKeyRing keys, TimeProvider clock)
{
    /// <summary>The checkpoint of the current head, new or existing; null while the chain is empty.</summary>
    public async Task<AuditCheckpoint?> CreateAsync(CancellationToken ct)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        if (await db.AuditCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Sequence == head.Sequence, ct) is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var at = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var checkpoint = new AuditCheckpoint
        {
            Sequence = head.Sequence,
            Hash = head.Hash,
            At = at,
            Token = keys.Sign(new CheckpointPayload(head.Sequence, head.Hash, at).ToBytes()),
        };
        db.AuditCheckpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process checkpointed the same head at the same moment.
            db.ChangeTracker.Clear();
            return await db.AuditCheckpoints.AsNoTracking().FirstAsync(c => c.Sequence == head.Sequence, ct);
        }

        return checkpoint;
    }
}

/// <summary>Checkpoints the chain every <c>Audit:CheckpointMinutes</c> (default 5) while the host runs.</summary>
internal sealed class AuditCheckpointService(IServiceProvider services, Microsoft.Extensions.Configuration.IConfiguration configuration, ILogger<AuditCheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = Math.Max(1, configuration.GetValue("Audit:CheckpointMinutes", 5));
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditCheckpointer>().CreateAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Audit checkpoint failed; retrying at the next interval");
            }
        }
    }
}

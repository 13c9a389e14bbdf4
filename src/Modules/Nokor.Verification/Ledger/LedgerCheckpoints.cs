using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nokor.Platform.Chains;
using Nokor.Platform.Signing;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

/// <summary>
/// The query ledger's chained checkpoints (<see cref="ChainCheckpoints"/>, chain name
/// <c>verification</c>, table <c>vrf_checkpoints</c>), as for the audit chain: the writer closes
/// every <c>Verification:CheckpointMinutes</c> period with one, the host signs the head every
/// period, and <c>nokor verification export-head</c> / <c>GET /api/verification/ledger/head</c>
/// give the newest as a witness.
/// </summary>
internal static class LedgerCheckpoints
{
    public const string ChainName = IVerificationLedger.ChainName;
    public const string PeriodKey = "Verification:CheckpointMinutes";

    public static DateTimeOffset FromMicroseconds(long us) => DateTimeOffset.UnixEpoch.AddTicks(us * 10);

    public static StoredCheckpoint ToStored(LedgerCheckpointEntity c) =>
        new(c.Number, c.Sequence, c.Hash, FromMicroseconds(c.AtUs), c.Previous, c.Token);

    /// <summary>The newest checkpoint, read on the writer's connection.</summary>
    public static async Task<StoredCheckpoint?> LastAsync(DbConnection connection, DbTransaction? transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"Number\", \"Sequence\", \"Hash\", \"AtUs\", \"Previous\", \"Token\" FROM vrf_checkpoints ORDER BY \"Number\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new StoredCheckpoint(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), FromMicroseconds(reader.GetInt64(3)), reader.GetString(4), reader.GetString(5))
            : null;
    }
}

/// <summary>Signs a checkpoint of the ledger's head (the host every period, <c>export-head</c>).</summary>
internal sealed class LedgerCheckpointer(VerificationDbContext db, SigningKeyRing keys, TimeProvider clock, IConfiguration? configuration = null)
{
    private const int Attempts = 10;

    /// <summary>The checkpoint of the current head, new or existing; null while the ledger is empty.</summary>
    public async Task<StoredCheckpoint?> CreateAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Number).FirstOrDefaultAsync(ct);
            var head = await db.QueryRecords.AsNoTracking().OrderByDescending(q => q.Sequence)
                .Select(q => new { q.Sequence, q.Hash }).FirstOrDefaultAsync(ct);
            if (head is null)
            {
                return null;
            }

            if (last is not null && last.Sequence >= head.Sequence)
            {
                return LedgerCheckpoints.ToStored(last);
            }

            var made = ChainCheckpoints.Sign(keys, LedgerCheckpoints.ChainName, last is null ? null : LedgerCheckpoints.ToStored(last),
                head.Sequence, head.Hash, clock.GetUtcNow(), ChainCheckpoints.PeriodMinutes(configuration, LedgerCheckpoints.PeriodKey));
            db.Checkpoints.Add(new LedgerCheckpointEntity
            {
                Number = made.Number!.Value,
                Sequence = made.Sequence,
                Hash = made.Hash,
                AtUs = QueryLedger.ToMicroseconds(made.At),
                Previous = made.Previous!,
                Token = made.Token,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return made;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The writer (or another host) added a checkpoint meanwhile: chain onto it.
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>Checkpoints the ledger every <c>Verification:CheckpointMinutes</c> (default 5) while the host runs.</summary>
internal sealed class LedgerCheckpointService(IServiceProvider services, IConfiguration configuration, ILogger<LedgerCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(ChainCheckpoints.PeriodMinutes(configuration, LedgerCheckpoints.PeriodKey)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LedgerCheckpointer>().CreateAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Query ledger checkpoint failed; retrying at the next interval");
            }
        }
    }
}

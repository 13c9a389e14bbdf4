using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nokor.Platform.Chains;
using Nokor.Platform.Data;
using Nokor.Platform.Signing;

namespace Nokor.Platform.Audit;

/// <summary>
/// A signed statement that the chain held entry <see cref="Sequence"/> with hash <see cref="Hash"/>
/// at <see cref="At"/> (DESIGN: "periodic checkpoints signed by the platform key"). Checkpoints are
/// chained (<see cref="ChainCheckpoints"/>): numbered without gaps, each naming the digest of the one
/// before. The audit writer makes one for the last entry of every <c>Audit:CheckpointMinutes</c>
/// period as soon as an entry of a later period is written, the host one of the head every period,
/// and <c>nokor audit checkpoint</c> / <c>export-head</c> one on demand. Rows from before chaining
/// (version 1, <see cref="Number"/> null) are still verified, as the starting point of the chain.
/// </summary>
public sealed class AuditCheckpoint
{
    /// <summary>The chain name signed into audit checkpoints.</summary>
    public const string ChainName = "audit";

    /// <summary>The configuration key of the period.</summary>
    public const string PeriodKey = "Audit:CheckpointMinutes";

    /// <summary>1, 2, 3… in the chain of checkpoints; null for a legacy (unchained) checkpoint.</summary>
    public long? Number { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The digest of the checkpoint before (<see cref="ChainCheckpoints.Digest"/>); null for a legacy checkpoint.</summary>
    public string? Previous { get; set; }
    /// <summary>The signed token (<see cref="SignedToken"/> format) over the checkpoint payload.</summary>
    public required string Token { get; set; }

    public StoredCheckpoint ToStored() => new(Number, Sequence, Hash, At, Previous, Token);

    internal static AuditCheckpoint From(StoredCheckpoint c) => new()
    {
        Number = c.Number, Sequence = c.Sequence, Hash = c.Hash, At = c.At, Previous = c.Previous, Token = c.Token,
    };
}

/// <summary>Reads and writes checkpoint rows inside the audit writer's locked transaction (plain commands, as the writer uses).</summary>
internal static class AuditCheckpointRows
{
    private const string LastSql =
        "SELECT \"Number\", \"Sequence\", \"Hash\", \"At\", \"Previous\", \"Token\" FROM audit_checkpoints ORDER BY \"Sequence\" DESC LIMIT 1";

    private const string InsertSql =
        "INSERT INTO audit_checkpoints (\"Number\", \"Sequence\", \"Hash\", \"At\", \"Previous\", \"Token\") VALUES (@n, @s, @h, @a, @p, @t)";

    public static async Task<StoredCheckpoint?> LastAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = LastSql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new StoredCheckpoint(
            await reader.IsDBNullAsync(0, ct) ? null : reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            await reader.IsDBNullAsync(4, ct) ? null : reader.GetString(4),
            reader.GetString(5));
    }

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, StoredCheckpoint checkpoint, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        Add(command, "@n", checkpoint.Number);
        Add(command, "@s", checkpoint.Sequence);
        Add(command, "@h", checkpoint.Hash);
        Add(command, "@a", checkpoint.At);
        Add(command, "@p", checkpoint.Previous);
        Add(command, "@t", checkpoint.Token);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>
/// Makes a checkpoint of the chain's current head (<c>nokor audit checkpoint</c>, <c>export-head</c>,
/// and every period in the host), under the writer's lock so that it chains to the newest checkpoint.
/// </summary>
public sealed class AuditCheckpointer(PlatformDbContext db, DatabaseSettings settings, SigningKeyRing keys, TimeProvider clock, IConfiguration? configuration = null)
{
    /// <summary>The checkpoint of the current head, new or existing; null while the chain is empty.</summary>
    public async Task<AuditCheckpoint?> CreateAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = settings.Provider == DatabaseProvider.Sqlite
                ? ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false)
                : await connection.BeginTransactionAsync(ct);
            var head = await AuditLog.LockAndReadTailAsync(connection, transaction, settings.Provider, ct);
            if (head is null)
            {
                return null;
            }

            var last = await AuditCheckpointRows.LastAsync(connection, transaction, ct);
            if (last is not null && last.Sequence == head.Value.Sequence)
            {
                await transaction.CommitAsync(ct);
                return AuditCheckpoint.From(last);
            }

            var made = ChainCheckpoints.Sign(keys, AuditCheckpoint.ChainName, last, head.Value.Sequence, head.Value.Hash, clock.GetUtcNow(),
                ChainCheckpoints.PeriodMinutes(configuration, AuditCheckpoint.PeriodKey));
            await AuditCheckpointRows.InsertAsync(connection, transaction, made, ct);
            await transaction.CommitAsync(ct);
            return AuditCheckpoint.From(made);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Checkpoints the chain every <c>Audit:CheckpointMinutes</c> (default 5) while the host runs.</summary>
internal sealed class AuditCheckpointService(IServiceProvider services, Microsoft.Extensions.Configuration.IConfiguration configuration, ILogger<AuditCheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = ChainCheckpoints.PeriodMinutes(configuration, AuditCheckpoint.PeriodKey);
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

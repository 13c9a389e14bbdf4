using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nokor.Platform.Chains;
using Nokor.Platform.Data;

namespace Nokor.Platform.Audit;

/// <summary>
/// The audit chain writer, with group commit through the platform's one chain writer
/// (<see cref="ChainWriter{TItem}"/>): every <see cref="AppendAsync"/> queues its entry and
/// waits; one background loop takes whatever is queued (up to <see cref="MaxBatchSize"/>), chains
/// and inserts it in one transaction, and only then releases the callers. There is no batching
/// delay: a lone append is written at once, and under load the batches grow by themselves.
/// </summary>
/// <remarks>
/// <para>Several processes (web host, CLI) may append to one database. Only one of them may extend
/// the chain at a time, so each batch transaction first takes a lock and then reads the tail:
/// on PostgreSQL a transaction-scoped advisory lock (<see cref="PostgresLockKey"/>), on SQLite an
/// immediate (write) transaction, which waits on the connection's busy timeout.</para>
/// <para>An audit failure is never swallowed: if the batch fails, every caller in it gets the
/// exception, so the request that wanted to read or change personal data fails with it (the
/// rule that every access to personal data is recorded, DESIGN "Audit").</para>
/// <para>The writer starts with the first append (so the CLI needs no host) and stops when the
/// service provider disposes it, after writing what was already queued.</para>
/// </remarks>
internal sealed class AuditLog : IAuditLog, IChainStore<AuditEntry>, IAsyncDisposable, IDisposable
{
    public const int MaxBatchSize = 256;

    /// <summary>The advisory lock key: the ASCII bytes of <c>NOKORAUD</c> as a big-endian bigint.</summary>
    public const long PostgresLockKey = 5642811662173033796;

    private const string PostgresLockSql = "SELECT pg_advisory_xact_lock(5642811662173033796)";

    private const string TailSql = "SELECT \"Sequence\", \"Hash\", \"At\" FROM audit_entries ORDER BY \"Sequence\" DESC LIMIT 1";

    private const string InsertSql =
        "INSERT INTO audit_entries (\"Sequence\", \"At\", \"ActorKind\", \"ActorId\", \"ActorOffice\", \"Action\", " +
        "\"SubjectType\", \"SubjectId\", \"Purpose\", \"Details\", \"PreviousHash\", \"Hash\") VALUES";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ChainWriter<AuditEntry> _writer;

    // Used by the writer loop only.
    private AsyncServiceScope? _scope;
    private PlatformDbContext? _db;
    private DatabaseProvider _provider;
    private Signing.SigningKeyRing? _keys;
    private int _periodMinutes = ChainCheckpoints.DefaultPeriodMinutes;

    public AuditLog(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditLog> logger)
    {
        _scopes = scopes;
        _time = time;
        _writer = new ChainWriter<AuditEntry>(nameof(AuditLog), MaxBatchSize, static _ => 1, this, logger);
    }

    /// <summary>
    /// Returns once the entry is committed and chained. Cancelling stops the wait, not the write:
    /// an entry already queued is still recorded, which errs on the side of the record.
    /// </summary>
    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await _writer.AppendAsync(ToEntry(auditEvent), cancellationToken);
    }

    private AuditEntry ToEntry(AuditEvent e)
    {
        // Checked here, per caller, so that one bad event cannot fail the batch it would share.
        var office = e.Actor.OfficeId?.ToString("D");
        Check(e.Actor.Kind, 16, "actor kind");
        Check(e.Actor.Id, 100, "actor id");
        Check(e.Action, 64, "action");
        Check(e.SubjectType, 64, "subject type");
        Check(e.SubjectId, 100, "subject id");
        Check(e.Purpose, 500, "purpose");
        if (e.Details is not null)
        {
            CheckText(e.Details, "details");
        }

        return new AuditEntry
        {
            At = AuditChainHash.Truncate(_time.GetUtcNow()),
            ActorKind = e.Actor.Kind,
            ActorId = e.Actor.Id,
            ActorOffice = office,
            Action = e.Action,
            SubjectType = e.SubjectType,
            SubjectId = e.SubjectId,
            Purpose = e.Purpose,
            Details = e.Details,
            PreviousHash = "",
            Hash = "",
        };
    }

    private static void Check(string? value, int maxLength, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The audit {field} is required.", nameof(AuditEvent));
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"The audit {field} is longer than {maxLength} characters.", nameof(AuditEvent));
        }

        CheckText(value, field);
    }

    private static void CheckText(string value, string field)
    {
        // PostgreSQL rejects NUL and both providers would store a lone surrogate differently from
        // what was hashed, so neither may enter the chain.
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The audit {field} contains a NUL character.", nameof(AuditEvent));
        }

        try
        {
            StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"The audit {field} is not valid Unicode text.", nameof(AuditEvent));
        }
    }

    /// <summary>Chains the batch onto the stored tail and inserts it, in one transaction.</summary>
    async Task IChainStore<AuditEntry>.WriteAsync(IReadOnlyList<AuditEntry> batch)
    {
        var db = await ConnectionAsync();
        var connection = db.Database.GetDbConnection();

        // SQLite: BEGIN IMMEDIATE takes the write lock before the tail is read, so two processes
        // cannot both extend the chain from the same tail; a waiting writer retries until the
        // connection's busy timeout. PostgreSQL: the advisory lock, taken in the same round trip
        // as the tail read, does the same.
        await using var transaction = _provider == DatabaseProvider.Sqlite
            ? ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false)
            : await connection.BeginTransactionAsync();

        var tail = await LockAndReadTailAsync(connection, transaction, _provider, CancellationToken.None);
        var (sequence, previous, previousAt) = tail ?? (0, AuditChainHash.Genesis, default);
        var links = new ChainLinks(sequence, previous, previousAt, _periodMinutes);
        foreach (var entry in batch)
        {
            entry.Sequence = links.Next(entry.At);
            entry.PreviousHash = links.Previous;
            entry.Hash = links.Linked(AuditChainHash.Compute(entry.PreviousHash, entry));
        }

        await InsertAsync(connection, transaction, batch);
        if (links.Closing.Count > 0)
        {
            await CheckpointPeriodsAsync(connection, transaction, links.Closing);
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// Signs a checkpoint of every entry in <paramref name="closing"/>: each was the last of its
    /// period, and the batch starts a later one. In the batch's transaction, so the entries of a
    /// later period are never stored without the checkpoint that closes the one before.
    /// </summary>
    private async Task CheckpointPeriodsAsync(DbConnection connection, DbTransaction transaction, List<(long Sequence, string Hash)> closing)
    {
        var keys = _keys ?? throw new InvalidOperationException("The audit writer has no signing keys.");
        var last = await AuditCheckpointRows.LastAsync(connection, transaction, CancellationToken.None);
        foreach (var (sequence, hash) in closing)
        {
            if (last is not null && last.Sequence >= sequence)
            {
                continue;
            }

            last = ChainCheckpoints.Sign(keys, AuditCheckpoint.ChainName, last, sequence, hash, _time.GetUtcNow(), _periodMinutes);
            await AuditCheckpointRows.InsertAsync(connection, transaction, last, CancellationToken.None);
        }
    }

    /// <summary>
    /// Takes the chain's write lock (PostgreSQL: the advisory lock, in the same round trip; SQLite:
    /// the caller's immediate transaction holds it) and reads the tail: sequence, hash and time of
    /// the newest entry, or null for an empty chain.
    /// </summary>
    internal static async Task<(long Sequence, string Hash, DateTimeOffset At)?> LockAndReadTailAsync(
        DbConnection connection, DbTransaction transaction, DatabaseProvider provider, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = provider == DatabaseProvider.Postgres ? PostgresLockSql + ";\n" + TailSql : TailSql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (provider == DatabaseProvider.Postgres)
        {
            await reader.NextResultAsync(ct);
        }

        return await reader.ReadAsync(ct)
            ? (reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    /// <summary>One multi-row INSERT per batch; the column names are those of the migrations.</summary>
    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditEntry> batch)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(InsertSql, InsertSql.Length + (batch.Count * 80));
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i];
            sql.Append(i == 0 ? "\n(" : ",\n(");
            Add(command, sql, i, 0, e.Sequence);
            Add(command, sql, i, 1, e.At);
            Add(command, sql, i, 2, e.ActorKind);
            Add(command, sql, i, 3, e.ActorId);
            Add(command, sql, i, 4, e.ActorOffice);
            Add(command, sql, i, 5, e.Action);
            Add(command, sql, i, 6, e.SubjectType);
            Add(command, sql, i, 7, e.SubjectId);
            Add(command, sql, i, 8, e.Purpose);
            Add(command, sql, i, 9, e.Details);
            Add(command, sql, i, 10, e.PreviousHash);
            Add(command, sql, i, 11, e.Hash);
            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand command, StringBuilder sql, int row, int column, object? value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}");
        if (column > 0)
        {
            sql.Append(", ");
        }

        sql.Append(name);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// The writer keeps one context and connection open while it lives: there is only ever one
    /// writer per process, and opening a connection per batch would cost more than the batch.
    /// The context supplies the configured connection; the batch itself is three plain commands
    /// (lock and tail, one multi-row insert, commit), which halves the time per batch compared
    /// with change tracking.
    /// </summary>
    private async Task<PlatformDbContext> ConnectionAsync()
    {
        if (_db is not null)
        {
            return _db;
        }

        var scope = _scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            _provider = scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Provider;
            _keys = scope.ServiceProvider.GetRequiredService<Signing.SigningKeyRing>();
            _periodMinutes = ChainCheckpoints.PeriodMinutes(
                scope.ServiceProvider.GetService<Microsoft.Extensions.Configuration.IConfiguration>(), AuditCheckpoint.PeriodKey);
            if (_provider is not (DatabaseProvider.Sqlite or DatabaseProvider.Postgres))
            {
                throw new InvalidOperationException($"Unknown provider {_provider}.");
            }

            await db.Database.OpenConnectionAsync();
            _scope = scope;
            _db = db;
            return db;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the writer's connection: after a failure (a fresh one is opened for the next batch) and on stop.</summary>
    async Task IChainStore<AuditEntry>.ResetAsync()
    {
        var scope = _scope;
        _scope = null;
        _db = null;
        if (scope is not null)
        {
            await scope.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();
}

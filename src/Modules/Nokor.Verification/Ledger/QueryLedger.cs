using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nokor.Platform.Chains;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

/// <summary>A query to record: who asked, for what, about whom, and what they were told.</summary>
internal sealed record QueryRecord(
    DateTimeOffset At,
    string RequestId,
    Guid InstitutionId,
    Guid? CredentialId,
    string? UserId,
    string Purpose,
    string QueryType,
    string Kidc,
    string Result,
    string? Detail,
    string? XRoadClient,
    Guid? BulkJobId,
    long Price);

/// <summary>
/// The query ledger's writer, with group commit through the platform's one chain writer
/// (<see cref="ChainWriter{TItem}"/>, as the platform audit): callers queue their
/// records and wait; one loop writes whatever is queued in one transaction — the chained records
/// and the usage counters they add to — and only then releases the callers, so no answer leaves
/// before its record is durable (issue: "nothing is answered without an audit record written
/// first"). Under load the batches grow by themselves; a lone query is written at once.
/// </summary>
/// <remarks>
/// Several hosts may write to one ledger. On PostgreSQL a writer chains from the tail it holds in
/// memory and the primary key on the sequence refuses a batch built on a stale tail (it is then
/// chained again from the real one); on SQLite an immediate transaction takes the write lock before
/// the tail is read. The usage totals read back in the same transaction tell
/// <see cref="UsageMeter"/> what the other hosts have counted.
/// </remarks>
internal sealed class QueryLedger : IChainStore<IReadOnlyList<QueryRecord>>, IAsyncDisposable, IDisposable
{
    public const int MaxBatchRecords = 1024;

    private readonly IServiceScopeFactory _scopes;
    private readonly UsageMeter _usage;
    private readonly ChainWriter<IReadOnlyList<QueryRecord>> _writer;

    // Used by the writer loop only.
    private AsyncServiceScope? _scope;
    private DbConnection? _connection;
    private bool _postgres;
    private (long Sequence, string Hash, long AtUs)? _tail;
    private StoredCheckpoint? _lastCheckpoint;
    private Nokor.Platform.Signing.SigningKeyRing? _keys;
    private int _periodMinutes = ChainCheckpoints.DefaultPeriodMinutes;

    public QueryLedger(IServiceScopeFactory scopes, UsageMeter usage, ILogger<QueryLedger> logger)
    {
        _scopes = scopes;
        _usage = usage;
        _writer = new ChainWriter<IReadOnlyList<QueryRecord>>(nameof(QueryLedger), MaxBatchRecords, static records => records.Count, this, logger);
    }

    public Task AppendAsync(QueryRecord record, CancellationToken ct) => _writer.AppendAsync([record], ct);

    /// <summary>Records several queries in one transaction (a bulk chunk); returns when all are durable.</summary>
    public Task AppendManyAsync(IReadOnlyList<QueryRecord> records, CancellationToken ct) =>
        records.Count == 0 ? Task.CompletedTask : _writer.AppendAsync(records, ct);

    /// <summary>Writes a batch and tells <see cref="UsageMeter"/> the month totals it read back, before the callers are released.</summary>
    async Task IChainStore<IReadOnlyList<QueryRecord>>.WriteAsync(IReadOnlyList<IReadOnlyList<QueryRecord>> batch)
    {
        var totals = await WriteAsync(batch).ConfigureAwait(false);
        foreach (var (key, total) in totals)
        {
            _usage.Observe(key.Institution, key.Month, total.Database, total.Committed);
        }
    }

    private async Task<Dictionary<(Guid Institution, int Month), (long Database, long Committed)>> WriteAsync(IReadOnlyList<IReadOnlyList<QueryRecord>> batch)
    {
        var connection = await ConnectionAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return _postgres ? await WritePostgresAsync(connection, batch) : await WriteSqliteAsync(connection, batch);
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && attempt < 10)
            {
                // Another host extended the chain (or checkpointed it) since this one last wrote: read its tail, chain again.
                _tail = null;
            }
        }
    }

    /// <summary>
    /// PostgreSQL: the whole batch — records, usage, month totals — is one command, so one round
    /// trip; statements sent together before one Sync form one implicit transaction, all or
    /// nothing. The chain tail is kept in memory; if another host wrote meanwhile, the primary key
    /// on the sequence refuses this batch (no fork is possible) and it is chained again.
    /// </summary>
    private async Task<Dictionary<(Guid Institution, int Month), (long Database, long Committed)>> WritePostgresAsync(DbConnection connection, IReadOnlyList<IReadOnlyList<QueryRecord>> batch)
    {
        if (_tail is null)
        {
            _tail = await TailAsync(connection, null);
            _lastCheckpoint = await LedgerCheckpoints.LastAsync(connection, null);
        }

        var (records, sums, closing) = Chain(batch, _tail.Value, _periodMinutes);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder();
        var p = new Parameters(command, sql, _postgres);
        AppendInserts(sql, p, records);
        var last = AppendCheckpoints(sql, p, closing, _lastCheckpoint);
        AppendUsage(sql, p, sums);
        command.CommandText = sql.ToString();
        var totals = await ReadTotalsAsync(command, sums);
        _tail = (records[^1].Sequence, records[^1].Hash, records[^1].AtUs);
        _lastCheckpoint = last;
        return totals;
    }

    /// <summary>SQLite: an immediate transaction takes the write lock before the tail is read.</summary>
    private async Task<Dictionary<(Guid Institution, int Month), (long Database, long Committed)>> WriteSqliteAsync(DbConnection connection, IReadOnlyList<IReadOnlyList<QueryRecord>> batch)
    {
        await using var transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        var (records, sums, closing) = Chain(batch, await TailAsync(connection, transaction), _periodMinutes);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder();
        var p = new Parameters(command, sql, _postgres);
        AppendInserts(sql, p, records);
        if (closing.Count > 0)
        {
            AppendCheckpoints(sql, p, closing, await LedgerCheckpoints.LastAsync(connection, transaction));
        }

        AppendUsage(sql, p, sums);
        command.CommandText = sql.ToString();
        var totals = await ReadTotalsAsync(command, sums);
        await transaction.CommitAsync();
        return totals;
    }

    private static (List<QueryRecordEntity> Records, Dictionary<(Guid Institution, int Month, string Type), (long Count, long Amount)> Sums, List<(long Sequence, string Hash)> Closing) Chain(
        IReadOnlyList<IReadOnlyList<QueryRecord>> batch, (long Sequence, string Hash, long AtUs) tail, int periodMinutes)
    {
        var links = new ChainLinks(tail.Sequence, tail.Hash, LedgerCheckpoints.FromMicroseconds(tail.AtUs), periodMinutes);
        var records = new List<QueryRecordEntity>();
        var sums = new Dictionary<(Guid Institution, int Month, string Type), (long Count, long Amount)>();
        foreach (var pending in batch)
        {
            foreach (var q in pending)
            {
                var atUs = ToMicroseconds(q.At);
                var entity = new QueryRecordEntity
                {
                    Sequence = links.Next(LedgerCheckpoints.FromMicroseconds(atUs)),
                    AtUs = atUs,
                    RequestId = q.RequestId,
                    InstitutionId = q.InstitutionId,
                    CredentialId = q.CredentialId,
                    UserId = q.UserId,
                    Purpose = q.Purpose,
                    QueryType = q.QueryType,
                    Kidc = q.Kidc,
                    Result = q.Result,
                    Detail = q.Detail,
                    XRoadClient = q.XRoadClient,
                    BulkJobId = q.BulkJobId,
                    Price = q.Price,
                    PreviousHash = links.Previous,
                    Hash = "",
                };
                entity.Hash = links.Linked(LedgerHash.Compute(entity.PreviousHash, entity));
                records.Add(entity);
                var key = (q.InstitutionId, UsageMeter.MonthOf(q.At), q.QueryType);
                sums[key] = sums.TryGetValue(key, out var s) ? (s.Count + 1, s.Amount + q.Price) : (1, q.Price);
            }
        }

        return (records, sums, links.Closing);
    }

    /// <summary>
    /// Signs a checkpoint of every record in <paramref name="closing"/> (each was the last of its
    /// period, and the batch starts a later one) and adds their inserts to the batch, so records of
    /// a later period are never stored without the checkpoint closing the one before. Returns the
    /// newest checkpoint afterwards.
    /// </summary>
    private StoredCheckpoint? AppendCheckpoints(StringBuilder sql, Parameters p, List<(long Sequence, string Hash)> closing, StoredCheckpoint? last)
    {
        foreach (var (sequence, hash) in closing)
        {
            if (last is not null && last.Sequence >= sequence)
            {
                continue;
            }

            var keys = _keys ?? throw new InvalidOperationException("The query ledger has no signing keys.");
            last = ChainCheckpoints.Sign(keys, LedgerCheckpoints.ChainName, last, sequence, hash, TimeProvider.System.GetUtcNow(), _periodMinutes);
            sql.Append("INSERT INTO vrf_checkpoints (\"Number\", \"Sequence\", \"Hash\", \"AtUs\", \"Previous\", \"Token\") VALUES (");
            p.Add(last.Number, first: true);
            p.Add(last.Sequence);
            p.Add(last.Hash);
            p.Add(ToMicroseconds(last.At));
            p.Add(last.Previous);
            p.Add(last.Token);
            sql.Append(");\n");
        }

        return last;
    }

    internal static async Task<(long Sequence, string Hash, long AtUs)> TailAsync(DbConnection connection, DbTransaction? transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"Sequence\", \"Hash\", \"AtUs\" FROM vrf_query_records ORDER BY \"Sequence\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : (0, LedgerHash.Genesis, 0);
    }

    /// <summary>
    /// Multi-row inserts in power-of-two sizes (a batch of 13 is 8 + 4 + 1 rows), so that the few
    /// statement shapes are prepared once per connection and not planned again for every batch.
    /// </summary>
    private static void AppendInserts(StringBuilder sql, Parameters p, List<QueryRecordEntity> records)
    {
        var start = 0;
        while (start < records.Count)
        {
            var size = 256;
            while (size > records.Count - start)
            {
                size /= 2;
            }

            sql.Append(
                "INSERT INTO vrf_query_records (\"Sequence\", \"AtUs\", \"RequestId\", \"InstitutionId\", \"CredentialId\", \"UserId\", " +
                "\"Purpose\", \"QueryType\", \"Kidc\", \"Result\", \"Detail\", \"XRoadClient\", \"BulkJobId\", \"Price\", \"PreviousHash\", \"Hash\") VALUES");
            for (var i = 0; i < size; i++)
            {
                var r = records[start + i];
                sql.Append(i == 0 ? "\n(" : ",\n(");
                p.Add(r.Sequence, first: true);
                p.Add(r.AtUs);
                p.Add(r.RequestId);
                p.Add(r.InstitutionId);
                p.Add(r.CredentialId);
                p.Add(r.UserId);
                p.Add(r.Purpose);
                p.Add(r.QueryType);
                p.Add(r.Kidc);
                p.Add(r.Result);
                p.Add(r.Detail);
                p.Add(r.XRoadClient);
                p.Add(r.BulkJobId);
                p.Add(r.Price);
                p.Add(r.PreviousHash);
                p.Add(r.Hash);
                sql.Append(')');
            }

            sql.Append(";\n");
            start += size;
        }
    }

    /// <summary>Adds the batch's counts and amounts to the usage rows, then selects the month totals of the institutions it touched.</summary>
    private static void AppendUsage(StringBuilder sql, Parameters p, Dictionary<(Guid Institution, int Month, string Type), (long Count, long Amount)> sums)
    {
        sql.Append("INSERT INTO vrf_usage (\"InstitutionId\", \"Month\", \"QueryType\", \"Count\", \"Amount\") VALUES");
        var i = 0;
        foreach (var (key, value) in sums)
        {
            sql.Append(i++ == 0 ? "\n(" : ",\n(");
            p.Add(key.Institution, first: true);
            p.Add(key.Month);
            p.Add(key.Type);
            p.Add(value.Count);
            p.Add(value.Amount);
            sql.Append(')');
        }

        sql.Append("\nON CONFLICT (\"InstitutionId\", \"Month\", \"QueryType\") DO UPDATE SET " +
                   "\"Count\" = vrf_usage.\"Count\" + excluded.\"Count\", \"Amount\" = vrf_usage.\"Amount\" + excluded.\"Amount\";\n");
        sql.Append("SELECT \"InstitutionId\", \"Month\", SUM(\"Count\") FROM vrf_usage WHERE ");
        i = 0;
        foreach (var key in sums.Keys.Select(k => (k.Institution, k.Month)).Distinct())
        {
            sql.Append(i++ == 0 ? "(" : " OR (");
            sql.Append("\"InstitutionId\" = ");
            p.Add(key.Institution, first: true, inline: true);
            sql.Append(" AND \"Month\" = ");
            p.Add(key.Month, first: true, inline: true);
            sql.Append(')');
        }

        sql.Append(" GROUP BY \"InstitutionId\", \"Month\"");
    }

    private async Task<Dictionary<(Guid Institution, int Month), (long Database, long Committed)>> ReadTotalsAsync(
        DbCommand command, Dictionary<(Guid Institution, int Month, string Type), (long Count, long Amount)> sums)
    {
        var totals = new Dictionary<(Guid, int), (long, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                var institution = _postgres ? reader.GetGuid(0) : Guid.Parse(reader.GetString(0));
                var month = reader.GetInt32(1);
                var committed = sums.Where(s => s.Key.Institution == institution && s.Key.Month == month).Sum(s => s.Value.Count);
                totals[(institution, month)] = (reader.GetInt64(2), committed);
            }
        }
        while (await reader.NextResultAsync());

        return totals;
    }

    internal static long ToMicroseconds(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private async Task<DbConnection> ConnectionAsync()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var scope = _scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
            _postgres = db.Database.IsNpgsql();
            _keys = scope.ServiceProvider.GetRequiredService<Nokor.Platform.Signing.SigningKeyRing>();
            _periodMinutes = ChainCheckpoints.PeriodMinutes(
                scope.ServiceProvider.GetService<Microsoft.Extensions.Configuration.IConfiguration>(), LedgerCheckpoints.PeriodKey);
            await db.Database.OpenConnectionAsync();
            _scope = scope;
            _connection = db.Database.GetDbConnection();
            return _connection;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the writer's connection and forgets the tail: after a failure (the next batch reads the stored tail) and on stop.</summary>
    async Task IChainStore<IReadOnlyList<QueryRecord>>.ResetAsync()
    {
        var scope = _scope;
        _scope = null;
        _connection = null;
        _tail = null;
        _lastCheckpoint = null;
        if (scope is not null)
        {
            await scope.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();
}

/// <summary>
/// Numbered parameters for a multi-row statement, with values in each provider's stored form: EF
/// Core keeps GUIDs as upper-case text on SQLite, where the ADO provider alone would bind a blob.
/// </summary>
internal sealed class Parameters(DbCommand command, StringBuilder sql, bool postgres)
{
    private int _next;

    public void Add(object? value, bool first = false, bool inline = false)
    {
        var name = "@p" + _next++.ToString(CultureInfo.InvariantCulture);
        if (!first && !inline)
        {
            sql.Append(", ");
        }

        sql.Append(name);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = Stored(value, postgres);
        command.Parameters.Add(parameter);
    }

    public static object Stored(object? value, bool postgres) => value switch
    {
        null => DBNull.Value,
        Guid g when !postgres => g.ToString("D").ToUpperInvariant(),
        _ => value,
    };
}

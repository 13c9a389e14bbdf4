using Nokor.Verification.Contracts;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nokor.Platform.Dates;
using Nokor.Platform.Files;
using Nokor.Platform.Spreadsheets;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;
using Nokor.Verification.Projection;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Bulk;

/// <summary>
/// Processes queued bulk jobs in chunks of <see cref="ChunkRows"/> rows: each chunk is admitted
/// against the quota, looked up with one query, compared exactly as a single yes/no verification,
/// and recorded in the query ledger (one record per valid row, query type <c>bulk</c>, with the
/// job's id) before its results count as done.
/// </summary>
/// <remarks>
/// <para>
/// Several hosts may run workers: a job is claimed by a conditional update (<c>Status</c> from
/// Queued to Running), so only one host gets it. While a job runs, <c>StartedAt</c> holds the time of
/// the worker's latest claim or step: it is both a heartbeat and the worker's token, since every
/// step updates the job only where <c>StartedAt</c> is still the value it wrote last. A running job
/// without a heartbeat for <see cref="StaleAfter"/> (its host died) goes back to the queue; a host
/// that stops gives its job back at once.
/// </para>
/// <para>
/// Resuming never records a row twice. Each chunk's results are stored first (a blob, listed in a
/// manifest kept in <c>ResultBlob</c> while the job runs), then recorded in the ledger in one
/// transaction, then counted in <c>ProcessedRows</c>, the watermark. On resume, the number of
/// ledger records carrying the job's id says whether a chunk whose results were stored was also
/// recorded: if so its stored results are kept, otherwise it is done again.
/// </para>
/// <para>Logs carry job ids and counts only: the rows name people.</para>
/// </remarks>
internal sealed class BulkWorker(
    IServiceScopeFactory scopes,
    IBlobStore blobs,
    QueryLedger ledger,
    UsageMeter usage,
    TimeProvider time,
    ILogger<BulkWorker> logger) : BackgroundService
{
    public const int ChunkRows = 1000;
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private static readonly IReadOnlyDictionary<string, string> NoClaims = new Dictionary<string, string>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextSweep)
                {
                    await RequeueStaleAsync(stoppingToken);
                    nextSweep = time.GetUtcNow() + SweepEvery;
                }

                if (await ClaimAsync(stoppingToken) is { } run)
                {
                    await RunAsync(run, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The bulk verification worker failed to look for jobs; it retries.");
            }

            try
            {
                await Task.Delay(Poll, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Running jobs whose worker has given no sign for <see cref="StaleAfter"/> go back to the queue.</summary>
    public async Task<int> RequeueStaleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        var cutoff = time.GetUtcNow() - StaleAfter;
        var count = await db.BulkJobs.Where(j => j.Status == BulkJobStatus.Running && j.StartedAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, BulkJobStatus.Queued), ct);
        if (count > 0)
        {
            logger.LogWarning("{Count} bulk job(s) without a worker for {Minutes} minutes went back to the queue.", count, StaleAfter.TotalMinutes);
        }

        return count;
    }

    /// <summary>Takes the oldest queued job, once the verification store is built; null when there is none.</summary>
    private async Task<JobRun?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var id = await db.BulkJobs.AsNoTracking().Where(j => j.Status == BulkJobStatus.Queued)
                .OrderBy(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                return null;
            }

            // Rows answered before the store is built would all be "no match".
            if (!await db.ProjectionStates.AsNoTracking().AnyAsync(s => s.Name == PersonProjector.StateName && s.Ready, ct))
            {
                return null;
            }

            var token = Token(null);
            var claimed = await db.BulkJobs.Where(j => j.Id == id && j.Status == BulkJobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, BulkJobStatus.Running).SetProperty(j => j.StartedAt, token), ct);
            if (claimed == 1)
            {
                return new JobRun(id.Value, token);
            }
        }

        return null;
    }

    private async Task RunAsync(JobRun run, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        try
        {
            await ProcessAsync(db, run, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping: give the job back now rather than after StaleAfter.
            try
            {
                await UpdateAsync(db, run, s => s.SetProperty(j => j.Status, BulkJobStatus.Queued), CancellationToken.None);
                logger.LogInformation("Bulk job {Job} went back to the queue at row {Rows} as the host stops.", run.Id, run.Processed);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Bulk job {Job} could not be given back; it returns to the queue after {Minutes} minutes.", run.Id, StaleAfter.TotalMinutes);
            }

            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Bulk job {Job} failed after {Rows} rows.", run.Id, run.Processed);
            try
            {
                await FailAsync(db, run, $"Processing stopped on an unexpected error after {run.Processed:N0} rows; those rows were verified and recorded. Submit the remaining rows again.");
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "Bulk job {Job} could not be marked failed.", run.Id);
            }
        }
    }

    private async Task ProcessAsync(VerificationDbContext db, JobRun run, CancellationToken ct)
    {
        var job = await db.BulkJobs.AsNoTracking().FirstAsync(j => j.Id == run.Id, ct);
        run.Processed = job.ProcessedRows;
        if (await ContractAsync(db, job, run, ct) is not { } contract)
        {
            return;
        }

        if (Refused(contract, job.Purpose) is { } refusal)
        {
            await FailAsync(db, run, refusal);
            return;
        }

        var input = await blobs.GetAsync(job.InputBlob, ct);
        var file = input is null ? null : BulkCsv.Read(input, int.MaxValue, out _);
        if (file is null)
        {
            await FailAsync(db, run, "The submitted file could not be read back from the file store.");
            return;
        }

        var checks = file.Rows.Select(r => BulkJobs.Check(file, r)).ToList();
        var claimColumns = file.ClaimColumns;
        var chunks = (checks.Count + ChunkRows - 1) / ChunkRows;
        var validBefore = new int[chunks + 1];
        for (var k = 0; k < chunks; k++)
        {
            validBefore[k + 1] = validBefore[k] + checks.Skip(k * ChunkRows).Take(ChunkRows).Count(c => c.Valid);
        }

        var manifest = job.ResultBlob is null ? [] : await ManifestAsync(job.ResultBlob, ct);
        var done = (job.ProcessedRows + ChunkRows - 1) / ChunkRows;
        var matched = job.MatchedRows;
        var recorded = await db.QueryRecords.CountAsync(q => q.BulkJobId == job.Id, ct);
        // A chunk's result file joins the manifest before its rows are recorded, and its rows are
        // recorded before they are counted; a host may stop between any two. The ledger decides:
        // a chunk whose rows are recorded is done, results listed past the recorded chunks are dropped.
        if (manifest is not null && manifest.Count > done && done < chunks && recorded == validBefore[done + 1])
        {
            // The last chunk was recorded but the host stopped before counting it.
            manifest.RemoveRange(done + 1, manifest.Count - done - 1);
            matched += (await ChunkAsync(manifest[done], Math.Min(ChunkRows, checks.Count - (done * ChunkRows)), claimColumns.Count, ct))
                .Count(r => r[0] == "match");
            done++;
            run.Processed = Math.Min(done * ChunkRows, checks.Count);
            if (!await UpdateAsync(db, run, s => s.SetProperty(j => j.ProcessedRows, run.Processed).SetProperty(j => j.MatchedRows, matched), ct))
            {
                return;
            }
        }
        else if (manifest is not null && manifest.Count > done && recorded == validBefore[done])
        {
            manifest.RemoveRange(done, manifest.Count - done);
        }

        if (manifest is null || manifest.Count != done || recorded != validBefore[done])
        {
            await FailAsync(db, run, "The job's ledger records do not agree with its progress; it was stopped for review.");
            return;
        }

        if (done > 0)
        {
            logger.LogInformation("Bulk job {Job} resumes at row {Row} of {Total}.", job.Id, run.Processed, checks.Count);
        }
        else
        {
            logger.LogInformation("Bulk job {Job} starts: {Total} rows.", job.Id, checks.Count);
        }

        for (var k = done; k < chunks; k++)
        {
            ct.ThrowIfCancellationRequested();
            var slice = checks.Skip(k * ChunkRows).Take(ChunkRows).ToList();
            var outcomes = await VerifyChunkAsync(db, slice, ct);
            var results = new StringBuilder();
            foreach (var o in outcomes)
            {
                CsvTableWriter.AppendRecord(results, ResultFields(o, claimColumns).Select(SheetCell.Text));
            }

            manifest.Add(await blobs.PutAsync(Encoding.UTF8.GetBytes(results.ToString()), ct));
            var manifestBlob = await blobs.PutAsync(Encoding.ASCII.GetBytes(string.Join('\n', manifest)), ct);
            if (!await UpdateAsync(db, run, s => s.SetProperty(j => j.ResultBlob, manifestBlob), ct))
            {
                return;
            }

            // The contract as it stands now: a suspension or a price change applies from the next chunk.
            if (await ContractAsync(db, job, run, ct) is not { } current)
            {
                return;
            }

            if (Refused(current, job.Purpose) is { } stopped)
            {
                await FailAsync(db, run, stopped + $" {run.Processed:N0} of {checks.Count:N0} rows were done.");
                return;
            }

            var now = time.GetUtcNow();
            var records = outcomes.Where(o => o.LedgerResult is not null)
                .Select(o => new QueryRecord(now, job.RequestId, job.InstitutionId, job.CredentialId, job.UserId, job.Purpose, QueryTypes.Bulk,
                    o.Kidc!, o.LedgerResult!, o.Detail, job.XRoadClient, job.Id, current.PriceBulkRow))
                .ToList();
            if (records.Count > 0)
            {
                var month = UsageMeter.MonthOf(now);
                if (!await usage.TryAdmitAsync(job.InstitutionId, month, current.MonthlyQuota, records.Count, ct))
                {
                    await FailAsync(db, run, $"The monthly quota was used up before the job finished: {run.Processed:N0} of {checks.Count:N0} rows were done. The quota renews at the start of next month (Cambodia time).");
                    return;
                }

                try
                {
                    // Written even if the host is stopping: the look-ups happened.
                    await ledger.AppendManyAsync(records, CancellationToken.None);
                }
                catch
                {
                    usage.Release(job.InstitutionId, month, records.Count);
                    throw;
                }
            }

            matched += outcomes.Count(o => o.Result == "match");
            run.Processed = Math.Min((k + 1) * ChunkRows, checks.Count);
            if (!await UpdateAsync(db, run, s => s.SetProperty(j => j.ProcessedRows, run.Processed).SetProperty(j => j.MatchedRows, matched), CancellationToken.None))
            {
                return;
            }
        }

        var resultFile = await ResultFileAsync(file, manifest, claimColumns, ct);
        var resultBlob = await blobs.PutAsync(resultFile, ct);
        var completedAt = time.GetUtcNow();
        if (await UpdateAsync(db, run, s => s
                .SetProperty(j => j.Status, BulkJobStatus.Completed)
                .SetProperty(j => j.ResultBlob, resultBlob)
                .SetProperty(j => j.CompletedAt, completedAt)
                .SetProperty(j => j.ProcessedRows, checks.Count)
                .SetProperty(j => j.MatchedRows, matched), CancellationToken.None))
        {
            logger.LogInformation("Bulk job {Job} completed: {Total} rows, {Valid} verified, {Matched} matched.", job.Id, checks.Count, validBefore[chunks], matched);
        }
    }

    /// <summary>One chunk: one look-up for all its KIDCs, then each row compared as <see cref="VerifyClaims.HandleAsync"/> compares.</summary>
    private static async Task<List<RowOutcome>> VerifyChunkAsync(VerificationDbContext db, List<BulkRowCheck> slice, CancellationToken ct)
    {
        var kidcs = slice.Where(c => c.Valid).Select(c => c.Kidc!).Distinct(StringComparer.Ordinal).ToList();
        var persons = kidcs.Count == 0
            ? new Dictionary<string, PersonFactsEntity>(StringComparer.Ordinal)
            : await db.Persons.AsNoTracking().Where(p => kidcs.Contains(p.Kidc)).ToDictionaryAsync(p => p.Kidc, StringComparer.Ordinal, ct);
        var outcomes = new List<RowOutcome>(slice.Count);
        foreach (var check in slice)
        {
            if (!check.Valid)
            {
                outcomes.Add(new RowOutcome("invalid", null, NoClaims, check.Reason, null, null, null));
                continue;
            }

            // The same verdict as a single query (an unknown KIDC compared against the decoy).
            var verdict = check.Claims!.Judge(persons.GetValueOrDefault(check.Kidc!));
            var answers = verdict.Claims.ToDictionary(c => c.Key, c => c.Value.Match ? c.Value.Variant ?? "match" : "no", StringComparer.Ordinal);
            outcomes.Add(new RowOutcome(verdict.Result, verdict.Alive, answers, null, check.Kidc, verdict.Recorded, verdict.Detail));
        }

        return outcomes;
    }

    private static IEnumerable<string?> ResultFields(RowOutcome o, IReadOnlyList<string> claimColumns) =>
        [o.Result, o.Alive is null ? "" : o.Alive.Value ? "true" : "false", .. claimColumns.Select(c => o.Claims.GetValueOrDefault(c, "")), o.Reason ?? ""];

    /// <summary>
    /// The input columns, then <c>result</c>, <c>alive</c>, one column per claimed attribute and
    /// <c>reason</c>, through the platform's one CSV writer: the echoed input is text typed by the
    /// institution, so a cell such as <c>@SUM(1)</c> or <c>-1+2</c> comes back neutralised.
    /// </summary>
    private async Task<byte[]> ResultFileAsync(BulkCsvFile file, List<string> manifest, IReadOnlyList<string> claimColumns, CancellationToken ct)
    {
        var csv = new StringBuilder();
        CsvTableWriter.AppendRecord(csv, [.. file.Columns, "result", "alive", .. claimColumns.Select(c => c + "Result"), "reason"]);
        for (var k = 0; k < manifest.Count; k++)
        {
            var rows = file.Rows.Skip(k * ChunkRows).Take(ChunkRows).ToList();
            var results = await ChunkAsync(manifest[k], rows.Count, claimColumns.Count, ct);
            for (var i = 0; i < rows.Count; i++)
            {
                CsvTableWriter.AppendRecord(csv, rows[i].Fields.Concat(results[i]).Select(SheetCell.Text));
            }
        }

        return CsvTableWriter.Encode(csv.ToString());
    }

    private async Task<List<string>?> ManifestAsync(string blob, CancellationToken ct)
    {
        var bytes = await blobs.GetAsync(blob, ct);
        return bytes is null ? null : Encoding.ASCII.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private async Task<List<List<string>>> ChunkAsync(string blob, int rows, int claimColumns, CancellationToken ct)
    {
        var bytes = await blobs.GetAsync(blob, ct) ?? throw new InvalidDataException("A chunk of a bulk job's results is missing from the file store.");
        var records = BulkCsv.ReadRecords(Encoding.UTF8.GetString(bytes), int.MaxValue, out _);
        if (records is null || records.Count != rows || records.Any(r => r.Fields.Count != claimColumns + 3))
        {
            throw new InvalidDataException("A chunk of a bulk job's results does not have the expected rows.");
        }

        return records.Select(r => r.Fields).ToList();
    }

    private async Task<ClientContract?> ContractAsync(VerificationDbContext db, BulkJobEntity job, JobRun run, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().Include(i => i.Contract).FirstOrDefaultAsync(i => i.Id == job.InstitutionId, ct);
        if (institution?.Contract is null)
        {
            await FailAsync(db, run, "The institution or its contract no longer exists.");
            return null;
        }

        return ClientContract.From(institution, institution.Contract);
    }

    /// <summary>
    /// Rows are verified only while the institution could ask them one by one: active, its contract
    /// in force today, allowing bulk queries and the job's purpose. The credential that submitted the
    /// job is not checked again: the job was accepted under it, and results go to the institution.
    /// </summary>
    private string? Refused(ClientContract contract, string purpose)
    {
        if (contract.Status != InstitutionStatus.Active)
        {
            return "The institution was suspended, so the job was stopped.";
        }

        var today = CambodiaTime.Today(time);
        if (today < contract.StartsOn || today > contract.EndsOn)
        {
            return $"The contract {contract.Reference} is not in force today, so the job was stopped.";
        }

        return QueryChecks.Outside(contract, purpose, QueryTypes.Bulk);
    }

    private async Task FailAsync(VerificationDbContext db, JobRun run, string reason)
    {
        var at = time.GetUtcNow();
        var text = reason.Length <= 500 ? reason : reason[..500];
        var count = await db.BulkJobs.Where(j => j.Id == run.Id && j.Status == BulkJobStatus.Running && j.StartedAt == run.Token)
            .ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, BulkJobStatus.Failed)
            .SetProperty(j => j.Error, text)
            .SetProperty(j => j.CompletedAt, at), CancellationToken.None);
        if (count == 1)
        {
            logger.LogWarning("Bulk job {Job} failed after {Rows} rows.", run.Id, run.Processed);
        }
    }

    /// <summary>Updates the job if this worker still holds it, refreshing the heartbeat; false when another took it over.</summary>
    private async Task<bool> UpdateAsync(VerificationDbContext db, JobRun run, Action<UpdateSettersBuilder<BulkJobEntity>> set, CancellationToken ct)
    {
        var next = Token(run.Token);
        var count = await db.BulkJobs.Where(j => j.Id == run.Id && j.Status == BulkJobStatus.Running && j.StartedAt == run.Token)
            .ExecuteUpdateAsync(s =>
            {
                set(s);
                s.SetProperty(j => j.StartedAt, next);
            }, ct);
        if (count == 1)
        {
            run.Token = next;
            return true;
        }

        logger.LogWarning("Bulk job {Job} was taken over by another worker; this one stops at row {Rows}.", run.Id, run.Processed);
        return false;
    }

    /// <summary>Now, to the millisecond (so it reads back equal from any database), and never the previous token.</summary>
    private DateTimeOffset Token(DateTimeOffset? previous)
    {
        var now = time.GetUtcNow();
        var token = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return previous is { } p && token <= p ? p.AddMilliseconds(1) : token;
    }

    private sealed class JobRun(Guid id, DateTimeOffset token)
    {
        public Guid Id { get; } = id;
        public DateTimeOffset Token { get; set; } = token;
        public int Processed { get; set; }
    }

    private sealed record RowOutcome(
        string Result, bool? Alive, IReadOnlyDictionary<string, string> Claims, string? Reason, string? Kidc, string? LedgerResult, string? Detail);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Bulk;

/// <summary>
/// A bulk verification job as its institution sees it: where it stands, how many rows are done and
/// how many matched, and once completed where the result file is.
/// </summary>
public sealed record BulkJobView(
    Guid Id,
    BulkJobStatus Status,
    string Purpose,
    int TotalRows,
    int ProcessedRows,
    int MatchedRows,
    int ProgressPercent,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    string? ResultUrl);

/// <summary>One row of a bulk file checked: a KIDC and claims to verify, or the reason it cannot be verified.</summary>
internal sealed record BulkRowCheck(string? Kidc, Claims? Claims, string? Reason)
{
    public bool Valid => Reason is null;
}

/// <summary>
/// Bulk verification (issue 4: "a CSV of up to 100,000 rows processed as a background job with
/// progress, and a result file; the same audit and accounting per row"). Submission checks the
/// whole file and the contract, and only then stores anything; the rows are verified, recorded and
/// counted by <see cref="BulkWorker"/>.
/// </summary>
internal sealed class BulkJobs(
    VerificationDbContext db,
    IBlobStore blobs,
    UsageMeter usage,
    IOptions<VerificationOptions> options,
    TimeProvider time)
{
    public const string BasePath = "/api/verification/v1/bulk";

    /// <summary>
    /// Accepts a bulk file. Order of checks as for a single query: well-formed request and file
    /// (400) → purpose and the <c>bulk</c> query type within the contract (403) → the valid rows fit
    /// in what is left of the monthly quota (429). A row with a malformed value does not refuse the
    /// file: it is answered <c>invalid</c> in the result file, with the reason, and is neither
    /// recorded nor counted, since nobody was looked up.
    /// </summary>
    public async Task<QueryOutcome<BulkJobView>> SubmitAsync(ReadOnlyMemory<byte> content, string? purpose, string? userId, Asker asker, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = QueryService.CheckPurpose(purpose, errors);
        var user = QueryService.CheckUserId(userId, asker, errors);
        var file = BulkCsv.Read(content.Span, options.Value.MaxBulkRows, out var fileError);
        if (fileError is not null)
        {
            errors.Add("file", fileError);
        }

        if (errors.Any)
        {
            return new(null, Refusal.Invalid, errors);
        }

        var contract = asker.Client.Contract;
        if (QueryService.Outside(contract, code!, QueryTypes.Bulk) is { } reason)
        {
            return new(null, Refusal.OutsideContract, Detail: reason);
        }

        var valid = file!.Rows.Count(r => Check(file, r).Valid);
        var now = time.GetUtcNow();
        var month = UsageMeter.MonthOf(now);
        var left = await QuotaLeftAsync(contract.InstitutionId, month, contract.MonthlyQuota, ct);
        if (valid > left)
        {
            return new(null, Refusal.OverQuota, RetryAfter: UsageMeter.UntilNextMonth(now));
        }

        var input = await blobs.PutAsync(content, ct);
        var job = new BulkJobEntity
        {
            Id = Guid.CreateVersion7(now),
            InstitutionId = contract.InstitutionId,
            CredentialId = asker.Client.Session.CredentialId,
            Purpose = code!,
            UserId = user,
            XRoadClient = asker.XRoadClient,
            RequestId = asker.RequestId,
            Status = BulkJobStatus.Queued,
            TotalRows = file.Rows.Count,
            InputBlob = input,
            CreatedAt = now,
        };
        db.BulkJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return new(ToView(job), Refusal.None);
    }

    /// <summary>
    /// A job of the calling institution. Another institution's job is answered as if it did not
    /// exist (404, not 403): its id reveals nothing, not even that it exists.
    /// </summary>
    public async Task<BulkJobView?> GetAsync(Guid id, Guid institutionId, CancellationToken ct)
    {
        var job = await db.BulkJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.InstitutionId == institutionId, ct);
        return job is null ? null : ToView(job);
    }

    /// <summary>
    /// The result file of a completed job of the calling institution (others: null, answered 404).
    /// Fetching it again is not a new query: every row was recorded and counted when it was verified,
    /// and the file tells nothing those answers did not.
    /// </summary>
    public async Task<(BulkJobView? Job, byte[]? Content)> ResultAsync(Guid id, Guid institutionId, CancellationToken ct)
    {
        var job = await db.BulkJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.InstitutionId == institutionId, ct);
        if (job is null)
        {
            return (null, null);
        }

        if (job.Status != BulkJobStatus.Completed || job.ResultBlob is null)
        {
            return (ToView(job), null);
        }

        var content = await blobs.GetAsync(job.ResultBlob, ct)
            ?? throw new InvalidOperationException($"The result file of bulk job {job.Id} is missing from the file store.");
        return (ToView(job), content);
    }

    /// <summary>
    /// What is left of the month's quota for new work: the quota, less what this host's meter has
    /// counted, less the rows of jobs not yet processed (all their rows, a bound above their valid
    /// ones, so that queued jobs cannot together promise more than the quota).
    /// </summary>
    private async Task<long> QuotaLeftAsync(Guid institutionId, int month, long quota, CancellationToken ct)
    {
        // Admitting nothing loads the meter's count for the month from the usage table.
        await usage.TryAdmitAsync(institutionId, month, quota, 0, ct);
        var used = usage.Used(institutionId, month);
        var pending = await db.BulkJobs.AsNoTracking()
            .Where(j => j.InstitutionId == institutionId && (j.Status == BulkJobStatus.Queued || j.Status == BulkJobStatus.Running))
            .Select(j => j.TotalRows - j.ProcessedRows)
            .ToListAsync(ct);
        return quota - used - pending.Sum(p => (long)p);
    }

    /// <summary>Checks one row with the rules of a single query (<see cref="QueryService.CheckKidc"/>, <see cref="Claims.Parse"/>).</summary>
    public static BulkRowCheck Check(BulkCsvFile file, BulkCsvRow row)
    {
        var errors = new FieldErrors();
        var kidc = QueryService.CheckKidc(Cell(file, row, BulkCsv.KidcColumn) ?? "", errors);
        var input = new ClaimsInput(
            Cell(file, row, PersonAttributes.SurnameKm),
            Cell(file, row, PersonAttributes.GivenNameKm),
            Cell(file, row, PersonAttributes.SurnameLatin),
            Cell(file, row, PersonAttributes.GivenNameLatin),
            Cell(file, row, PersonAttributes.Sex),
            Cell(file, row, PersonAttributes.DateOfBirth),
            Cell(file, row, PersonAttributes.Nationality));
        var claims = Claims.Parse(input, errors);
        if (!errors.Any)
        {
            return new BulkRowCheck(kidc, claims, null);
        }

        var reason = string.Join(" ", errors.ToDictionary().Select(e =>
            (e.Key.StartsWith("claims.", StringComparison.Ordinal) ? e.Key["claims.".Length..] : e.Key == "claims" ? "row" : e.Key) + ": " + string.Join(" ", e.Value)));
        return new BulkRowCheck(null, null, reason);
    }

    /// <summary>An empty cell claims nothing.</summary>
    private static string? Cell(BulkCsvFile file, BulkCsvRow row, string column) =>
        file.Value(row, column) is { } v && !string.IsNullOrWhiteSpace(v) ? v : null;

    internal static BulkJobView ToView(BulkJobEntity job) => new(
        job.Id,
        job.Status,
        job.Purpose,
        job.TotalRows,
        job.ProcessedRows,
        job.MatchedRows,
        job.Status == BulkJobStatus.Completed ? 100 : job.TotalRows == 0 ? 0 : (int)(job.ProcessedRows * 100L / job.TotalRows),
        job.CreatedAt,
        job.CompletedAt,
        job.Error,
        job.Status == BulkJobStatus.Completed ? $"{BasePath}/{job.Id:D}/result" : null);
}

using Nokor.Verification.Contracts;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;
using Nokor.Verification.Queries;
using Microsoft.Extensions.Options;
using Nokor.Platform.Hosting;
using Nokor.Verification.Ledger;

namespace Nokor.Verification.Bulk;

/// <summary>Submits a bulk verification file (CSV): checked whole, then processed by <see cref="BulkWorker"/>.</summary>
internal static class SubmitBulkJob
{
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Accepts a bulk file. Order of checks as for a single query: well-formed request and file
    /// (400) → purpose and the <c>bulk</c> query type within the contract (403) → the valid rows fit
    /// in what is left of the monthly quota (429). A row with a malformed value does not refuse the
    /// file: it is answered <c>invalid</c> in the result file, with the reason, and is neither
    /// recorded nor counted, since nobody was looked up.
    /// </summary>
    public static async Task<QueryOutcome<BulkJobView>> HandleAsync(
        ReadOnlyMemory<byte> content, string? purpose, string? userId, Asker asker,
        VerificationDbContext db, IBlobStore blobs, UsageMeter usage, IOptions<VerificationOptions> options, TimeProvider time, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = QueryChecks.CheckPurpose(purpose, errors);
        var user = QueryChecks.CheckUserId(userId, asker, errors);
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
        if (QueryChecks.Outside(contract, code!, QueryTypes.Bulk) is { } reason)
        {
            return new(null, Refusal.OutsideContract, Detail: reason);
        }

        var valid = file!.Rows.Count(r => BulkJobs.Check(file, r).Valid);
        var now = time.GetUtcNow();
        var month = UsageMeter.MonthOf(now);
        var left = await QuotaLeftAsync(contract.InstitutionId, month, contract.MonthlyQuota, db, usage, ct);
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
        return new(BulkJobs.ToView(job), Refusal.None);
    }

    /// <summary>
    /// What is left of the month's quota for new work: the quota, less what this host's meter has
    /// counted, less the rows of jobs not yet processed (all their rows, a bound above their valid
    /// ones, so that queued jobs cannot together promise more than the quota).
    /// </summary>
    private static async Task<long> QuotaLeftAsync(Guid institutionId, int month, long quota, VerificationDbContext db, UsageMeter usage, CancellationToken ct)
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

    public static void Map(RouteGroupBuilder bulk) =>
        bulk.MapPost("", SubmitAsync)
            .WithMetadata(new BodySizeLimit(MaxBytes))
            .Accepts<string>("text/csv")
            .Produces<BulkJobView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Bulk yes/no verification: a CSV file of up to 100,000 rows, verified in the background.")
            .WithDescription("The body is a UTF-8 CSV file (at most 16 MiB) with a header row: kidc and one or more of surnameKm, givenNameKm, surnameLatin, givenNameLatin, sex, dateOfBirth, nationality. The purpose (and optionally userId) are query parameters. Each row is verified like POST /verify, recorded and counted as one 'bulk' query; a row with a malformed value is answered 'invalid' in the result file and not counted. The valid rows must fit in what is left of the monthly quota. Answers 202 with the job and its Location.");

    private static async Task<IResult> SubmitAsync(
        HttpContext http, string? purpose, string? userId,
        VerificationDbContext db, IBlobStore blobs, UsageMeter usage, IOptions<VerificationOptions> options, TimeProvider time)
    {
        var (asker, error) = QueryChecks.Ask(http);
        if (error is not null)
        {
            return error;
        }

        if (http.Request.ContentType is { } type && !IsCsv(type))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Type = Problems.Validation, Title = "Unsupported media type.", Status = StatusCodes.Status415UnsupportedMediaType,
                Detail = "Send the file as the request body with Content-Type: text/csv.",
            });
        }

        var (content, tooLarge) = await ReadBodyAsync(http);
        if (tooLarge)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Type = Problems.Validation, Title = "Request too large.", Status = StatusCodes.Status413PayloadTooLarge,
                Detail = $"A bulk file is at most {MaxBytes / (1024 * 1024)} MiB; split it into several files.",
            });
        }

        http.Response.Headers[XRoadHeaders.RequestHashHeader] = Convert.ToBase64String(SHA512.HashData(content.Span));
        var outcome = await HandleAsync(content, purpose, userId, asker!, db, blobs, usage, options, time, http.RequestAborted);
        if (outcome.Refusal != Refusal.None)
        {
            return QueryChecks.ToHttp(http, outcome, asker!);
        }

        var job = outcome.Answer!;
        return TypedResults.Accepted($"{BulkJobs.BasePath}/{job.Id:D}", job);
    }

    private static bool IsCsv(string contentType)
    {
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("text/csv", StringComparison.OrdinalIgnoreCase) ||
               media.Equals("application/csv", StringComparison.OrdinalIgnoreCase) ||
               media.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body, read up to <see cref="MaxBytes"/>; a larger one (even sent without a length) is refused.</summary>
    private static async Task<(ReadOnlyMemory<byte> Content, bool TooLarge)> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBytes)
        {
            return (default, true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return (default, true);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, true);
        }

        return (buffer.ToArray(), false);
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Errors;
using Nokor.Platform.Hosting;
using Nokor.Verification.Credentials;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Bulk;

/// <summary>Bulk verification in the institutions' API (tag <c>Verification</c>), under <c>/api/verification/v1/bulk</c>.</summary>
internal static class BulkEndpoints
{
    public const int MaxBytes = 16 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var bulk = endpoints.MapGroup(BulkJobs.BasePath).WithTags("Verification")
            .AllowAnonymous().AddEndpointFilter<ClientAuthentication>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

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

        bulk.MapGet("/{id:guid}", GetAsync)
            .Produces<BulkJobView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A bulk verification job: its status and progress.");

        bulk.MapGet("/{id:guid}/result", ResultAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The result file of a completed bulk job (CSV: the input columns, then result, alive, one column per claimed attribute, and reason).");
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, BulkJobs jobs, string? purpose, string? userId)
    {
        var (asker, error) = ClientEndpoints.Ask(http);
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
        var outcome = await jobs.SubmitAsync(content, purpose, userId, asker!, http.RequestAborted);
        if (outcome.Refusal != Refusal.None)
        {
            return ClientEndpoints.ToHttp(http, outcome, asker!);
        }

        var job = outcome.Answer!;
        return TypedResults.Accepted($"{BulkJobs.BasePath}/{job.Id:D}", job);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, BulkJobs jobs)
    {
        var client = (ClientContext)http.Items[ClientAuthentication.ItemKey]!;
        var job = await jobs.GetAsync(id, client.Contract.InstitutionId, http.RequestAborted);
        return job is null ? NotFound() : TypedResults.Ok(job);
    }

    private static async Task<IResult> ResultAsync(Guid id, HttpContext http, BulkJobs jobs)
    {
        var client = (ClientContext)http.Items[ClientAuthentication.ItemKey]!;
        var (job, content) = await jobs.ResultAsync(id, client.Contract.InstitutionId, http.RequestAborted);
        if (job is null)
        {
            return NotFound();
        }

        if (content is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Type = Problems.Conflict, Title = "No result yet.", Status = StatusCodes.Status409Conflict,
                Detail = job.Status == Data.BulkJobStatus.Failed
                    ? "The job failed, so it has no result file: " + job.Error
                    : $"The job is {job.Status.ToString().ToLowerInvariant()}: {job.ProcessedRows:N0} of {job.TotalRows:N0} rows done. Ask again when it is completed.",
                Extensions = { ["status"] = job.Status.ToString(), ["progressPercent"] = job.ProgressPercent },
            });
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(content, "text/csv; charset=utf-8", $"bulk-{id:D}.csv");
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

    private static IResult NotFound() => TypedResults.NotFound(new ProblemDetails
    {
        Type = Problems.NotFound, Title = "Not found.", Status = StatusCodes.Status404NotFound,
        Detail = "No bulk job with this id for your institution.",
    });
}

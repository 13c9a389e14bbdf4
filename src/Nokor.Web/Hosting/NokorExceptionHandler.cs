using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Nokor.Platform.Errors;

namespace Nokor.Web.Hosting;

/// <summary>
/// The one place unexpected failures are turned into ProblemDetails. Malformed requests (bad JSON,
/// oversized bodies) are the client's fault and get 4xx naming the field where one is known; other
/// exceptions get a 500 with a trace id and nothing of the request in the log.
/// </summary>
internal sealed class NokorExceptionHandler(IProblemDetailsService problems, ILogger<NokorExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            var field = FindJsonPath(bad);
            problem = field is null
                ? new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Type = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.TypeBase + "payload-too-large" : Problems.Validation,
                    Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
                    Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The body exceeds the limit of this endpoint." : SafeMessage(bad),
                }
                : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["This value has the wrong type or format."] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = Problems.Validation,
                    Title = "The request has invalid fields.",
                };
            http.Response.StatusCode = problem.Status!.Value;
        }
        else if (IsTransientDatabaseFailure(exception))
        {
            // The database refused a connection for now (too many clients, starting up, failing
            // over): the request did nothing and may be retried, which 503 with Retry-After says.
            logger.LogWarning("The database was unavailable for {Method} {Endpoint}: {Reason}",
                http.Request.Method, http.GetEndpoint()?.DisplayName, Innermost(exception).Message);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = Problems.TypeBase + "unavailable",
                Title = "The service is busy; try again in a moment.",
            };
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "1";
        }
        else
        {
            logger.LogError(exception, "Unhandled {ExceptionType} on {Method} {Endpoint}",
                exception.GetType().Name, http.Request.Method, http.GetEndpoint()?.DisplayName);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = Problems.Unexpected,
                Title = "An unexpected error occurred. It has been logged.",
            };
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static bool IsTransientDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "53300" or "57P03" or "53000" } || e is Npgsql.NpgsqlException { IsTransient: true } and not Npgsql.PostgresException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private static string? FindJsonPath(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException { Path: { } path } && path.Length > 2)
            {
                return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
            }

            if (e is JsonException)
            {
                return "body";
            }
        }

        return null;
    }

    private static string SafeMessage(BadHttpRequestException bad) =>
        bad.Message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase) ? "Send the body as application/json." : "The request is malformed.";
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;

namespace Nokor.Verification.Queries;

/// <summary>The CamDX (X-Road REST) headers a request may carry, recorded with each query.</summary>
internal sealed record XRoadHeaders(string? Client, string? Id, string? UserId)
{
    public const string ClientHeader = "X-Road-Client";
    public const string IdHeader = "X-Road-Id";
    public const string UserIdHeader = "X-Road-UserId";
    public const string RequestHashHeader = "X-Road-Request-Hash";

    public static XRoadHeaders Read(HttpRequest request, FieldErrors errors)
    {
        return new XRoadHeaders(
            One(request, ClientHeader, 300, errors),
            One(request, IdHeader, 100, errors),
            One(request, UserIdHeader, 100, errors));
    }

    private static string? One(HttpRequest request, string name, int max, FieldErrors errors)
    {
        if (!request.Headers.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        var value = values.Count == 1 ? values[0]?.Trim() : null;
        if (value is null || value.Length == 0 || value.Length > max || value.Any(char.IsControl))
        {
            errors.Add(name, $"The {name} header must be one value of 1 to {max} printable characters.");
            return null;
        }

        // X-Road percent-encodes identifiers in headers; keep them as sent.
        return value;
    }
}

/// <summary>The authenticated institution behind a request, set by <see cref="ClientAuthentication"/>.</summary>
internal sealed record ClientContext(ClientSession Session, ClientContract Contract);

/// <summary>
/// Authenticates the institution on every client endpoint: a valid, unexpired access token (401
/// otherwise), a credential neither revoked nor expired (401), an active institution with a
/// contract in force today (403 with the reason).
/// </summary>
internal sealed class ClientAuthentication(ClientTokens tokens, ClientDirectory directory, TimeProvider time) : IEndpointFilter
{
    public const string ItemKey = "nokor.verification.client";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (!tokens.TryAuthenticate(token, out var session, out var error))
        {
            return Unauthorized(http, error);
        }

        var entry = await directory.GetAsync(session!.CredentialId, http.RequestAborted);
        var now = time.GetUtcNow();
        if (entry is null || entry.RevokedAt is not null || entry.ExpiresAt <= now)
        {
            return Unauthorized(http, "The credential behind this token was revoked or has expired.");
        }

        var contract = entry.Contract;
        if (contract is null || contract.InstitutionId != session.InstitutionId)
        {
            return Unauthorized(http, "The credential behind this token belongs to no institution with a contract.");
        }

        if (contract.Status != InstitutionStatus.Active)
        {
            return ClientProblems.Forbidden("The institution is suspended: no query is answered until the data distribution unit reinstates it.");
        }

        var today = CambodiaTime.DateOf(now);
        if (today < contract.StartsOn || today > contract.EndsOn)
        {
            return ClientProblems.Forbidden($"The contract {contract.Reference} is in force from {contract.StartsOn:yyyy-MM-dd} to {contract.EndsOn:yyyy-MM-dd}, not today.");
        }

        http.Items[ItemKey] = new ClientContext(session, contract);
        return await next(context);
    }

    private static IResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return TypedResults.Problem(new ProblemDetails
        {
            Type = ClientProblems.Unauthorized, Title = "Not authenticated.", Status = StatusCodes.Status401Unauthorized, Detail = detail,
        });
    }
}

internal static class ClientProblems
{
    public const string Unauthorized = Problems.TypeBase + "verification/unauthorized";
    public const string OutsideContract = Problems.TypeBase + "verification/outside-contract";
    public const string OverQuota = Problems.TypeBase + "verification/over-quota";
    public const string NotReady = Problems.TypeBase + "verification/not-ready";
    public const string NotRecorded = Problems.TypeBase + "verification/not-recorded";

    public static IResult Forbidden(string detail) => TypedResults.Problem(new ProblemDetails
    {
        Type = OutsideContract, Title = "Outside the contract.", Status = StatusCodes.Status403Forbidden, Detail = detail,
    });

    public static IResult OverQuotaResult(HttpContext http, long quota, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(new ProblemDetails
        {
            Type = OverQuota, Title = "Monthly quota used.", Status = StatusCodes.Status429TooManyRequests,
            Detail = $"The contract allows {quota:N0} queries a month and they are used; the quota renews at the start of next month (Cambodia time).",
        });
    }

    public static IResult Unavailable(string type, string detail, int retryAfterSeconds)
    {
        return TypedResults.Problem(new ProblemDetails
        {
            Type = type, Title = "Not answered.", Status = StatusCodes.Status503ServiceUnavailable, Detail = detail,
            Extensions = { ["retryAfterSeconds"] = retryAfterSeconds },
        });
    }
}

/// <summary>Reading a client's JSON body: bounded, hashed for <c>X-Road-Request-Hash</c>, and errors that name the field.</summary>
internal static class ClientBody
{
    public const int MaxBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads the body; sets <c>X-Road-Request-Hash</c> (Base64 SHA-512 of the body as received) on the response.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext http) where T : class
    {
        var request = http.Request;
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        // Read into a pooled buffer: this is on every query's path.
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(rented.AsMemory(length), http.RequestAborted)) > 0)
            {
                length += read;
                if (length > MaxBytes)
                {
                    return (null, TooLarge());
                }
            }

            return Parse<T>(http, request, rented.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static (T? Value, IResult? Error) Parse<T>(HttpContext http, HttpRequest request, ReadOnlySpan<byte> bytes) where T : class
    {
        http.Response.Headers[XRoadHeaders.RequestHashHeader] = Convert.ToBase64String(SHA512.HashData(bytes));
        if (bytes.Length == 0)
        {
            return (null, Problems.Invalid("body", "The request body is empty; send a JSON object."));
        }

        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(new ProblemDetails
            {
                Type = Problems.Validation, Title = "Unsupported media type.", Status = StatusCodes.Status415UnsupportedMediaType,
                Detail = "Send the request as application/json.",
            }));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Json);
            return value is null ? (null, Problems.Invalid("body", "The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "This field is not part of the request."
                : "This is not valid here: " + FirstSentence(ex.Message);
            return (null, Problems.Invalid(path, message));
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    private static IResult TooLarge() => TypedResults.Problem(new ProblemDetails
    {
        Type = Problems.Validation, Title = "Request too large.", Status = StatusCodes.Status413PayloadTooLarge,
        Detail = $"A query body is at most {MaxBytes / 1024} KiB; send large sets as a bulk file.",
    });
}

using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Errors;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;

namespace Nokor.Verification.Queries;

/// <summary>The API institutions call (tag <c>Verification</c>), under <c>/api/verification/v1</c>.</summary>
internal static class ClientEndpoints
{
    public const string TokenPath = "/api/verification/v1/token";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/verification/v1").WithTags("Verification");

        v1.MapPost("/token", TokenAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithSummary("Exchanges an institution's client id and secret for an access token (OAuth 2.0 client credentials).")
            .WithDescription("Send grant_type=client_credentials with client_id and client_secret as a form, or the id and secret in HTTP Basic authentication. The token is valid for 10 minutes.")
            .Produces<TokenAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var queries = v1.MapGroup("").AllowAnonymous().AddEndpointFilter<ClientAuthentication>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();

        queries.MapPost("/verify", VerifyAsync)
            .WithSummary("Yes/no verification: does the person with this KIDC have these attributes, and are they alive?")
            .WithDescription("Answers per claimed attribute whether it matches, saying when a Khmer encoding or Latin spelling variant was needed. A KIDC nobody holds answers no_match, like a mismatch. Optional X-Road-Client, X-Road-Id and X-Road-UserId headers are recorded; the response carries X-Road-Request-Hash.")
            .Accepts<VerifyRequest>("application/json")
            .Produces<VerifyAnswer>();

        queries.MapPost("/attributes", ReleaseAsync)
            .WithSummary("Attribute release (e-KYC): the attributes the contract allows, for a purpose it allows.")
            .Accepts<ReleaseRequest>("application/json")
            .Produces<ReleaseAnswer>();
    }

    public sealed record TokenAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    private static async Task<IResult> TokenAsync(HttpContext http, VerificationDbContext db, ClientTokens tokens, TimeProvider time)
    {
        string? clientId = null, secret = null, grant = null;
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    clientId = Uri.UnescapeDataString(pair[..colon]);
                    secret = Uri.UnescapeDataString(pair[(colon + 1)..]);
                }
            }
            catch (FormatException)
            {
                return Invalid("Authorization", "Basic credentials are not base64 of 'client_id:client_secret'.");
            }
        }

        if (http.Request.HasFormContentType)
        {
            if (await Nokor.Platform.Hosting.FileUploads.ReadFormOrNullAsync(http.Request, http.RequestAborted) is not { } form)
            {
                return Invalid("grant_type", "The form body is malformed: send application/x-www-form-urlencoded with grant_type=client_credentials.");
            }

            grant = form["grant_type"].ToString();
            clientId ??= NullIfEmpty(form["client_id"].ToString());
            secret ??= NullIfEmpty(form["client_secret"].ToString());
        }
        else
        {
            return Invalid("grant_type", "Send the token request as application/x-www-form-urlencoded with grant_type=client_credentials.");
        }

        if (grant != "client_credentials")
        {
            return Invalid("grant_type", "Only grant_type=client_credentials is supported.");
        }

        if (clientId is null || secret is null || clientId.Length > 40 || secret.Length > 200)
        {
            return InvalidClient(http, "client_id and client_secret are required.");
        }

        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, http.RequestAborted);
        var now = time.GetUtcNow();
        // The hash is compared even for an unknown client id, so timing does not say which ids exist.
        var matches = ClientTokens.SecretMatches(secret, credential?.SecretHash ?? new string('0', 64));
        if (credential is null || !matches)
        {
            return InvalidClient(http, "Unknown client id or wrong secret.");
        }

        if (credential.RevokedAt is not null || credential.ExpiresAt <= now)
        {
            return InvalidClient(http, "This credential was revoked or has expired; ask the data distribution unit for a new one.");
        }

        var (token, expires) = tokens.Issue(credential.Id, credential.InstitutionId);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenAnswer(token, "Bearer", (int)Math.Max(1, (expires - now).TotalSeconds)));
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, QueryService queries)
    {
        var (asker, error) = Ask(http);
        var (request, bodyError) = await ClientBody.ReadAsync<VerifyRequest>(http);
        if (error is not null || bodyError is not null)
        {
            return error ?? bodyError!;
        }

        var outcome = await queries.VerifyAsync(request!, asker!, QueryTypes.Verify, http.RequestAborted);
        return ToHttp(http, outcome, asker!);
    }

    private static async Task<IResult> ReleaseAsync(HttpContext http, QueryService queries)
    {
        var (asker, error) = Ask(http);
        var (request, bodyError) = await ClientBody.ReadAsync<ReleaseRequest>(http);
        if (error is not null || bodyError is not null)
        {
            return error ?? bodyError!;
        }

        var outcome = await queries.ReleaseAsync(request!, asker!, http.RequestAborted);
        return ToHttp(http, outcome, asker!);
    }

    /// <summary>The institution, its X-Road headers and the request id (the X-Road-Id when sent).</summary>
    internal static (Asker? Asker, IResult? Error) Ask(HttpContext http)
    {
        var client = (ClientContext)http.Items[ClientAuthentication.ItemKey]!;
        var errors = new FieldErrors();
        var xroad = XRoadHeaders.Read(http.Request, errors);
        if (errors.Any)
        {
            return (null, errors.ToProblem());
        }

        var requestId = xroad.Id ?? "vrf-" + Guid.NewGuid().ToString("N");
        http.Response.Headers["X-Request-Id"] = requestId;
        if (xroad.Id is not null)
        {
            http.Response.Headers[XRoadHeaders.IdHeader] = xroad.Id;
        }

        return (new Asker(client, requestId, xroad.UserId, xroad.Client), null);
    }

    internal static IResult ToHttp<T>(HttpContext http, QueryOutcome<T> outcome, Asker asker) => outcome.Refusal switch
    {
        Refusal.None => TypedResults.Ok(outcome.Answer),
        Refusal.Invalid => outcome.Errors!.ToProblem(),
        Refusal.OutsideContract => ClientProblems.Forbidden(outcome.Detail!),
        Refusal.OverQuota => ClientProblems.OverQuotaResult(http, asker.Client.Contract.MonthlyQuota, outcome.RetryAfter!.Value),
        Refusal.NotReady => ClientProblems.Unavailable(ClientProblems.NotReady, "The verification store is being built; try again shortly.", 30),
        _ => ClientProblems.Unavailable(ClientProblems.NotRecorded, "The query could not be recorded, so it was not answered; try again.", 1),
    };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static IResult Invalid(string field, string message) => Problems.Invalid(field, message);

    private static IResult InvalidClient(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"nokor-verification\"";
        return TypedResults.Problem(new ProblemDetails
        {
            Type = ClientProblems.Unauthorized, Title = "Not authenticated.", Status = StatusCodes.Status401Unauthorized, Detail = detail,
            Extensions = { ["error"] = "invalid_client" },
        });
    }
}

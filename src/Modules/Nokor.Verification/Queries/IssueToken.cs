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

/// <summary>
/// Exchanges an institution's client id and secret for an access token (OAuth 2.0 client
/// credentials), under <c>/api/verification/v1/token</c>.
/// </summary>
internal static class IssueToken
{
    public const string TokenPath = "/api/verification/v1/token";

    public static void Map(RouteGroupBuilder v1) =>
        v1.MapPost("/token", TokenAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithSummary("Exchanges an institution's client id and secret for an access token (OAuth 2.0 client credentials).")
            .WithDescription("Send grant_type=client_credentials with client_id and client_secret as a form, or the id and secret in HTTP Basic authentication. The token is valid for 10 minutes.")
            .Produces<TokenAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    internal sealed record TokenAnswer(
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

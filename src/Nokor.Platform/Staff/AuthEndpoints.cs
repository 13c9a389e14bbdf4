using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Errors;
using Nokor.Platform.Hosting;

namespace Nokor.Platform.Staff;

/// <summary>
/// A token request. Staff: <c>userName</c> and <c>password</c> (grantType "password", the default),
/// with <c>totp</c> or <c>recoveryCode</c> when the account has a second factor. System accounts:
/// grantType "client_credentials" with <c>clientId</c> and <c>clientSecret</c>.
/// </summary>
public sealed record TokenRequest(
    string? UserName,
    string? Password,
    string? GrantType = null,
    string? ClientId = null,
    string? ClientSecret = null,
    string? Totp = null,
    string? RecoveryCode = null);

/// <summary>
/// Bearer tokens for other systems and scripts calling the API (the staff UI uses a cookie).
/// Wrong credentials and locked or disabled accounts get the same 401; too many attempts a 429
/// with Retry-After (<see cref="SignInThrottle"/>). No refresh token: a caller asks again.
/// </summary>
public static class AuthEndpoints
{
    public const string PasswordGrant = "password";
    public const string ClientCredentialsGrant = "client_credentials";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/auth/token", async Task<Results<Ok<AccessTokenResponse>, ValidationProblem, ProblemHttpResult>> (
                TokenRequest request, HttpContext http, StaffSignIn signIn, StaffTokens tokens) =>
            {
                var grant = string.IsNullOrEmpty(request.GrantType) ? PasswordGrant : request.GrantType;
                var errors = new FieldErrors();
                if (grant is not (PasswordGrant or ClientCredentialsGrant))
                {
                    errors.Add("grantType", "Use grantType \"password\" (staff) or \"client_credentials\" (system accounts).");
                    return errors.ToProblem();
                }

                if (grant == PasswordGrant)
                {
                    if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 256) errors.Add("userName", "Give the account name.");
                    if (string.IsNullOrEmpty(request.Password) || request.Password.Length > 256) errors.Add("password", "Give the password.");
                    if (request.Totp is { Length: > 16 }) errors.Add("totp", "The code has 6 digits.");
                    if (request.RecoveryCode is { Length: > 32 }) errors.Add("recoveryCode", "A recovery code looks like abcd-efgh-jkmn-pqrs.");
                }
                else
                {
                    if (string.IsNullOrWhiteSpace(request.ClientId) || request.ClientId.Length > 256) errors.Add("clientId", "Give the client id (the system account's name).");
                    if (string.IsNullOrEmpty(request.ClientSecret) || request.ClientSecret.Length > 256) errors.Add("clientSecret", "Give the client secret.");
                }

                if (errors.Any) return errors.ToProblem();

                var client = ClientPartition.Of(http);
                var result = grant == PasswordGrant
                    ? await signIn.PasswordAsync(request.UserName!, request.Password!, request.Totp, request.RecoveryCode, client)
                    : await signIn.ClientCredentialsAsync(request.ClientId!, request.ClientSecret!, client);
                http.Response.Headers.CacheControl = "no-store";
                return result.Status switch
                {
                    SignInStatus.Ok => TypedResults.Ok(await tokens.IssueAsync(result.User!)),
                    SignInStatus.Throttled => Throttled(http, result),
                    SignInStatus.SecondFactorRequired => Problem(result, StatusCodes.Status401Unauthorized, "second-factor-required", "A second factor is needed."),
                    SignInStatus.SecondFactorWrong => Problem(result, StatusCodes.Status401Unauthorized, "second-factor-wrong", "The second factor is wrong."),
                    SignInStatus.EnrolmentRequired => Problem(result, StatusCodes.Status403Forbidden, "second-factor-enrolment-required", "A second factor must be set up first."),
                    _ => Problem(result, StatusCodes.Status401Unauthorized, "unauthorized", "Not signed in."),
                };
            })
            .AllowAnonymous()
            .WithTags("Auth")
            .WithSummary("Get a bearer token for API calls")
            .WithDescription("Staff: {userName, password} (+ totp or recoveryCode for accounts with a second factor). System accounts: " +
                             "{grantType: \"client_credentials\", clientId, clientSecret}. Returns {tokenType, accessToken, expiresIn}; " +
                             "send 'Authorization: Bearer <accessToken>'. No refresh token: ask again when it expires. " +
                             "Too many attempts answer 429 with Retry-After.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static ProblemHttpResult Throttled(HttpContext http, StaffSignInResult result)
    {
        var seconds = (long)Math.Ceiling(result.RetryAfter?.TotalSeconds ?? 60);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(result, StatusCodes.Status429TooManyRequests, "too-many-requests", "Too many sign-in attempts.");
    }

    private static ProblemHttpResult Problem(StaffSignInResult result, int status, string type, string title) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Type = Problems.TypeBase + type,
            Title = title,
            Detail = result.Message,
            Extensions = { ["field"] = result.Field },
        });
}

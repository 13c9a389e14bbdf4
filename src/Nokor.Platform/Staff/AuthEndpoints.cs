using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Errors;

namespace Nokor.Platform.Staff;

public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>
/// Bearer tokens for other systems and scripts calling the API (the staff UI uses a cookie).
/// Wrong credentials and locked accounts get the same 401.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/auth/token", async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> (
                TokenRequest request, SignInManager<StaffUser> signIn) =>
            {
                var errors = new FieldErrors();
                if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 256) errors.Add("userName", "Give the account name.");
                if (string.IsNullOrEmpty(request.Password) || request.Password.Length > 256) errors.Add("password", "Give the password.");
                if (errors.Any) return errors.ToProblem();

                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var result = await signIn.PasswordSignInAsync(request.UserName!, request.Password!, isPersistent: false, lockoutOnFailure: true);
                return result.Succeeded
                    ? TypedResults.Empty
                    : TypedResults.Problem(title: "Wrong account name or password, or the account is locked.", statusCode: StatusCodes.Status401Unauthorized,
                        type: Problems.TypeBase + "unauthorized");
            })
            .AllowAnonymous()
            .WithTags("Auth")
            .WithSummary("Get a bearer token for API calls")
            .WithDescription("Returns {tokenType, accessToken, expiresIn, refreshToken}; send 'Authorization: Bearer <accessToken>'.");
        return endpoints;
    }
}

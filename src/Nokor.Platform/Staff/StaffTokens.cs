using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Nokor.Platform.Staff;

/// <summary>The answer of POST /api/auth/token: no refresh token (there is no refresh endpoint; ask again).</summary>
public sealed record AccessTokenResponse(string TokenType, string AccessToken, long ExpiresIn);

/// <summary>
/// Issues the bearer tokens that Identity's bearer handler reads (data-protected tickets, the
/// lifetime of the bearer scheme's options). The ticket carries the account's claims and its
/// security stamp, which <see cref="StaffSessions"/> checks on every request.
/// </summary>
public sealed class StaffTokens(SignInManager<StaffUser> signIn, IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    public async Task<AccessTokenResponse> IssueAsync(StaffUser user)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + bearer.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme + ":AccessToken");
        return new AccessTokenResponse("Bearer", bearer.BearerTokenProtector.Protect(ticket), (long)bearer.BearerTokenExpiration.TotalSeconds);
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Nokor.Platform.Staff;

public enum SignInStatus
{
    Ok,
    /// <summary>Wrong name or password/secret, unknown account, locked or disabled account: one answer for all.</summary>
    Invalid,
    /// <summary>Too many attempts from this client (or on this account from this client): wait <see cref="StaffSignInResult.RetryAfter"/>.</summary>
    Throttled,
    /// <summary>The password was right; the account's second factor (TOTP or a recovery code) is needed.</summary>
    SecondFactorRequired,
    /// <summary>The second factor given was wrong, or already used.</summary>
    SecondFactorWrong,
    /// <summary>The password was right but the account's role requires a second factor it does not have yet.</summary>
    EnrolmentRequired,
}

/// <summary>
/// The outcome of a sign-in step. <see cref="Field"/> names the request field a person must fix;
/// <see cref="SecondStepTicket"/> (after <see cref="SignInStatus.SecondFactorRequired"/>) lets the
/// /login page ask for the code without keeping the password: it is protected, names the account
/// and its security stamp and is good for five minutes.
/// </summary>
public sealed record StaffSignInResult(SignInStatus Status, StaffUser? User, string Message, string Field, TimeSpan? RetryAfter = null, string? SecondStepTicket = null)
{
    public bool Succeeded => Status == SignInStatus.Ok;
}

/// <summary>
/// Sign-in for the /login page and POST /api/auth/token: throttled (<see cref="SignInThrottle"/>),
/// never locking an account on wrong passwords, with the second factor where the account has one
/// or its role requires one (<see cref="TotpPolicy"/>). System accounts (<see cref="StaffUser.IsSystem"/>)
/// sign in only with client credentials: their client id is the account name and their client
/// secret is stored as Identity stores passwords (PBKDF2); they never use a password or a second
/// factor and cannot sign in on the page.
/// </summary>
public sealed class StaffSignIn(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    SignInThrottle throttle,
    SecondFactor secondFactor,
    TotpPolicy totpPolicy,
    IDataProtectionProvider protection)
{
    public static readonly TimeSpan SecondStepLifetime = TimeSpan.FromMinutes(5);
    private const string InvalidMessage = "Wrong account name or password, or the account is locked or disabled. (System accounts sign in with grantType client_credentials, clientId and clientSecret.)";

    private ITimeLimitedDataProtector Tickets => protection.CreateProtector("Nokor.Staff.SecondStep").ToTimeLimitedDataProtector();

    /// <summary>Staff sign-in with a password, and with the second factor when one is needed and given.</summary>
    public async Task<StaffSignInResult> PasswordAsync(string userName, string password, string? totp, string? recoveryCode, string client)
    {
        if (throttle.Check(userName, client) is { } wait)
        {
            return Throttled(wait);
        }

        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || user.IsSystem)
        {
            throttle.Failed(userName, client);
            return Invalid("password", InvalidMessage);
        }

        var checkedPassword = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (!checkedPassword.Succeeded)
        {
            throttle.Failed(userName, client);
            return Invalid("password", InvalidMessage);
        }

        return await SecondFactorAsync(user, totp, recoveryCode, client);
    }

    /// <summary>The /login page's second step: the ticket from the first step and a code.</summary>
    public async Task<StaffSignInResult> SecondStepAsync(string ticket, string? totp, string? recoveryCode, string client)
    {
        string payload;
        try
        {
            payload = Tickets.Unprotect(ticket);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return new StaffSignInResult(SignInStatus.Invalid, null, "The sign-in took too long or was not valid; start again with the password.", "password");
        }

        var parts = payload.Split('|');
        var user = parts.Length == 2 ? await users.FindByIdAsync(parts[0]) : null;
        if (user is null || user.IsSystem || !string.Equals(user.SecurityStamp, parts[1], StringComparison.Ordinal) || await users.IsLockedOutAsync(user))
        {
            return new StaffSignInResult(SignInStatus.Invalid, null, "The sign-in took too long or was not valid; start again with the password.", "password");
        }

        if (throttle.Check(user.UserName!, client) is { } wait)
        {
            return Throttled(wait);
        }

        return await SecondFactorAsync(user, totp, recoveryCode, client);
    }

    /// <summary>A system account's sign-in: client id (the account name) and client secret.</summary>
    public async Task<StaffSignInResult> ClientCredentialsAsync(string clientId, string clientSecret, string client)
    {
        if (throttle.Check(clientId, client) is { } wait)
        {
            return Throttled(wait);
        }

        var user = await users.FindByNameAsync(clientId.Trim());
        if (user is null || !user.IsSystem || !(await signIn.CheckPasswordSignInAsync(user, clientSecret, lockoutOnFailure: false)).Succeeded)
        {
            throttle.Failed(clientId, client);
            return Invalid("clientSecret", "Wrong client id or client secret, or the system account is disabled.");
        }

        throttle.Succeeded(clientId, client);
        return new StaffSignInResult(SignInStatus.Ok, user, "", "");
    }

    private async Task<StaffSignInResult> SecondFactorAsync(StaffUser user, string? totp, string? recoveryCode, string client)
    {
        var name = user.UserName!;
        var enrolled = await secondFactor.IsEnrolledAsync(user);
        if (!enrolled)
        {
            if (totpPolicy.Requires(await users.GetRolesAsync(user)))
            {
                return new StaffSignInResult(SignInStatus.EnrolmentRequired, null,
                    "This account's role requires a second factor (TOTP) and none is set up yet: ask an administrator to run 'nokor users totp --user " + name + "'.",
                    "totp");
            }

            throttle.Succeeded(name, client);
            return new StaffSignInResult(SignInStatus.Ok, user, "", "");
        }

        if (string.IsNullOrWhiteSpace(totp) && string.IsNullOrWhiteSpace(recoveryCode))
        {
            var ticket = Tickets.Protect(user.Id + "|" + user.SecurityStamp, SecondStepLifetime);
            return new StaffSignInResult(SignInStatus.SecondFactorRequired, null,
                "This account signs in with a second factor: give the 6-digit code of its authenticator app (totp), or one of its recovery codes (recoveryCode).",
                "totp", SecondStepTicket: ticket);
        }

        var accepted = !string.IsNullOrWhiteSpace(totp)
            ? totp.Length <= 16 && await secondFactor.VerifyCodeAsync(user, totp)
            : recoveryCode!.Length <= 32 && await secondFactor.RedeemRecoveryCodeAsync(user, recoveryCode);
        if (!accepted)
        {
            throttle.Failed(name, client);
            return new StaffSignInResult(SignInStatus.SecondFactorWrong, null,
                string.IsNullOrWhiteSpace(totp) ? "The recovery code is wrong or was already used." : "The code is wrong or was already used; wait for the next code of the app.",
                string.IsNullOrWhiteSpace(totp) ? "recoveryCode" : "totp");
        }

        throttle.Succeeded(name, client);
        return new StaffSignInResult(SignInStatus.Ok, user, "", "");
    }

    private static StaffSignInResult Invalid(string field, string message) => new(SignInStatus.Invalid, null, message, field);

    private static StaffSignInResult Throttled(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        return new StaffSignInResult(SignInStatus.Throttled, null,
            $"Too many sign-in attempts from this address; try again in {seconds} seconds.", "userName", TimeSpan.FromSeconds(seconds));
    }
}

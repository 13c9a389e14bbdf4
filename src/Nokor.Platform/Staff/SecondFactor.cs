using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using OtpNet;

namespace Nokor.Platform.Staff;

/// <summary>A new second factor: the secret as an otpauth URI (for a QR code) and the one-time recovery codes, shown once.</summary>
public sealed record TotpEnrolment(string Secret, string OtpAuthUri, IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// Which roles must sign in with a second factor (Auth:RequireTotpForRoles, a comma-separated list
/// of roles, or "none"). Unset, it is registrar, senior-registrar, data-distribution and
/// administrator in the Production environment and none elsewhere (demo and development).
/// </summary>
public sealed record TotpPolicy(IReadOnlySet<string> Roles)
{
    public static readonly IReadOnlyList<string> ProductionDefault = [Staff.Roles.Registrar, Staff.Roles.SeniorRegistrar, Staff.Roles.DataDistribution, Staff.Roles.Administrator];

    public static TotpPolicy From(IConfiguration configuration, string environmentName)
    {
        var configured = configuration["Auth:RequireTotpForRoles"];
        IEnumerable<string> roles = configured switch
        {
            null => string.Equals(environmentName, "Production", StringComparison.OrdinalIgnoreCase) ? ProductionDefault : [],
            _ when configured.Trim().Length == 0 || configured.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) => [],
            _ => configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        return new TotpPolicy(roles.ToHashSet(StringComparer.Ordinal));
    }

    public bool Requires(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}

/// <summary>
/// Time-based one-time passwords (RFC 6238 through Otp.NET: SHA-1, 6 digits, 30 s, one step of
/// clock drift either way) and ten recovery codes. The secret and the SHA-256 hashes of the
/// recovery codes (80 random bits each) are kept in the account's Identity tokens; a code is
/// accepted once: a time step already used, or a recovery code already redeemed, is refused.
/// Enrolling or removing changes the security stamp, so existing sessions end.
/// </summary>
public sealed class SecondFactor(UserManager<StaffUser> users, TimeProvider time)
{
    public const string Provider = "Nokor";
    private const string KeyName = "TotpKey";
    private const string LastStepName = "TotpLastStep";
    private const string RecoveryName = "RecoveryCodes";
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "Nokor";

    public async Task<bool> IsEnrolledAsync(StaffUser user) =>
        user.TwoFactorEnabled && !string.IsNullOrEmpty(await users.GetAuthenticationTokenAsync(user, Provider, KeyName));

    /// <summary>Gives the account a new secret and new recovery codes (replacing any old ones).</summary>
    public async Task<(TotpEnrolment? Enrolment, IReadOnlyList<string> Errors)> EnrolAsync(StaffUser user)
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        foreach (var step in new Func<Task<IdentityResult>>[]
                 {
                     () => users.SetAuthenticationTokenAsync(user, Provider, KeyName, secret),
                     () => users.RemoveAuthenticationTokenAsync(user, Provider, LastStepName),
                     () => users.SetAuthenticationTokenAsync(user, Provider, RecoveryName, string.Join(';', codes.Select(Hash))),
                     () => users.SetTwoFactorEnabledAsync(user, true),
                 })
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return (null, result.Errors.Select(e => e.Description).ToList());
            }
        }

        var label = Uri.EscapeDataString(Issuer + ":" + user.UserName);
        var uri = $"otpauth://totp/{label}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
        return (new TotpEnrolment(secret, uri, codes), []);
    }

    public async Task<IReadOnlyList<string>> RemoveAsync(StaffUser user)
    {
        var errors = new List<string>();
        foreach (var name in new[] { KeyName, LastStepName, RecoveryName })
        {
            var removed = await users.RemoveAuthenticationTokenAsync(user, Provider, name);
            errors.AddRange(removed.Errors.Select(e => e.Description));
        }

        var disabled = await users.SetTwoFactorEnabledAsync(user, false);
        errors.AddRange(disabled.Errors.Select(e => e.Description));
        return errors;
    }

    /// <summary>Checks a 6-digit code; a code of a time step already used is refused (no replay).</summary>
    public async Task<bool> VerifyCodeAsync(StaffUser user, string code)
    {
        var digits = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = await users.GetAuthenticationTokenAsync(user, Provider, KeyName);
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, digits, out var step, VerificationWindow.RfcSpecifiedNetworkDelay))
        {
            return false;
        }

        var last = long.TryParse(await users.GetAuthenticationTokenAsync(user, Provider, LastStepName), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : -1;
        if (step <= last)
        {
            return false;
        }

        var saved = await users.SetAuthenticationTokenAsync(user, Provider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }

    /// <summary>Accepts a recovery code once; it is struck off the list.</summary>
    public async Task<bool> RedeemRecoveryCodeAsync(StaffUser user, string code)
    {
        var normalized = Normalize(code);
        if (normalized.Length != 16)
        {
            return false;
        }

        var stored = await users.GetAuthenticationTokenAsync(user, Provider, RecoveryName);
        if (string.IsNullOrEmpty(stored))
        {
            return false;
        }

        var hashes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var hash = Hash(normalized);
        var match = hashes.FindIndex(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), Encoding.ASCII.GetBytes(hash)));
        if (match < 0)
        {
            return false;
        }

        hashes.RemoveAt(match);
        // The account row's concurrency stamp makes a second redemption of the same code at the same
        // moment fail rather than succeed twice.
        var saved = await users.SetAuthenticationTokenAsync(user, Provider, RecoveryName, string.Join(';', hashes));
        return saved.Succeeded;
    }

    public async Task<int> RecoveryCodesLeftAsync(StaffUser user) =>
        (await users.GetAuthenticationTokenAsync(user, Provider, RecoveryName))?.Split(';', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;

    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>16 characters of a 31-letter alphabet without look-alikes (79 bits), as xxxx-xxxx-xxxx-xxxx.</summary>
    private static string NewRecoveryCode()
    {
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var s = new string(chars);
        return $"{s[..4]}-{s[4..8]}-{s[8..12]}-{s[12..]}";
    }

    private static string Normalize(string code) =>
        new(code.Where(c => c != '-' && !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant).ToArray());

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;

namespace Nokor.Platform.Staff;

/// <summary>
/// A new account. For a staff account <see cref="Password"/> is its password; for a system account
/// (role <see cref="Roles.System"/>, or <see cref="Roles.Court"/> for the courts' system) it is the client secret the other system signs in with
/// (grantType client_credentials); <see cref="StaffAccounts.NewClientSecret"/> makes a strong one.
/// </summary>
public sealed record NewStaffAccount(string UserName, string DisplayName, string Password, string Role, OfficeLevel Level, string? AreaCode);

/// <summary>
/// Creates offices and staff accounts, locks, unlocks, sets passwords and second factors; used by
/// the CLI (first administrator) and the demo seed. Every change that must end the account's
/// sessions changes its security stamp and tells <see cref="StaffSessions"/> at once.
/// </summary>
public sealed class StaffAccounts(PlatformDbContext db, UserManager<StaffUser> users, RoleManager<StaffRole> roles, StaffSessions sessions, SecondFactor secondFactor)
{
    /// <summary>A client secret for a system account: 256 random bits, base64url.</summary>
    public static string NewClientSecret() => System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new StaffRole { Name = role });
            }
        }
    }

    /// <summary>
    /// The office at this level for this area, created if needed. The area must be a gazetteer
    /// unit of the matching level (a commune office covers a commune code), or null for national.
    /// </summary>
    public async Task<(Office? Office, string? Error)> EnsureOfficeAsync(OfficeLevel level, string? areaCode, CancellationToken ct = default)
    {
        if (level == OfficeLevel.National)
        {
            if (areaCode is not null) return (null, "A national office has no area code.");
        }
        else
        {
            var expected = level switch
            {
                OfficeLevel.Province => AdminLevel.Province,
                OfficeLevel.District => AdminLevel.District,
                _ => AdminLevel.Commune,
            };
            var unit = areaCode is null ? null : await db.GazetteerUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == areaCode, ct);
            if (unit is null || unit.Level != expected)
            {
                return (null, $"'{areaCode}' is not a {expected.ToString().ToLowerInvariant()} code of the gazetteer.");
            }
        }

        var office = await db.Offices.FirstOrDefaultAsync(o => o.Level == level && o.AreaCode == areaCode, ct);
        if (office is null)
        {
            var name = areaCode is null
                ? "General Department of Identification"
                : await db.GazetteerUnits.Where(u => u.Code == areaCode).Select(u => u.NameLatin).FirstAsync(ct) + $" {level} office";
            office = new Office { Id = Guid.CreateVersion7(), Name = name, Level = level, AreaCode = areaCode };
            db.Offices.Add(office);
            await db.SaveChangesAsync(ct);
        }

        return (office, null);
    }

    public async Task<IReadOnlyList<string>> CreateAsync(NewStaffAccount account, CancellationToken ct = default)
    {
        if (!Roles.All.Contains(account.Role))
        {
            return [$"Unknown role '{account.Role}'; use one of {string.Join(", ", Roles.All)}."];
        }

        await EnsureRolesAsync(ct);
        var (office, error) = await EnsureOfficeAsync(account.Level, account.AreaCode, ct);
        if (office is null)
        {
            return [error!];
        }

        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            OfficeId = office.Id,
            IsSystem = Roles.IsSystemRole(account.Role),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        var added = await users.AddToRolesAsync(user, Roles.Granted(account.Role));
        return added.Succeeded ? [] : added.Errors.Select(e => e.Description).ToList();
    }

    /// <summary>
    /// Locks the account until <paramref name="until"/> (null: disabled, until unlocked) and ends
    /// its sessions and tokens.
    /// </summary>
    public async Task<IReadOnlyList<string>> LockAsync(string userName, DateTimeOffset? until, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is not { } user) return [$"No account '{userName}'."];
        var results = new[]
        {
            await users.SetLockoutEnabledAsync(user, true),
            await users.SetLockoutEndDateAsync(user, until ?? DateTimeOffset.MaxValue),
            await users.UpdateSecurityStampAsync(user),
        };
        sessions.Invalidate(user.Id);
        return Errors(results);
    }

    public async Task<IReadOnlyList<string>> UnlockAsync(string userName, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is not { } user) return [$"No account '{userName}'."];
        var results = new[] { await users.SetLockoutEndDateAsync(user, null), await users.ResetAccessFailedCountAsync(user) };
        sessions.Invalidate(user.Id);
        return Errors(results);
    }

    /// <summary>Sets a new password (a system account: a new client secret); ends the account's sessions and tokens.</summary>
    public async Task<IReadOnlyList<string>> SetPasswordAsync(string userName, string newPassword, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is not { } user) return [$"No account '{userName}'."];
        // Checked first, then hash and new stamp saved together: a refused password changes nothing.
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, newPassword)).Errors.Select(e => e.Description));
        }

        if (errors.Count > 0) return errors;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        var result = await users.UpdateSecurityStampAsync(user);
        sessions.Invalidate(user.Id);
        return Errors([result]);
    }

    /// <summary>Ends every session and token of the account without changing anything else.</summary>
    public async Task<IReadOnlyList<string>> RevokeSessionsAsync(string userName, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is not { } user) return [$"No account '{userName}'."];
        var result = await users.UpdateSecurityStampAsync(user);
        sessions.Invalidate(user.Id);
        return Errors([result]);
    }

    /// <summary>Gives a staff account a new TOTP secret and recovery codes (replacing old ones); ends its sessions.</summary>
    public async Task<(TotpEnrolment? Enrolment, IReadOnlyList<string> Errors)> EnrolTotpAsync(string userName, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is not { } user) return (null, [$"No account '{userName}'."]);
        if (user.IsSystem) return (null, [$"'{userName}' is a system account: it signs in with its client secret, without a second factor."]);
        var result = await secondFactor.EnrolAsync(user);
        sessions.Invalidate(user.Id);
        return result;
    }

    public async Task<IReadOnlyList<string>> RemoveTotpAsync(string userName, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is not { } user) return [$"No account '{userName}'."];
        var errors = await secondFactor.RemoveAsync(user);
        sessions.Invalidate(user.Id);
        return errors;
    }

    private static IReadOnlyList<string> Errors(IEnumerable<IdentityResult> results) =>
        results.SelectMany(r => r.Errors).Select(e => e.Description).ToList();
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;

namespace Nokor.Platform.Staff;

public sealed record NewStaffAccount(string UserName, string DisplayName, string Password, string Role, OfficeLevel Level, string? AreaCode);

/// <summary>Creates offices and staff accounts; used by the CLI (first administrator) and the demo seed.</summary>
public sealed class StaffAccounts(PlatformDbContext db, UserManager<StaffUser> users, RoleManager<StaffRole> roles)
{
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
            IsSystem = account.Role == Roles.System,
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
}

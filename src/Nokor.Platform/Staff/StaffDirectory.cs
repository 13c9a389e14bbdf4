using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Data;

namespace Nokor.Platform.Staff;

/// <summary>A staff member as other modules need them: to print who registered, to assign work.</summary>
public sealed record StaffMember(string Id, string UserName, string DisplayName, string? AreaCode, string OfficeName, IReadOnlyList<string> Roles);

/// <summary>Looks up staff accounts by id or user name, for history lines, certificates and reassignment.</summary>
public sealed class StaffDirectory(PlatformDbContext db)
{
    private static readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The display name of an actor id (a staff account id, or a system name for the platform itself).</summary>
    public async Task<string> DisplayNameAsync(Actor actor, CancellationToken ct)
    {
        if (_names.TryGetValue(actor.Id, out var cached))
        {
            return cached;
        }

        var name = Guid.TryParse(actor.Id, out var id)
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        name ??= actor.Id;
        _names[actor.Id] = name;
        return name;
    }

    public async Task<StaffMember?> FindByUserNameAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Include(u => u.Office)
            .FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == user.Id)
            .Join(db.Roles.AsNoTracking(), ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        return new StaffMember(user.Id.ToString(), user.UserName!, user.DisplayName, user.Office?.AreaCode, user.Office?.Name ?? "", roles);
    }
}

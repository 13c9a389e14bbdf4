using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nokor.Platform.Data;

namespace Nokor.Platform.Staff;

/// <summary>
/// Checks on every request that a bearer token or sign-in cookie still speaks for its account: the
/// security stamp it carries is the account's current one (changed when the password or client
/// secret changes, when the account is locked or disabled, on second-factor enrolment and on
/// "revoke sessions"), and the account is not locked. The account's stamp and lock are read at
/// most once per <see cref="Ttl"/> per host (Auth:SessionCheckSeconds, default 5); a change made
/// through <see cref="StaffAccounts"/> on this host takes effect at once, on other hosts within
/// the window.
/// </summary>
public sealed class StaffSessions(IServiceScopeFactory scopes, TimeProvider time, IOptions<IdentityOptions> identity, SessionCheckInterval interval)
{
    private const int MaxCached = 100_000;
    private readonly ConcurrentDictionary<Guid, (string? Stamp, DateTimeOffset? LockoutEnd, DateTimeOffset Until)> _cache = new();

    public TimeSpan Ttl => interval.Value;

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return false;
        }

        var claimed = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (string.IsNullOrEmpty(claimed))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(id, out var entry) || entry.Until <= now)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            entry = (row?.SecurityStamp, row?.LockoutEnd, now + Ttl);
            _cache[id] = entry;
        }

        return entry.Stamp is not null && string.Equals(entry.Stamp, claimed, StringComparison.Ordinal) &&
               (entry.LockoutEnd is null || entry.LockoutEnd <= now);
    }

    /// <summary>Forgets what this host knows of an account, after it was changed here.</summary>
    public void Invalidate(Guid userId) => _cache.TryRemove(userId, out _);
}

/// <summary>How long a host trusts what it read of an account's stamp and lock.</summary>
public sealed record SessionCheckInterval(TimeSpan Value);

using System.Security.Claims;

namespace Nokor.Platform.Staff;

/// <summary>
/// Who is acting: a staff member, another system, or the platform itself (CLI, background jobs).
/// Handlers take the actor explicitly so that every audit entry and jurisdiction check names it.
/// </summary>
public sealed record Actor(string Kind, string Id, Guid? OfficeId, Jurisdiction Jurisdiction, IReadOnlySet<string> Roles)
{
    public const string OfficeClaim = "nokor:office";
    public const string AreaClaim = "nokor:area";
    public const string SystemClaim = "nokor:system";

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The platform itself acting nationally, for commands run by an operator on the server.</summary>
    public static Actor Platform(string name) =>
        new("system", name, null, Jurisdiction.National, new HashSet<string> { Staff.Roles.System, Staff.Roles.Administrator });

    public static Actor? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }

        Guid? officeId = Guid.TryParse(principal.FindFirstValue(OfficeClaim), out var o) ? o : null;
        var area = principal.FindFirstValue(AreaClaim);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var kind = principal.HasClaim(c => c.Type == SystemClaim) ? "system" : "staff";
        return new Actor(kind, id, officeId, new Jurisdiction(string.IsNullOrEmpty(area) ? null : area), roles);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.Platform.Data;

namespace Nokor.Platform.Staff;

/// <summary>Adds the account's office and area to its sign-in so that every request knows its jurisdiction.</summary>
internal sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> userManager,
    RoleManager<StaffRole> roleManager,
    IOptions<IdentityOptions> options,
    PlatformDbContext db)
    : UserClaimsPrincipalFactory<StaffUser, StaffRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var office = await db.Offices.AsNoTracking().FirstAsync(o => o.Id == user.OfficeId);
        identity.AddClaim(new Claim(Actor.OfficeClaim, office.Id.ToString()));
        if (office.AreaCode is not null)
        {
            identity.AddClaim(new Claim(Actor.AreaClaim, office.AreaCode));
        }

        identity.AddClaim(new Claim("nokor:display", user.DisplayName));
        if (user.IsSystem)
        {
            identity.AddClaim(new Claim(Actor.SystemClaim, "true"));
        }

        return identity;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nokor.Platform.Audit;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;

namespace Nokor.Platform.Hosting;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>
    /// The shared kernel every host needs: database settings, the platform context, staff identity,
    /// the clock, the audit chain, the gazetteer and the signing keys.
    /// </summary>
    public static IServiceCollection AddNokorPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddNokorDbContext<PlatformDbContext>(configuration);
        services.AddNokorAudit();

        // Tokens and cookies are protected with ASP.NET Core data protection. Several hosts behind a
        // load balancer must share the key ring (PersistKeysTo...); one host keeps it on disk.
        services.AddDataProtection().SetApplicationName("Nokor");
        services.AddIdentityCore<StaffUser>(o =>
            {
                // Length rather than composition rules (NIST SP 800-63B): passphrases are allowed.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<StaffRole>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        services.AddNokorGazetteer();
        services.AddNokorSigning(configuration);

        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffDirectory>();
        services.TryAddSingleton<Files.IBlobStore, Files.FileSystemBlobStore>();
        return services;
    }
}

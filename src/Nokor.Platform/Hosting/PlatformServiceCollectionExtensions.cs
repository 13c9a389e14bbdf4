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

        // Tokens and cookies are protected with ASP.NET Core data protection. The key ring is kept
        // in DataProtection:KeyDirectory (default dataprotection/ under the data root), so sign-ins
        // and bearer tokens survive a restart; hosts behind a load balancer point it at one shared directory.
        // Its folder is created 0700 (PrivateFiles) when data protection is first used, not here.
        var keyRing = DataRoot.PathFor(configuration, "DataProtection:KeyDirectory", "dataprotection");
        services.AddDataProtection()
            .SetApplicationName("Nokor")
            .PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .PostConfigure(_ => PrivateFiles.CreateDirectory(keyRing));
        services.AddIdentityCore<StaffUser>(o =>
            {
                // Length rather than composition rules (NIST SP 800-63B): passphrases are allowed.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                // Wrong passwords never lock an account (anyone could lock anyone's): sign-in is
                // throttled per client instead (SignInThrottle). Lockout is what an administrator
                // sets: `nokor users lock` / `disable`.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<StaffRole>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddPasswordValidator<PasswordRules>();

        services.TryAddSingleton(SignInLimits.From(configuration));
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddSingleton(sp => TotpPolicy.From(configuration,
            sp.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()?.EnvironmentName ?? "Production"));
        services.TryAddSingleton(new SessionCheckInterval(TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Auth:SessionCheckSeconds", 5.0), 0, 60))));
        services.TryAddSingleton<StaffSessions>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<StaffTokens>();

        services.AddNokorGazetteer();
        services.AddNokorSigning(configuration);

        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffDirectory>();
        services.TryAddSingleton<Files.IBlobStore, Files.FileSystemBlobStore>();
        return services;
    }
}

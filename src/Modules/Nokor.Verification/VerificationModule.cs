using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;
using Nokor.Verification.Bulk;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;
using Nokor.Verification.Institutions;
using Nokor.Verification.Ledger;
using Nokor.Verification.Projection;
using Nokor.Verification.Queries;

namespace Nokor.Verification;

/// <summary>
/// The identity verification service for authorized institutions (NSPI goal 4, 5.3 item 4 and
/// 6.4: the unified data distribution system). Its tables (<c>vrf_*</c>) may live in a database of
/// their own: set <c>ConnectionStrings:Verification</c>.
/// </summary>
public static class VerificationModule
{
    public const string ConnectionName = "Verification";

    public static IServiceCollection AddVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNokorDbContext<VerificationDbContext>(configuration, ConnectionName);
        services.AddOptions<VerificationOptions>().Bind(configuration.GetSection(VerificationOptions.Section));
        services.AddSingleton<UsageMeter>();
        services.AddSingleton<QueryLedger>();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<ClientTokens>();
        services.AddSingleton<ClientAuthentication>();
        services.AddSingleton<ProjectionStatus>();
        services.AddSingleton<PersonLookup>();
        services.AddScoped<QueryService>();
        services.AddScoped<InstitutionService>();
        services.AddScoped<LedgerReports>();
        services.AddScoped<LedgerVerifier>();
        services.AddScoped<LedgerCheckpointer>();
        services.AddScoped<BulkJobs>();
        services.AddAuthorizationBuilder()
            .AddPolicy(VerificationPolicies.Manage, p => p.RequireRole(Roles.DataDistribution, Roles.Administrator))
            .AddPolicy(VerificationPolicies.PersonAccess, p => p.RequireRole(VerificationPolicies.PersonAccessRoles));
        return services;
    }

    /// <summary>The background work of a host: the projection and, when enabled, bulk jobs.</summary>
    public static IServiceCollection AddVerificationWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue(VerificationOptions.Section + ":" + nameof(VerificationOptions.RunProjection), true))
        {
            services.AddSingleton<PersonProjector>();
            services.AddHostedService(sp => sp.GetRequiredService<PersonProjector>());
        }

        services.AddHostedService<LedgerCheckpointService>();
        if (configuration.GetValue(VerificationOptions.Section + ":" + nameof(VerificationOptions.RunBulkJobs), true))
        {
            services.AddHostedService<BulkWorker>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder endpoints)
    {
        ClientEndpoints.Map(endpoints);
        StaffEndpoints.Map(endpoints);
        BulkEndpoints.Map(endpoints);
        LedgerHeadEndpoint.Map(endpoints);
        return endpoints;
    }
}

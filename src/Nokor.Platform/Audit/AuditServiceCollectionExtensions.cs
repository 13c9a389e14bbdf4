using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nokor.Platform.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The audit chain: one <see cref="IAuditLog"/> writer per process (a singleton, since it owns
    /// the group-commit queue) and the scoped <see cref="AuditChainVerifier"/>. Needs the
    /// <see cref="Data.PlatformDbContext"/> and logging.
    /// </summary>
    public static IServiceCollection AddNokorAudit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog, AuditLog>();
        services.TryAddScoped<AuditChainVerifier>();
        services.TryAddScoped<AuditCheckpointer>();
        services.AddHostedService<AuditCheckpointService>();
        return services;
    }
}

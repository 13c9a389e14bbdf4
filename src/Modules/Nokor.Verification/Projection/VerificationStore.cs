using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;

namespace Nokor.Verification.Projection;

/// <summary>The door to the verification store for the CLI: each method delegates to <see cref="PersonProjector"/>.</summary>
internal sealed class VerificationStore(VerificationDbContext db, IServiceScopeFactory scopes, TimeProvider time, ILoggerFactory? loggers = null) : IVerificationStore
{
    public Task<VerificationStoreState?> StateAsync(CancellationToken ct) => PersonProjector.StateAsync(db, ct);

    public Task<long> RebuildAsync(IProgress<long>? progress, CancellationToken ct) =>
        PersonProjector.RebuildAsync(scopes, time, loggers?.CreateLogger("verification") ?? NullLogger.Instance, progress, ct);
}

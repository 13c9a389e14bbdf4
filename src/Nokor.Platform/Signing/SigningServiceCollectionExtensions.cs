using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Nokor.Platform.Signing;

public static class SigningServiceCollectionExtensions
{
    /// <summary>Configuration key of the signing key directory.</summary>
    public const string KeyDirectoryKey = "Signing:KeyDirectory";

    /// <summary>
    /// The platform's <see cref="SigningKeyRing"/> as a singleton, on the directory named by
    /// <c>Signing:KeyDirectory</c> (default <c>data/keys</c>, relative to the current directory).
    /// </summary>
    public static IServiceCollection AddNokorSigning(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = Path.GetFullPath(configuration[KeyDirectoryKey] is { Length: > 0 } configured
            ? configured
            : SigningKeyRing.DefaultKeyDirectory);
        services.TryAddSingleton(sp => new SigningKeyRing(
            directory,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<SigningKeyRing>>()));
        return services;
    }
}

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
    /// <c>Signing:KeyDirectory</c> (default <c>keys/</c> under the <see cref="Hosting.DataRoot"/>).
    /// </summary>
    public static IServiceCollection AddNokorSigning(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = Hosting.DataRoot.PathFor(configuration, KeyDirectoryKey, SigningKeyRing.DefaultKeyDirectoryName);
        services.TryAddSingleton(sp => new SigningKeyRing(
            directory,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<SigningKeyRing>>()));
        return services;
    }
}

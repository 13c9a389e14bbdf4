using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nokor.Platform.Gazetteer;

public static class GazetteerServiceCollectionExtensions
{
    /// <summary>The gazetteer look-ups: a process-wide cache and the scoped <see cref="GazetteerService"/>.</summary>
    public static IServiceCollection AddNokorGazetteer(this IServiceCollection services)
    {
        services.TryAddSingleton<GazetteerCache>();
        services.TryAddScoped<GazetteerService>();
        return services;
    }
}

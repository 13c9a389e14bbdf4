using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Population.Data;

namespace Nokor.Population;

public static class PopulationModule
{
    public static IServiceCollection AddPopulation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNokorDbContext<PopulationDbContext>(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapPopulation(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}

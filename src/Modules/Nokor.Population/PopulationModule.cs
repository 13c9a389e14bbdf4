using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Generation;
using Nokor.Population.Kidc;
using Nokor.Population.Persons;

namespace Nokor.Population;

/// <summary>Registers the Population Registry: its services and doors (<see cref="AddPopulation"/>) and its endpoints (<see cref="MapPopulation"/>).</summary>
public static class PopulationModule
{
    public static IServiceCollection AddPopulation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNokorDbContext<PopulationDbContext>(configuration);
        services.AddSingleton<KidcGenerator>();
        services.AddScoped<KidcService>();
        services.AddScoped<PersonValidator>();
        services.AddScoped<PersonRecords>();
        services.AddScoped<Families.FamilySteps>();
        services.AddScoped<IPopulationRegistry, PopulationRegistry>();
        services.AddScoped<IPersonDirectory, PersonDirectory>();
        services.AddSingleton<Search.PersonNameIndexFeed>();
        services.AddScoped<IPopulationSamples, PopulationSamples>();
        services.AddScoped<IPersonChangeFeed, PersonChangeFeed>();
        services.AddScoped<IKidcIssuance, KidcIssuance>();
        services.AddSingleton<IPopulationGeneration, PopulationGeneration>();
        services.AddScoped<Platform.Demo.IDemoSeeder, Demo.PopulationDemoSeeder>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PopulationPolicies.Read, p => p.RequireRole(Roles.Registrar, Roles.Agent, Roles.Viewer, Roles.System))
            .AddPolicy(PopulationPolicies.Write, p => p.RequireRole(Roles.Registrar, Roles.Agent, Roles.System));
        return services;
    }

    public static IEndpointRouteBuilder MapPopulation(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/population")
            .WithTags("Population")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        RegisterPerson.Map(group);
        GetPerson.Map(group);
        UpdatePerson.Map(group);
        PersonHistory.Map(group);
        SearchPersons.Map(group);
        ValidateKidc.Map(group);
        return endpoints;
    }
}

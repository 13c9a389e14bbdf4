using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nokor.CivilRegistration;

/// <summary>Civil registration of births and deaths (NSPI 5.3 goal 2, 6.2): notification, registration, certificates, information.</summary>
public static class CivilRegistrationModule
{
    public static IServiceCollection AddCivilRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapCivilRegistration(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/civil")
            .WithTags("Civil registration")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        _ = group;
        return endpoints;
    }
}

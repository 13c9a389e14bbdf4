using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Audit;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;

namespace Nokor.Platform.Hosting;

public static class PlatformEndpoints
{
    public static IEndpointRouteBuilder MapNokorPlatform(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthApi();
        endpoints.MapGazetteerApi();
        endpoints.MapSigningApi();
        endpoints.MapAuditHead();
        return endpoints;
    }
}

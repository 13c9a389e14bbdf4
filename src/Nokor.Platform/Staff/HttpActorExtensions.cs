using Microsoft.AspNetCore.Http;

namespace Nokor.Platform.Staff;

public static class HttpActorExtensions
{
    /// <summary>The signed-in actor of an endpoint that requires authorization.</summary>
    public static Actor Actor(this HttpContext http) =>
        Staff.Actor.FromPrincipal(http.User)
        ?? throw new InvalidOperationException("This endpoint requires an authenticated actor.");

    /// <summary>The purpose the caller states for reading personal data (header X-Purpose).</summary>
    public static string? StatedPurpose(this HttpContext http) =>
        http.Request.Headers.TryGetValue("X-Purpose", out var value) ? value.ToString() : null;
}

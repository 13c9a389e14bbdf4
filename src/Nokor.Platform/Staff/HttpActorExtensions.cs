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

    /// <summary>
    /// True when the request comes from a browser form (signed in by cookie) rather than a system
    /// with a bearer token, which a foreign site cannot forge.
    /// </summary>
    public static bool IsFromBrowser(this HttpContext http) =>
        !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// For endpoints that take both plain browser form posts and system calls (uploads, prints):
    /// a browser request must carry a valid antiforgery token; a bearer request needs none.
    /// </summary>
    public static async Task<bool> IsForgedBrowserFormAsync(this HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        http.IsFromBrowser() && !await antiforgery.IsRequestValidAsync(http);
}

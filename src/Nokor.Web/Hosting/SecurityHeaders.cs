using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Nokor.Web.Hosting;

/// <summary>
/// The headers every answer carries (pages, API, static files, errors): a Content-Security-Policy
/// that allows only this site's scripts, styles, images and connections and no framing
/// (frame-ancestors 'none', and X-Frame-Options DENY for older browsers), X-Content-Type-Options
/// nosniff, Referrer-Policy same-origin, and HSTS on HTTPS outside Development. The pages are
/// static server rendering with one script file (js/place-picker.js) and a few style attributes,
/// hence style-src 'unsafe-inline' and nothing inline for scripts. The API reference (Scalar) runs
/// its own inline bootstrap script and gets a policy of its own. A 429 that left without
/// Retry-After gets one.
/// </summary>
internal static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var hsts = !app.Environment.IsDevelopment();
        var maxAge = (long)TimeSpan.FromDays(app.Configuration.GetValue("Hosting:Hsts:MaxAgeDays", 365)).TotalSeconds;
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-reference") || http.Request.Path.StartsWithSegments("/scalar")
                    ? ApiReferencePolicy
                    : PagePolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                if (hsts && http.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = $"max-age={maxAge}; includeSubDomains";
                }

                if (http.Response.StatusCode == StatusCodes.Status429TooManyRequests && string.IsNullOrEmpty(headers.RetryAfter))
                {
                    headers.RetryAfter = "60";
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    /// <summary>
    /// Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed only from the proxies and
    /// networks listed in Hosting:ForwardedHeaders:KnownProxies and KnownNetworks (addresses and
    /// CIDR ranges, as a list or comma-separated); none by default, not even loopback. Then the
    /// client address (rate limits) and the scheme (Secure cookies, HSTS) are the real client's.
    /// </summary>
    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection("Hosting:ForwardedHeaders");
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.ForwardLimit = section.GetValue("ForwardLimit", 1);
        foreach (var proxy in List(section.GetSection("KnownProxies")))
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in List(section.GetSection("KnownNetworks")))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    private static IEnumerable<string> List(IConfigurationSection section)
    {
        var values = section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

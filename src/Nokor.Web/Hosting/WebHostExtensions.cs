using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Authentication;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;
using Nokor.Web.Components;
using Scalar.AspNetCore;

namespace Nokor.Web.Hosting;

internal static class WebHostExtensions
{
    public const string AuthScheme = "nokor";
    public const long MaxRequestBodyBytes = 256 * 1024;
    public const long MaxUploadBytes = 16 * 1024 * 1024;
    public static readonly CultureInfo[] Cultures = [new("km-KH"), new("en-US")];

    public static IServiceCollection AddNokorWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        // Forms may be as large as the largest upload endpoint allows; LimitBodyAsync keeps every
        // other endpoint at the small default before a form is read.
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxUploadBytes);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<NokorExceptionHandler>();

        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o => SecurityHeaders.ConfigureForwardedHeaders(o, configuration));

        // Every rate limit counts per client as ClientPartition says (IPv4 address, IPv6 /64, the
        // real client behind a configured proxy), and every refusal is a 429 with Retry-After.
        // The public certificate check needs no login; a per-address budget keeps it from being
        // used to sweep the register. Sign-in has its own throttle (SignInThrottle).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectedAsync;
            // Everything anyone may ask without signing in (public laws and statistics, /akn URIs,
            // the gazetteer, keys, chain heads, the public pages) shares one budget per client, so
            // no public endpoint is unlimited; signed-in staff and the host's own static files are
            // not counted. Endpoints with a stricter policy (the certificate check) have both.
            var anonymousPerMinute = configuration.GetValue("Nokor:AnonymousRequestsPerMinute", 600);
            o.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.Identity?.IsAuthenticated == true || IsStaticOrProbe(http.Request.Path)
                    ? System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("signed-in")
                    : System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                        ClientPartition.Of(http),
                        _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                        {
                            PermitLimit = anonymousPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                        }));
            o.AddPolicy(Nokor.CivilRegistration.Contracts.CivilRateLimits.PublicVerification, http =>
                System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                    ClientPartition.Of(http),
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                    {
                        PermitLimit = configuration.GetValue("Nokor:PublicVerificationPerMinute", 60),
                        Window = TimeSpan.FromMinutes(1),
                    }));
        });

        // The UI signs in with a cookie; other systems send a bearer token. One policy scheme picks.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthScheme;
                o.DefaultChallengeScheme = AuthScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            // An institution's verification token (NKC1, checked by the verification module's own
            // filter) is not a staff token: handing it to Identity's bearer handler would only make
            // that handler fail to unprotect it, an exception on every verification query.
            .AddPolicyScheme(AuthScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString() is var header &&
                header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) &&
                !header.AsSpan(7).TrimStart().StartsWith(Nokor.Platform.Signing.SignedToken.Prefix + ".", StringComparison.Ordinal)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(30))
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "nokor.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, including behind a TLS proxy that is a known
            // proxy (X-Forwarded-Proto, see SecurityHeaders.ConfigureForwardedHeaders).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Nokor API";
            doc.Info.Description = "Population Registry, KIDC service and gazetteer of the Integrated Population Identification System.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddRazorComponents();
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHttpContextAccessor();
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static bool IsStaticOrProbe(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") ||
        path.StartsWithSegments("/css") || path.StartsWithSegments("/js") ||
        path.StartsWithSegments("/favicon.ico") || path.StartsWithSegments("/health");

    public static WebApplication UseNokorWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // API errors without a body get ProblemDetails; UI pages render their own 404 text.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.Use(LimitBodyAsync);
        app.Use(NulGuard.CheckAsync);
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.UseAuthentication();
        app.Use(CheckSessionAsync);
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapNokorUi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Nokor API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteHealthAsync,
        });
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = WriteHealthAsync,
        });

        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
            {
                var culture = Cultures.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase) ||
                                                           c.TwoLetterISOLanguageName.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
                var target = returnUrl is not null && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                    ? returnUrl
                    : "/";
                return Results.LocalRedirect(target);
            })
            .ExcludeFromDescription();

        app.MapPost("/logout", async (SignInManager<StaffUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/login");
            })
            .ExcludeFromDescription();

        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>
    /// A token or cookie whose account was locked or disabled, or whose password, secret or second
    /// factor changed since it was issued, no longer signs anyone in (StaffSessions): the request
    /// goes on as anonymous, and a stale cookie is removed.
    /// </summary>
    private static async Task CheckSessionAsync(HttpContext http, RequestDelegate next)
    {
        if (http.User.Identity?.IsAuthenticated == true &&
            !await http.RequestServices.GetRequiredService<StaffSessions>().IsCurrentAsync(http.User, http.RequestAborted))
        {
            if (http.IsFromBrowser())
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        }

        await next(http);
    }

    private static async ValueTask RejectedAsync(Microsoft.AspNetCore.RateLimiting.OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retry)
            ? (long)Math.Ceiling(Math.Max(1, retry.TotalSeconds))
            : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = Nokor.Platform.Errors.Problems.TypeBase + "too-many-requests",
                Title = "Too many requests.",
                Detail = $"Too many requests from this address; try again in {seconds} seconds.",
            },
        });
    }

    /// <summary>
    /// Refuses a declared oversized body before anything reads it, whatever the server; Kestrel's
    /// own limit still stops a chunked body that grows past it.
    /// </summary>
    private static async Task LimitBodyAsync(HttpContext http, RequestDelegate next)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<Nokor.Platform.Hosting.BodySizeLimit>()?.Bytes ?? MaxRequestBodyBytes;
        if (limit != MaxRequestBodyBytes &&
            http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Type = Nokor.Platform.Errors.Problems.TypeBase + "payload-too-large",
                    Title = "The request body is too large.",
                    Detail = $"The body may be at most {limit / 1024} KiB.",
                },
            });
            return;
        }

        await next(http);
    }

    private static Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}

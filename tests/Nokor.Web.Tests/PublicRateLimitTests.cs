using System.Net;
using Microsoft.AspNetCore.Hosting;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests;

/// <summary>A host whose budget for requests without a sign-in is low enough to reach in a test.</summary>
public sealed class PublicLimitHost : NokorHost
{
    public const int PerMinute = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Nokor:AnonymousRequestsPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>No public endpoint is unlimited: everything asked without a sign-in shares one budget per client.</summary>
public sealed class PublicRateLimitTests(PublicLimitHost host) : IClassFixture<PublicLimitHost>
{
    [Fact]
    public async Task Public_laws_gazetteer_and_akn_share_one_budget_per_client_and_the_429_says_when_to_come_back()
    {
        var client = NokorHost.From(host.CreateClient(), "198.51.100.7");
        var paths = new[] { "/api/public/legislation/acts", "/api/gazetteer/provinces", "/api/keys", "/akn/kh/act/1999-01-01/none", "/api/public/legislation/bills" };
        Assert.Equal(PublicLimitHost.PerMinute, paths.Length);
        foreach (var path in paths)
        {
            var allowed = await client.GetAsync(path);
            Assert.True(allowed.StatusCode != HttpStatusCode.TooManyRequests, $"{path}: {allowed.StatusCode}");
        }

        var refused = await client.GetAsync("/api/public/legislation/acts");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {refused.Headers.RetryAfter}");

        // Another client has its own budget; the health probe and static files are not counted.
        Assert.Equal(HttpStatusCode.OK, (await NokorHost.From(host.CreateClient(), "198.51.100.8").GetAsync("/api/public/legislation/acts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
    }

    [Fact]
    public async Task Signed_in_staff_are_not_counted_against_the_public_budget()
    {
        var staff = NokorHost.From(await host.ClientForAsync("clerk.n"), "198.51.100.9");
        for (var i = 0; i < PublicLimitHost.PerMinute * 3; i++)
        {
            var response = await staff.GetAsync("/api/public/legislation/acts");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i + 1}: {response.StatusCode}");
        }
    }
}

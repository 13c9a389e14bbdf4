using System.Net;
using Microsoft.Extensions.Configuration;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.Platform.Tests.Staff;

public sealed class SignInRulesTests
{
    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Theory]
    [InlineData("password1234", "most common")]
    [InlineData("Password1234!", "most common")]
    [InlineData("qwertyuiop", "most common")]
    [InlineData("iloveyou2026", "most common")]
    [InlineData("agent.x-is-my-name", "account name")]
    [InlineData("nokor-2026-aaaa", "mostly")]
    [InlineData("Nokor123456789", "mostly")]
    [InlineData("abcdefghijklmnop", "mostly")]
    [InlineData("zzzzzzzzzzzzzzzz", "mostly")]
    [InlineData("Phnom-Penh-2026", "mostly")]
    public void Common_and_context_derived_passwords_are_refused_naming_the_field(string password, string reason)
    {
        var refused = PasswordRules.Check(password, "agent.x", "Registration agent, Phnom Penh", "Phnom Penh Commune office");
        Assert.NotNull(refused);
        Assert.StartsWith("password: ", refused, StringComparison.Ordinal);
        Assert.Contains(reason, refused, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nokor-demo-2026", "chair.demo", "Senator, chair of commission 1 (demonstration)", "General Department of Identification")]
    [InlineData("Nokor-demo-2026", "registrar.pp", "Registrar, Boeng Keng Kang Ti Muoy", "Boeng Keng Kang Ti Muoy Commune office")]
    [InlineData("Nokor-demo-2026", "crvs.system", "CRVS system", "General Department of Identification")]
    [InlineData("Test-password-123", "agent.a", "Test agent.a", "Phnom Penh Commune office")]
    [InlineData("a-long-enough-password", "agent.x", "Agent", "Phnom Penh Commune office")]
    [InlineData("correct horse battery staple", "agent.x", "Agent", "Phnom Penh Commune office")]
    public void Ordinary_passphrases_and_the_demo_password_are_accepted(string password, string user, string display, string office) =>
        Assert.Null(PasswordRules.Check(password, user, display, office));

    [Fact]
    public void The_common_password_list_is_shipped()
    {
        Assert.Equal(30_000, PasswordRules.CommonPasswords.Count);
        Assert.Contains("password1234", (IReadOnlySet<string>)PasswordRules.CommonPasswords);
    }

    [Fact]
    public void IPv6_clients_count_per_64_prefix_and_IPv4_per_address()
    {
        Assert.Equal(ClientPartition.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientPartition.Of(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        Assert.Equal("2001:db8:1:2::/64", ClientPartition.Of(IPAddress.Parse("2001:db8:1:2:abcd::9")));
        Assert.NotEqual(ClientPartition.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientPartition.Of(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.7", ClientPartition.Of(IPAddress.Parse("192.0.2.7")));
        Assert.Equal("192.0.2.7", ClientPartition.Of(IPAddress.Parse("::ffff:192.0.2.7")));
        Assert.NotEqual(ClientPartition.Of(IPAddress.Parse("192.0.2.7")), ClientPartition.Of(IPAddress.Parse("192.0.2.8")));
        Assert.Equal(ClientPartition.Unknown, ClientPartition.Of((IPAddress?)null));
    }

    [Fact]
    public void Failures_back_off_exponentially_per_client_and_a_success_resets_them()
    {
        var clock = new Clock(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        using var throttle = new SignInThrottle(new SignInLimits { PerAddressPerMinute = 1000, FreeFailures = 2, FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) }, clock);
        for (var i = 0; i < 2; i++)
        {
            Assert.Null(throttle.Check("Agent.X", "192.0.2.1"));
            throttle.Failed("agent.x", "192.0.2.1");
        }

        Assert.Null(throttle.Check("agent.x", "192.0.2.1"));
        var waits = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            throttle.Failed("agent.x", "192.0.2.1");
            var wait = throttle.Check("agent.x", "192.0.2.1");
            waits.Add(wait!.Value.TotalSeconds);
            clock.Now += wait.Value;
        }

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], waits);
        // Another client of the same account, and the same client on another account, are free.
        Assert.Null(throttle.Check("agent.x", "192.0.2.2"));
        Assert.Null(throttle.Check("agent.y", "192.0.2.1"));
        throttle.Succeeded("agent.x", "192.0.2.1");
        throttle.Failed("agent.x", "192.0.2.1");
        Assert.Null(throttle.Check("agent.x", "192.0.2.1"));
    }

    [Fact]
    public void A_client_over_its_budget_per_minute_waits_whatever_the_account()
    {
        using var throttle = new SignInThrottle(new SignInLimits { PerAddressPerMinute = 3 }, TimeProvider.System);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(throttle.Check("user" + i, "192.0.2.9"));
        }

        Assert.True(throttle.Check("other", "192.0.2.9") is { TotalSeconds: > 0 and <= 60 });
        Assert.Null(throttle.Check("other", "192.0.2.10"));
    }

    [Fact]
    public void Totp_is_required_for_the_production_roles_in_production_only_unless_configured()
    {
        var empty = new ConfigurationBuilder().Build();
        var production = TotpPolicy.From(empty, "Production");
        Assert.True(production.Requires([Roles.Registrar]));
        Assert.True(production.Requires([Roles.SeniorRegistrar]));
        Assert.True(production.Requires([Roles.DataDistribution]));
        Assert.True(production.Requires([Roles.Administrator]));
        Assert.False(production.Requires([Roles.Agent]));
        Assert.False(production.Requires([Roles.System]));
        Assert.False(TotpPolicy.From(empty, "Development").Requires([Roles.Registrar]));

        var none = new ConfigurationBuilder().AddInMemoryCollection([new("Auth:RequireTotpForRoles", "none")]).Build();
        Assert.False(TotpPolicy.From(none, "Production").Requires([Roles.Administrator]));
        var agents = new ConfigurationBuilder().AddInMemoryCollection([new("Auth:RequireTotpForRoles", "agent, viewer")]).Build();
        Assert.True(TotpPolicy.From(agents, "Development").Requires([Roles.Viewer]));
    }
}

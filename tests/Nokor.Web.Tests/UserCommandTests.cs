using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nokor.Web.Tests.Infrastructure;
using OtpNet;

namespace Nokor.Web.Tests;

/// <summary>`nokor users ...` against a host's database: system accounts, passwords, locks and second factors.</summary>
public sealed partial class UserCommandTests(NokorHost host) : IClassFixture<NokorHost>
{
    [Fact]
    public async Task A_system_account_made_on_the_command_line_gets_a_generated_client_secret_and_signs_in_with_it()
    {
        var created = await NokorCli.RunAsync(host, "users", "create", "--user", "passport.system", "--role", "system", "--national");
        Assert.True(created.ExitCode == 0, created.Output);
        var secret = SecretPattern().Match(created.Output).Groups[1].Value;
        Assert.Equal(43, secret.Length);

        var client = host.CreateClient();
        var token = await client.PostAsJsonAsync("/api/auth/token", new { grantType = "client_credentials", clientId = "passport.system", clientSecret = secret });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);

        // Rotating the secret ends the old one.
        var rotated = await NokorCli.RunAsync(host, "users", "password", "--user", "passport.system");
        Assert.True(rotated.ExitCode == 0, rotated.Output);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PostAsJsonAsync("/api/auth/token", new { grantType = "client_credentials", clientId = "passport.system", clientSecret = secret })).StatusCode);
    }

    [Fact]
    public async Task A_common_password_is_refused_in_one_line_naming_the_field_and_nothing_changes()
    {
        var refused = await NokorCli.RunWithInputAsync(host, "password1234", "users", "password", "--user", "agent.a2", "--password-stdin");
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("password: this password is one of the most common passwords", refused.Output.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "agent.a2", password = NokorHost.Password })).StatusCode);

        var unknown = await NokorCli.RunAsync(host, "users", "lock", "--user", "no.such.account");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("No account 'no.such.account'.", unknown.Output.Trim());
    }

    [Fact]
    public async Task Disabling_on_the_command_line_ends_the_accounts_tokens_within_the_session_check_window()
    {
        var agent = await host.ClientForAsync("viewer.a");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/population/persons?q=Sok")).StatusCode);

        var disabled = await NokorCli.RunAsync(host, "users", "disable", "--user", "viewer.a");
        Assert.True(disabled.ExitCode == 0, disabled.Output);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "viewer.a", password = NokorHost.Password })).StatusCode);

        // Another process changed the account: this host sees it within Auth:SessionCheckSeconds (5 s).
        var refusedWithin = TimeSpan.MaxValue;
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(10))
        {
            if ((await agent.GetAsync("/api/population/persons?q=Sok")).StatusCode == HttpStatusCode.Unauthorized)
            {
                refusedWithin = DateTime.UtcNow - started;
                break;
            }

            await Task.Delay(250);
        }

        Assert.True(refusedWithin <= TimeSpan.FromSeconds(6), $"still accepted after {refusedWithin}");

        var unlocked = await NokorCli.RunAsync(host, "users", "unlock", "--user", "viewer.a");
        Assert.True(unlocked.ExitCode == 0, unlocked.Output);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "viewer.a", password = NokorHost.Password })).StatusCode);
    }

    [Fact]
    public async Task Setting_up_a_second_factor_prints_the_otpauth_uri_and_ten_recovery_codes_that_sign_in()
    {
        var enrolled = await NokorCli.RunAsync(host, "users", "totp", "--user", "registrar.n");
        Assert.True(enrolled.ExitCode == 0, enrolled.Output);
        var secret = Regex.Match(enrolled.Output, @"otpauth://totp/Nokor%3Aregistrar\.n\?secret=([A-Z2-7]+)&issuer=Nokor").Groups[1].Value;
        Assert.NotEmpty(secret);
        var codes = RecoveryPattern().Matches(enrolled.Output).Select(m => m.Value).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("█", enrolled.Output, StringComparison.Ordinal);

        var client = host.CreateClient();
        var needsCode = await client.PostAsJsonAsync("/api/auth/token", new { userName = "registrar.n", password = NokorHost.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, needsCode.StatusCode);
        Assert.Equal("totp", JsonDocument.Parse(await needsCode.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/token", new { userName = "registrar.n", password = NokorHost.Password, totp = code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/token", new { userName = "registrar.n", password = NokorHost.Password, recoveryCode = codes[0] })).StatusCode);

        var removed = await NokorCli.RunAsync(host, "users", "totp", "--user", "registrar.n", "--remove");
        Assert.True(removed.ExitCode == 0, removed.Output);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/token", new { userName = "registrar.n", password = NokorHost.Password })).StatusCode);
    }

    [GeneratedRegex(@"Client secret \(shown once[^)]*\): (\S+)")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"\b[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}\b")]
    private static partial Regex RecoveryPattern();
}

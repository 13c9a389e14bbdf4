using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;
using Nokor.Web.Tests.Infrastructure;
using OtpNet;

namespace Nokor.Web.Tests;

/// <summary>
/// A production host with the sign-in limits set low enough to reach in a test, the second factor
/// required for the production roles, and one known proxy (10.0.0.5). Each test signs in from
/// addresses of its own and with accounts of its own, so that their counts do not meet.
/// </summary>
public sealed class AuthHost : NokorHost
{
    public const int PerAddress = 8;
    public const string Proxy = "10.0.0.5";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:SignIn:PerAddressPerMinute", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Auth:SignIn:AccountFailuresBeforeSlowdown", "10");
        builder.UseSetting("Auth:RequireTotpForRoles", string.Join(',', TotpPolicy.ProductionDefault));
        builder.UseSetting("Hosting:ForwardedHeaders:KnownProxies", Proxy);
        builder.UseSetting("Nokor:PublicVerificationPerMinute", PublicPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public const int PublicPerMinute = 4;

    /// <summary>A new account of its own for one test.</summary>
    public async Task<string> NewAccountAsync(string prefix, string role = Roles.Agent)
    {
        var name = prefix + "." + Guid.NewGuid().ToString("N")[..6];
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var (level, area) = role == Roles.System ? (OfficeLevel.National, (string?)null) : (OfficeLevel.Commune, CommuneA);
        Assert.Empty(await accounts.CreateAsync(new NewStaffAccount(name, "Test " + name, Password, role, level, area)));
        return name;
    }

    public async Task<T> WithAccountsAsync<T>(Func<StaffAccounts, Task<T>> act)
    {
        await using var scope = Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<StaffAccounts>());
    }

    public HttpClient ClientFrom(string address) => From(CreateClient(), address);
}

public sealed class AuthTests(AuthHost host) : IClassFixture<AuthHost>
{
    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, object body) => client.PostAsJsonAsync("/api/auth/token", body);

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string user, string password, string? totp = null, string? recoveryCode = null) =>
        TokenAsync(client, new { userName = user, password, totp, recoveryCode });

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<HttpClient> BearerAsync(HttpResponseMessage tokenResponse, HttpClient client)
    {
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await JsonOf(tokenResponse)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{response.StatusCode}: {text}");
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {response.Headers.RetryAfter}");
    }

    [Fact]
    public async Task Six_wrong_passwords_from_one_address_hold_back_that_address_only_and_never_lock_the_account()
    {
        var user = await host.NewAccountAsync("victim");
        var attacker = host.ClientFrom("192.0.2.10");
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(attacker, user, "wrong-password-" + i)).StatusCode);
        }

        // The attacking address now waits (back-off), even with the right password...
        await AssertTooManyAsync(await PasswordAsync(attacker, user, NokorHost.Password));

        // ...while the account holder at another address signs in at once, and the account is not locked.
        var owner = host.ClientFrom("192.0.2.11");
        var signedIn = await BearerAsync(await PasswordAsync(owner, user, NokorHost.Password), owner);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/civil/queues")).StatusCode);
        await using var scope = host.Services.CreateAsyncScope();
        var lockout = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.Where(u => u.UserName == user).Select(u => u.LockoutEnd).SingleAsync();
        Assert.Null(lockout);
    }

    [Fact]
    public async Task Many_failures_on_one_account_from_everywhere_slow_failing_addresses_but_not_the_owner()
    {
        var user = await host.NewAccountAsync("popular");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(host.ClientFrom($"198.18.0.{i + 1}"), user, "wrong-password-x")).StatusCode);
        }

        // Past the account's threshold a failing address waits from its first failure...
        var next = host.ClientFrom("198.18.0.50");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(next, user, "wrong-password-y")).StatusCode);
        await AssertTooManyAsync(await PasswordAsync(next, user, "wrong-password-z"));

        // ...and an address that has not failed still signs in.
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(host.ClientFrom("198.18.0.99"), user, NokorHost.Password)).StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_and_the_login_page_share_a_per_address_budget_answered_with_429_and_Retry_After()
    {
        var client = host.ClientFrom("192.0.2.20");
        for (var i = 0; i < AuthHost.PerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(client, "nobody" + i, "wrong-password")).StatusCode);
        }

        var refused = await PasswordAsync(client, "agent.a", NokorHost.Password);
        await AssertTooManyAsync(refused);
        Assert.Equal("https://nokor.gov.kh/problems/too-many-requests", (await JsonOf(refused)).GetProperty("type").GetString());

        // The login form from the same address is refused too, with the wait on the page.
        var pages = FormPages.Open(host);
        NokorHost.From(pages.Client, "192.0.2.20");
        var page = await pages.PostFormAsync("/login", "login", new() { ["Input.UserName"] = "agent.a", ["Input.Password"] = NokorHost.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Contains("សូមព្យាយាមម្ដងទៀត", page.Html, StringComparison.Ordinal);

        // Another address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(host.ClientFrom("192.0.2.21"), "agent.a", NokorHost.Password)).StatusCode);
    }

    [Fact]
    public async Task The_login_page_throttles_per_address_with_429_and_Retry_After()
    {
        var pages = FormPages.Open(host);
        NokorHost.From(pages.Client, "192.0.2.30");
        for (var i = 0; i < AuthHost.PerAddress; i++)
        {
            var failed = await pages.PostFormAsync("/login", "login", new() { ["Input.UserName"] = "nobody" + i, ["Input.Password"] = "wrong-password-" + i });
            Assert.Equal(HttpStatusCode.OK, failed.Status);
        }

        var form = await pages.GetAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(form.Html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await pages.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["Input.UserName"] = "agent.a", ["Input.Password"] = NokorHost.Password,
        }));
        await AssertTooManyAsync(response);
    }

    [Fact]
    public async Task IPv6_addresses_of_one_64_prefix_share_a_budget_and_other_prefixes_do_not()
    {
        for (var i = 0; i < AuthHost.PerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(host.ClientFrom($"2001:db8:1:2::{i + 1:x}"), "nobody" + i, "wrong-password")).StatusCode);
        }

        await AssertTooManyAsync(await PasswordAsync(host.ClientFrom("2001:db8:1:2:ffff:eeee:dddd:1"), "agent.a", NokorHost.Password));
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(host.ClientFrom("2001:db8:1:3::1"), "agent.a", NokorHost.Password)).StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_For_is_believed_only_from_the_configured_proxy()
    {
        // Through the known proxy each real client has its own budget.
        var viaProxy = host.ClientFrom(AuthHost.Proxy);
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.1");
        for (var i = 0; i < AuthHost.PerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(viaProxy, "nobody" + i, "wrong-password")).StatusCode);
        }

        await AssertTooManyAsync(await PasswordAsync(viaProxy, "agent.a", NokorHost.Password));
        var otherClient = host.ClientFrom(AuthHost.Proxy);
        otherClient.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.2");
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(otherClient, "agent.a", NokorHost.Password)).StatusCode);

        // From any other address the header is ignored: changing it does not buy a new budget.
        for (var i = 0; i < AuthHost.PerAddress; i++)
        {
            var spoofing = host.ClientFrom("10.0.0.6");
            spoofing.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(spoofing, "nobody" + i, "wrong-password")).StatusCode);
        }

        var spoofed = host.ClientFrom("10.0.0.6");
        spoofed.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.200");
        await AssertTooManyAsync(await PasswordAsync(spoofed, "agent.a", NokorHost.Password));
    }

    [Fact]
    public async Task The_auth_cookie_is_Secure_behind_a_known_TLS_proxy_and_HSTS_is_sent_on_HTTPS()
    {
        // By hand, as a browser behind the proxy would: the antiforgery cookie is Secure there, and
        // the test's own connection is plain HTTP, so a cookie jar would not send it back.
        async Task<HttpResponseMessage> SignInAsync(string address)
        {
            var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            NokorHost.From(client, address);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            var form = await client.GetAsync("/login");
            var html = await form.Content.ReadAsStringAsync();
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            var post = new HttpRequestMessage(HttpMethod.Post, "/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "login", ["Input.UserName"] = "agent.b", ["Input.Password"] = NokorHost.Password,
                }),
            };
            post.Headers.Add("Cookie", cookies);
            return await client.SendAsync(post);
        }

        var proxied = await SignInAsync(AuthHost.Proxy);
        Assert.Equal(HttpStatusCode.Redirect, proxied.StatusCode);
        var cookie = proxied.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nokor.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", proxied.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);

        var direct = await SignInAsync("192.0.2.40");
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        var plain = direct.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nokor.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", plain, StringComparison.OrdinalIgnoreCase);
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_token_issued_before_a_lock_a_disable_or_a_password_change_is_refused_after()
    {
        foreach (var (change, act) in new (string, Func<StaffAccounts, string, Task<IReadOnlyList<string>>>)[]
                 {
                     ("lock", (a, u) => a.LockAsync(u, DateTimeOffset.UtcNow.AddMinutes(30))),
                     ("disable", (a, u) => a.LockAsync(u, null)),
                     ("password", (a, u) => a.SetPasswordAsync(u, "Another-passphrase-77")),
                     ("revoke", (a, u) => a.RevokeSessionsAsync(u)),
                 })
        {
            var user = await host.NewAccountAsync("revoked");
            var client = await BearerAsync(await PasswordAsync(host.ClientFrom("192.0.2.50"), user, NokorHost.Password), host.ClientFrom("192.0.2.50"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/civil/queues")).StatusCode);

            Assert.Empty(await host.WithAccountsAsync(a => act(a, user)));

            var after = await client.GetAsync("/api/civil/queues");
            Assert.True(after.StatusCode == HttpStatusCode.Unauthorized, $"{change}: {after.StatusCode}");
        }

        // The page session (cookie) ends too.
        var holder = await host.NewAccountAsync("cookie");
        var pages = FormPages.Open(host);
        NokorHost.From(pages.Client, "192.0.2.51");
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync("/login", "login", new() { ["Input.UserName"] = holder, ["Input.Password"] = NokorHost.Password })).Status);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/civil")).Status);
        Assert.Empty(await host.WithAccountsAsync(a => a.LockAsync(holder, null)));
        var locked = await pages.GetAsync("/civil");
        Assert.Equal(HttpStatusCode.Redirect, locked.Status);
        Assert.Contains("/login", locked.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_answer_has_no_refresh_token_and_is_not_cached()
    {
        var response = await PasswordAsync(host.ClientFrom("192.0.2.60"), "agent.a", NokorHost.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal(["accessToken", "expiresIn", "tokenType"], json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("Bearer", json.GetProperty("tokenType").GetString());
        Assert.Equal(1800, json.GetProperty("expiresIn").GetInt64());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_system_account_gets_a_token_by_client_credentials_and_not_by_password()
    {
        var client = host.ClientFrom("192.0.2.70");
        var byPassword = await PasswordAsync(client, "system.n", NokorHost.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, byPassword.StatusCode);
        Assert.Contains("client_credentials", (await JsonOf(byPassword)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var wrongSecret = await TokenAsync(client, new { grantType = "client_credentials", clientId = "system.n", clientSecret = "not-the-secret-at-all" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("clientSecret", (await JsonOf(wrongSecret)).GetProperty("field").GetString());

        // A staff account cannot use the client credentials grant.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, new { grantType = "client_credentials", clientId = "agent.a", clientSecret = NokorHost.Password })).StatusCode);

        var bySecret = await TokenAsync(client, new { grantType = "client_credentials", clientId = "system.n", clientSecret = NokorHost.Password });
        Assert.Equal(HttpStatusCode.OK, bySecret.StatusCode);
        var system = await BearerAsync(bySecret, host.ClientFrom("192.0.2.70"));
        system.DefaultRequestHeaders.Add("X-Purpose", "Automated test");
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync("/api/population/persons?q=Sok")).StatusCode);

        // Nor can it sign in on the page.
        var pages = FormPages.Open(host);
        NokorHost.From(pages.Client, "192.0.2.71");
        var page = await pages.PostFormAsync("/login", "login", new() { ["Input.UserName"] = "system.n", ["Input.Password"] = NokorHost.Password });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("login-error", page.Html, StringComparison.Ordinal);

        await PersonApiTests.AssertProblemAsync(await TokenAsync(client, new { grantType = "client_credentials", clientId = "system.n" }), HttpStatusCode.BadRequest, "clientSecret");
        await PersonApiTests.AssertProblemAsync(await TokenAsync(client, new { grantType = "implicit" }), HttpStatusCode.BadRequest, "grantType");
    }

    [Fact]
    public async Task Common_and_context_derived_passwords_are_refused_naming_the_password_field()
    {
        var user = await host.NewAccountAsync("pw");
        var common = await host.WithAccountsAsync(a => a.SetPasswordAsync(user, "password1234"));
        Assert.Contains(common, e => e.StartsWith("password:", StringComparison.Ordinal) && e.Contains("most common", StringComparison.Ordinal));
        var withName = await host.WithAccountsAsync(a => a.SetPasswordAsync(user, user + "-my-secret"));
        Assert.Contains(withName, e => e.StartsWith("password:", StringComparison.Ordinal) && e.Contains("account name", StringComparison.Ordinal));
        var platform = await host.WithAccountsAsync(a => a.SetPasswordAsync(user, "Nokor-2026-aaaa"));
        Assert.Contains(platform, e => e.StartsWith("password:", StringComparison.Ordinal));

        // Nothing changed: the old password still works.
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(host.ClientFrom("192.0.2.80"), user, NokorHost.Password)).StatusCode);
    }

    [Fact]
    public async Task A_registrar_in_production_needs_a_second_factor_and_a_recovery_code_works_once()
    {
        var user = await host.NewAccountAsync("reg", Roles.Registrar);
        var client = host.ClientFrom("192.0.2.90");

        // Not enrolled yet: refused, saying what to do.
        var unenrolled = await PasswordAsync(client, user, NokorHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, unenrolled.StatusCode);
        var reason = await JsonOf(unenrolled);
        Assert.Equal("https://nokor.gov.kh/problems/second-factor-enrolment-required", reason.GetProperty("type").GetString());
        Assert.Equal("totp", reason.GetProperty("field").GetString());

        var (enrolment, errors) = await host.WithAccountsAsync(a => a.EnrolTotpAsync(user));
        Assert.Empty(errors);
        Assert.StartsWith("otpauth://totp/Nokor%3A" + user + "?secret=" + enrolment!.Secret, enrolment.OtpAuthUri, StringComparison.Ordinal);
        Assert.Equal(10, enrolment.RecoveryCodes.Count);

        var withoutCode = await PasswordAsync(client, user, NokorHost.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        var required = await JsonOf(withoutCode);
        Assert.Equal("https://nokor.gov.kh/problems/second-factor-required", required.GetProperty("type").GetString());
        Assert.Equal("totp", required.GetProperty("field").GetString());

        var code = new Totp(Base32Encoding.ToBytes(enrolment.Secret)).ComputeTotp(DateTime.UtcNow);
        var wrongCode = code == "000000" ? "111111" : "000000";
        Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(client, user, NokorHost.Password, totp: wrongCode)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(client, user, NokorHost.Password, totp: code)).StatusCode);
        // The same code is not accepted twice.
        var replay = await PasswordAsync(client, user, NokorHost.Password, totp: code);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("https://nokor.gov.kh/problems/second-factor-wrong", (await JsonOf(replay)).GetProperty("type").GetString());

        var recovery = enrolment.RecoveryCodes[3];
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(host.ClientFrom("192.0.2.91"), user, NokorHost.Password, recoveryCode: recovery.ToUpperInvariant())).StatusCode);
        var again = await PasswordAsync(host.ClientFrom("192.0.2.91"), user, NokorHost.Password, recoveryCode: recovery);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("recoveryCode", (await JsonOf(again)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_login_page_asks_for_the_second_factor_without_the_password_again()
    {
        var user = await host.NewAccountAsync("senior", Roles.SeniorRegistrar);
        var (enrolment, _) = await host.WithAccountsAsync(a => a.EnrolTotpAsync(user));
        var pages = FormPages.Open(host);
        NokorHost.From(pages.Client, "192.0.2.95");
        var first = await pages.PostFormAsync("/login", "login", new() { ["Input.UserName"] = user, ["Input.Password"] = NokorHost.Password });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("id=\"second-factor-form\"", first.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(NokorHost.Password, first.Html, StringComparison.Ordinal);
        var ticket = System.Text.RegularExpressions.Regex.Match(first.Html, "name=\"Input.Ticket\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = System.Text.RegularExpressions.Regex.Match(first.Html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(ticket);

        var code = new Totp(Base32Encoding.ToBytes(enrolment!.Secret)).ComputeTotp(DateTime.UtcNow);
        var second = await pages.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["_handler"] = "login", ["Input.Ticket"] = ticket, ["Input.Totp"] = code,
        }));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/civil")).Status);
    }

    [Fact]
    public async Task The_public_certificate_check_counts_per_64_prefix_and_answers_429_with_Retry_After()
    {
        for (var i = 0; i < AuthHost.PublicPerMinute; i++)
        {
            var ok = await host.ClientFrom($"2001:db8:99:1::{i + 1:x}").GetAsync("/api/public/certificates/verify?token=x");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, ok.StatusCode);
        }

        var refused = await host.ClientFrom("2001:db8:99:1:abcd::1").GetAsync("/api/public/certificates/verify?token=x");
        await AssertTooManyAsync(refused);
        Assert.Equal("https://nokor.gov.kh/problems/too-many-requests", (await JsonOf(refused)).GetProperty("type").GetString());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await host.ClientFrom("2001:db8:99:2::1").GetAsync("/api/public/certificates/verify?token=x")).StatusCode);
    }

    [Fact]
    public async Task Every_page_and_API_answer_carries_the_security_headers()
    {
        var client = host.ClientFrom("192.0.2.100");
        foreach (var path in new[] { "/", "/login", "/verify", "/api/population/persons", "/api/nothing-here", "/health/live", "/openapi/v1.json", "/css/site.css", "/no-such-page" })
        {
            var response = await client.GetAsync(path);
            var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : "";
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) && csp.Contains("script-src 'self'", StringComparison.Ordinal), $"{path}: '{csp}'");
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }

        var token = await PasswordAsync(client, "", "");
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.True(token.Headers.Contains("Content-Security-Policy"));
    }
}

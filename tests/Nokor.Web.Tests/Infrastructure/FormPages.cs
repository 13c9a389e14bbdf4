using System.Net;
using System.Text.RegularExpressions;

namespace Nokor.Web.Tests.Infrastructure;

/// <summary>A page as a browser without script receives it: status, HTML (character references decoded), redirect target, cache header.</summary>
public sealed record FormPage(HttpStatusCode Status, string Html, string Location, string CacheControl);

/// <summary>
/// A browser without script for page tests: a cookie jar, no automatic redirects, forms posted with
/// the antiforgery token read from the form's own page, as a browser would have it.
/// </summary>
public sealed partial class FormPages(HttpClient client)
{
    public HttpClient Client => client;

    /// <summary>When set, a field value with line breaks stands for a repeated field (checkboxes); otherwise it is sent as one value (a text area).</summary>
    public bool LineBreaksRepeatFields { get; init; }

    public static FormPages Open(NokorHost host) =>
        new(host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signed in on the login form (anonymous when <paramref name="user"/> is null).</summary>
    public static async Task<FormPages> SignInAsync(NokorHost host, string? user)
    {
        var pages = Open(host);
        if (user is not null)
        {
            var signedIn = await pages.PostFormAsync("/login", "login", new() { ["Input.UserName"] = user, ["Input.Password"] = NokorHost.Password });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        }

        return pages;
    }

    public async Task<FormPage> GetAsync(string path) => await ReadAsync(await client.GetAsync(path));

    /// <summary>Reads the form's page for its antiforgery token, then posts.</summary>
    public async Task<FormPage> PostFormAsync(string path, string formName, Dictionary<string, string> fields)
    {
        var form = await GetAsync(path);
        var token = AntiforgeryPattern().Match(form.Html);
        Assert.True(token.Success, $"no antiforgery token on {path} ({form.Status})");
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token.Groups[1].Value),
            new("_handler", formName),
        };
        foreach (var (name, value) in fields)
        {
            values.AddRange(LineBreaksRepeatFields && value.Contains('\n') ? value.Split('\n').Select(v => KeyValuePair.Create(name, v)) : [KeyValuePair.Create(name, value)]);
        }

        return await ReadAsync(await client.PostAsync(path, new FormUrlEncodedContent(values)));
    }

    private static async Task<FormPage> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        // Blazor writes letters outside Latin as character references (&#x1780;): the tests read the text.
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()),
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : "",
        response.Headers.CacheControl?.ToString() ?? "");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

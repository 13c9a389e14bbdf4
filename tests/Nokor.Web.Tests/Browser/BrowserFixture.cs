using Microsoft.Playwright;

namespace Nokor.Web.Tests.Browser;

/// <summary>
/// One headless Chromium per test class, driven by Playwright for .NET. It launches the system
/// browser (Debian's <c>chromium</c>, or the executable named by <c>NOKOR_CHROMIUM</c>), so
/// Playwright never downloads a browser of its own; <c>.ci/run</c> installs the package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ExecutableVariable = "NOKOR_CHROMIUM";
    public const string DefaultExecutable = "/usr/bin/chromium";

    /// <summary>
    /// <c>--no-sandbox</c> because CI runs as root; the rest keep Chromium from reaching out to
    /// Google's services, so a test run makes no network calls of its own.
    /// </summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ExecutablePath { get; } = ResolveExecutable();

    public IPlaywright Playwright =>
        _playwright ?? throw new InvalidOperationException("The browser fixture is not initialized.");

    public IBrowser Browser =>
        _browser ?? throw new InvalidOperationException("The browser fixture is not initialized.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{ExecutablePath}'. The browser tests use the system Chromium: " +
                "install Debian's chromium: apt-get install chromium fonts-khmeros fonts-noto-core " +
                $"(or point {ExecutableVariable} at a Chromium executable). .ci/run installs them.");
        }

        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }

    private static string ResolveExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        return string.IsNullOrWhiteSpace(configured) ? DefaultExecutable : configured;
    }
}

using Microsoft.AspNetCore.Hosting;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// The web host on a real Kestrel port, so that Chromium can reach it, serving wwwroot (styles and
/// the place picker's script) as `dotnet run` does: in the tests' Production environment the static
/// web assets of a build that is not published are off unless asked for.
/// </summary>
public sealed class UiHost : NokorHost
{
    protected override bool RealServer => true;

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

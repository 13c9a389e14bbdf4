using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Ui;

/// <summary>The web host on a real Kestrel port, so that Chromium can reach it.</summary>
public sealed class UiHost : NokorHost
{
    protected override bool RealServer => true;

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');
}

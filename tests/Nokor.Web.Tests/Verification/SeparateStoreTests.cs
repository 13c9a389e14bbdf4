using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Testing;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Verification;

/// <summary>A host whose verification tables live in a database of their own (<c>ConnectionStrings:Verification</c>).</summary>
public sealed class SeparateStoreHost : NokorHost
{
    public TestDatabase Store { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Store = await TestDatabase.CreateAsync(migrate: false);
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Verification", Store.Settings.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Store.DisposeAsync();
    }
}

public sealed class SeparateStoreTests(SeparateStoreHost host) : IClassFixture<SeparateStoreHost>
{
    [Fact]
    public async Task The_verification_store_can_live_in_its_own_database_and_still_follows_the_registry()
    {
        var registrar = await host.ClientForAsync("registrar.a");
        var person = await host.RegisterPersonAsync(registrar, host.PersonBody(host.VillageA));
        await host.WaitUntilProjectedAsync(person.Kidc);
        var bank = await host.InstitutionAsync(VerificationIntents.Contract());
        var response = await bank.VerifyAsync(new { kidc = person.Kidc, purpose = "account-opening", claims = new { surnameLatin = "Sok" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("match", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());

        // The query record is in the store's database; the main database has no verification tables.
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<Nokor.Verification.Data.VerificationDbContext>();
        Assert.Equal(1, await store.QueryRecords.CountAsync());
        var main = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tables = host.Database.IsPostgres
            ? await main.Database.SqlQuery<string>($"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'vrf%'").ToListAsync()
            : await main.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name LIKE 'vrf%'").ToListAsync();
        Assert.Empty(tables);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Testing;

namespace Nokor.Platform.Tests.Staff;

public sealed class StaffAccountsTests
{
    [Fact]
    public void Jurisdiction_covers_the_codes_inside_its_area_only()
    {
        var commune = new Jurisdiction("120101");
        Assert.True(commune.Covers("12010101"));
        Assert.False(commune.Covers("12010201"));
        Assert.False(commune.Covers("17010101"));
        Assert.False(commune.Covers(null));
        Assert.True(new Jurisdiction("12").Covers("12010201"));
        Assert.True(Jurisdiction.National.Covers("17010101"));
        Assert.True(Jurisdiction.National.Covers(null));
    }

    [Fact]
    public async Task Accounts_are_bound_to_offices_of_real_areas_and_weak_passwords_are_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await GazetteerLoader.EnsureLoadedAsync(platform);
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();

        Assert.Empty(await accounts.CreateAsync(new NewStaffAccount("first.admin", "First admin", "a-long-enough-password", Roles.Administrator, OfficeLevel.National, null)));
        Assert.Empty(await accounts.CreateAsync(new NewStaffAccount("agent.x", "Agent", "a-long-enough-password", Roles.Agent, OfficeLevel.Commune, "120101")));
        Assert.Equal(
            ["'1201' is not a commune code of the gazetteer."],
            await accounts.CreateAsync(new NewStaffAccount("agent.y", "Agent", "a-long-enough-password", Roles.Agent, OfficeLevel.Commune, "1201")));
        Assert.Equal(
            ["'999999' is not a commune code of the gazetteer."],
            await accounts.CreateAsync(new NewStaffAccount("agent.z", "Agent", "a-long-enough-password", Roles.Agent, OfficeLevel.Commune, "999999")));
        Assert.Equal(
            [
                "Passwords must be at least 12 characters.",
                "password: the password is mostly the platform's, the office's or the account's name, or repeated or consecutive characters (aaa, 123, abc); choose one less predictable.",
            ],
            await accounts.CreateAsync(new NewStaffAccount("agent.w", "Agent", "short", Roles.Agent, OfficeLevel.Commune, "120101")));
        Assert.Equal(
            [$"Unknown role 'superuser'; use one of {string.Join(", ", Roles.All)}."],
            await accounts.CreateAsync(new NewStaffAccount("agent.v", "Agent", "a-long-enough-password", "superuser", OfficeLevel.National, null)));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var agent = await users.FindByNameAsync("agent.x");
        Assert.NotNull(agent);
        Assert.True(await users.IsInRoleAsync(agent!, Roles.Agent));
        var office = await platform.Offices.SingleAsync(o => o.Id == agent!.OfficeId);
        Assert.Equal(("120101", OfficeLevel.Commune), (office.AreaCode, office.Level));
        Assert.Equal(2, await platform.Users.CountAsync());
    }
}

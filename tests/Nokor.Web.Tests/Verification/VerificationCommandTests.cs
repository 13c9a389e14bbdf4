using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Verification;

/// <summary>`nokor verification rebuild` against a host's database.</summary>
public sealed class VerificationCommandTests(NokorHost host) : IClassFixture<NokorHost>
{
    [Fact]
    public async Task Rebuild_copies_the_registry_and_with_if_not_built_leaves_a_built_store_alone()
    {
        var agent = await host.ClientForAsync("agent.a");
        await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, "កែវ", "មករា", "Keo", "Makara", "1988-01-14"));

        var full = await NokorCli.RunAsync(host, "verification", "rebuild");
        Assert.True(full.ExitCode == 0, full.Output);
        Assert.Matches(@"Verification store: [1-9][\d,]* persons in [\d.]+ s\.", full.Output);

        var again = await NokorCli.RunAsync(host, "verification", "rebuild", "--if-not-built");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Matches(@"Verification store: already built, at change [\d,]+ of the registry; nothing copied\.", again.Output);
        Assert.DoesNotContain("persons copied", again.Output);
    }
}

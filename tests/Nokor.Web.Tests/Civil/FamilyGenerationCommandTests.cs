using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Testing;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Civil;

/// <summary>
/// <c>nokor civil generate --marriages M --divorces D --adoptions A</c>: the family events go through
/// the real procedure (enter, verify, approve by two generator actors) and the marriage register,
/// the statistics and the exit code follow; user errors are one line with the documented code.
/// </summary>
public sealed class FamilyGenerationCommandTests
{
    private static string[] Settings(TestDatabase db) =>
        db.ConfigurationValues.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task More_divorces_than_marriages_is_a_misuse_in_one_line_and_nothing_is_written()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (exitCode, output, error) = await NokorCli.RunAsync(["civil", "generate", "--marriages", "2", "--divorces", "3", .. Settings(db)]);

        Assert.Equal(2, exitCode);
        Assert.Equal(["--divorces (3) end marriages of the same run: give at most --marriages (2)."], Lines(error));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        await using var services = db.BuildServices();
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.CountAsync());
    }

    [Fact]
    public async Task A_count_over_the_limit_is_a_misuse_in_one_line()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (exitCode, _, error) = await NokorCli.RunAsync(["civil", "generate", "--adoptions", "1000001", .. Settings(db)]);

        Assert.Equal(2, exitCode);
        Assert.Equal(["Give --births, --deaths, --marriages, --divorces and/or --adoptions between 1 and 1,000,000."], Lines(error));
    }

    [Fact]
    public async Task Marriages_on_an_empty_registry_say_what_to_generate_first_with_exit_code_5()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (exitCode, output, error) = await NokorCli.RunAsync(["civil", "generate", "--marriages", "3", .. Settings(db)]);

        Assert.Equal(5, exitCode);
        Assert.Equal(["The registry has 0 unmarried, unrelated couples of adults to draw 3 marriages from; generate a larger population first (nokor population generate)."],
            Lines(error));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marriages_divorces_and_adoptions_are_registered_through_the_procedure_and_counted()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (populated, populationOutput, _) = await NokorCli.RunAsync(["population", "generate", "-n", "800", "--seed", "17", .. Settings(db)]);
        Assert.True(populated == 0, populationOutput);

        var (exitCode, output, error) = await NokorCli.RunAsync(
            ["civil", "generate", "--marriages", "6", "--divorces", "2", "--adoptions", "2", "--seed", "5", .. Settings(db)]);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("Registered 10 of 0 births, 0 deaths, 6 marriages, 2 divorces and 2 adoptions (0 refused)", output, StringComparison.Ordinal);
        await using var services = db.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var civil = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        var registrations = await civil.Registrations.AsNoTracking().Select(r => new { r.Event, r.Status, r.EnteredBy, r.VerifiedBy, r.DecidedBy }).ToListAsync();
        Assert.Equal(6, registrations.Count(r => r.Event == VitalEvent.Marriage && r.Status == RegistrationStatus.Approved));
        Assert.Equal(2, registrations.Count(r => r.Event == VitalEvent.Divorce && r.Status == RegistrationStatus.Approved));
        Assert.Equal(2, registrations.Count(r => r.Event == VitalEvent.Adoption && r.Status == RegistrationStatus.Approved));
        // Two generator actors: the one who entered never verified.
        Assert.All(registrations, r => Assert.NotEqual(r.EnteredBy, r.VerifiedBy));

        var register = await civil.Marriages.AsNoTracking().ToListAsync();
        Assert.Equal(4, register.Count(m => m.State == MarriageState.InForce));
        Assert.Equal(2, register.Count(m => m.State == MarriageState.Dissolved));
        // No one is married twice.
        var spouses = register.Where(m => m.State == MarriageState.InForce).SelectMany(m => new[] { m.HusbandKidc, m.WifeKidc }).ToList();
        Assert.Equal(spouses.Count, spouses.Distinct().Count());

        var facts = await civil.VitalFacts.AsNoTracking().Where(f => f.Status == RegistrationStatus.Approved).ToListAsync();
        Assert.Equal(6, facts.Count(f => f.Event == VitalEvent.Marriage && f.HusbandAge >= 20 && f.WifeAge >= 20 && f.HusbandPreviousStatus != null));
        Assert.Equal(2, facts.Count(f => f.Event == VitalEvent.Divorce && f.MarriageYears == 0 && f.DependentChildren != null));
    }
}

using Nokor.Testing;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests;

/// <summary>
/// Every command answers a user error in one line on stderr with its documented exit code
/// (docs/cli.md), never a stack trace unless asked for with --verbose.
/// </summary>
public sealed class CliErrorTests
{
    private static string[] Settings(TestDatabase db) =>
        db.ConfigurationValues.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Population_generate_on_a_database_never_migrated_says_so_in_one_line_with_exit_code_3()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);

        var (exitCode, output, error) = await NokorCli.RunAsync(["population", "generate", "-n", "10", .. Settings(db)]);

        Assert.Equal(3, exitCode);
        Assert.Equal(["The database is not migrated: run `nokor db migrate`."], Lines(error));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_verbose_the_same_error_shows_its_stack_trace()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);

        var (exitCode, _, error) = await NokorCli.RunAsync(["population", "generate", "-n", "10", "--verbose", .. Settings(db)]);

        Assert.Equal(3, exitCode);
        Assert.StartsWith("The database is not migrated: run `nokor db migrate`.", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
        Assert.Contains(db.IsPostgres ? "42P01" : "no such table", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Civil_generate_on_a_population_too_small_says_what_to_do_first_with_exit_code_5()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);

        var (exitCode, output, error) = await NokorCli.RunAsync(["civil", "generate", "--births", "5", .. Settings(db)]);

        Assert.Equal(5, exitCode);
        Assert.Equal(["The registry has 0 couples and 0 persons over 40 to draw from; generate a population first (nokor population generate)."], Lines(error));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_exit_code_4_in_one_line()
    {
        // Nothing listens on port 1 of the loopback: the connection is refused at once.
        var (exitCode, output, error) = await NokorCli.RunAsync(
            ["population", "generate", "-n", "10", "--Database:Provider=Postgres", "--ConnectionStrings:Nokor=Host=127.0.0.1;Port=1;Username=nokor;Database=nokor;Timeout=5"]);

        Assert.Equal(4, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("Cannot connect to the database: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_exit_code_2_and_the_documented_table_matches_the_codes()
    {
        var (exitCode, _, error) = await NokorCli.RunAsync(["population", "generate", "-n", "10", "--no-such-option"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        var documented = await File.ReadAllTextAsync(Path.Combine(NokorCli.RepositoryRoot(), "docs", "cli.md"));
        foreach (var code in new[] { 0, 1, 2, 3, 4, 5, 70, 130 })
        {
            Assert.Contains($"| {code} |", documented, StringComparison.Ordinal);
        }
    }
}

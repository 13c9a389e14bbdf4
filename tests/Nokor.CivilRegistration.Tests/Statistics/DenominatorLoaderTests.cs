using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Statistics;
using Nokor.Testing;

namespace Nokor.CivilRegistration.Tests.Statistics;

public sealed class DenominatorLoaderTests : IAsyncLifetime
{
    private const string PopulationHeader = "year,area,sex,age_from,age_to,population";

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<(bool Ok, IDictionary<string, string[]> Errors, int Rows)> LoadAsync(string csv)
    {
        await using var services = _db.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DenominatorLoader>().LoadAsync(csv, CancellationToken.None);
        return (outcome.IsOk, outcome.Errors, outcome.Value?.Rows ?? 0);
    }

    [Fact]
    public async Task Quoted_fields_are_read_as_fields_and_a_quoted_comma_stays_inside_its_field()
    {
        var loaded = await LoadAsync($"\uFEFF{PopulationHeader}\r\n\"2024\",\"\",\"Male\",0,4,\"1000\"\r\n2024,,Female,\"0\",4,900\r\n\r\n");

        Assert.True(loaded.Ok, string.Join("; ", loaded.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.Equal(2, loaded.Rows);
        await using (var services = _db.BuildServices())
        await using (var scope = services.CreateAsyncScope())
        {
            var estimates = await scope.ServiceProvider.GetRequiredService<CivilDbContext>().PopulationEstimates.AsNoTracking()
                .Where(p => p.Year == 2024).OrderBy(p => p.Sex).ToListAsync();
            Assert.Equal([("Female", 900L), ("Male", 1000L)], estimates.Select(p => (p.Sex, p.Population)));
        }

        // "Male, Female" is one field holding a comma: the file has six columns and the sex is wrong,
        // where splitting on every comma would have found seven columns.
        var comma = await LoadAsync($"{PopulationHeader}\n2024,,\"Male, Female\",0,4,1000\n");

        Assert.False(comma.Ok);
        Assert.True(comma.Errors.ContainsKey("file.line 2.sex"), string.Join(", ", comma.Errors.Keys));
        Assert.False(comma.Errors.ContainsKey("file.line 2"));
    }

    [Fact]
    public async Task A_quote_left_open_or_a_blank_line_inside_the_file_is_refused_naming_the_line()
    {
        var open = await LoadAsync($"{PopulationHeader}\n2024,,Male,0,4,1000\n2024,,\"Female,0,4,900\n");

        Assert.False(open.Ok);
        Assert.Contains(open.Errors, e => e.Key == "file.line 3" && e.Value.Any(m => m.Contains("quoted field is not closed", StringComparison.Ordinal)));

        var blank = await LoadAsync($"{PopulationHeader}\n2024,,Male,0,4,1000\n\n2024,,Female,0,4,900\n");

        Assert.False(blank.Ok);
        Assert.Equal(["Expected 6 columns, found 1."], blank.Errors["file.line 3"]);
    }

    [Fact]
    public async Task A_field_longer_than_the_limit_is_refused_naming_the_line()
    {
        var loaded = await LoadAsync($"{PopulationHeader}\n2024,,{new string('M', 5_000)},0,4,1000\n");

        Assert.False(loaded.Ok);
        Assert.True(loaded.Errors.ContainsKey("file.line 2"), string.Join(", ", loaded.Errors.Keys));
    }
}

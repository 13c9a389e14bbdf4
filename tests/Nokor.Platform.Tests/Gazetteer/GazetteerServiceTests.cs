using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Testing;

namespace Nokor.Platform.Tests.Gazetteer;

/// <summary>One database with the embedded gazetteer loaded, shared by the look-up tests (they only read).</summary>
public sealed class LoadedGazetteerFixture : IAsyncLifetime
{
    private TestDatabase? _db;

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        Services = _db.BuildServices();
        await using var scope = Services.CreateAsyncScope();
        await GazetteerLoader.EnsureLoadedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

public sealed class GazetteerServiceTests(LoadedGazetteerFixture fixture) : IClassFixture<LoadedGazetteerFixture>, IAsyncLifetime
{
    private AsyncServiceScope _scope;
    private GazetteerService _gazetteer = null!;

    public Task InitializeAsync()
    {
        _scope = fixture.Services.CreateAsyncScope();
        _gazetteer = _scope.ServiceProvider.GetRequiredService<GazetteerService>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task Gets_units_by_code()
    {
        var unit = await _gazetteer.GetAsync("12010101");

        Assert.NotNull(unit);
        Assert.Equal(("ភូមិ ១", "Phum 1", AdminLevel.Village), (unit.NameKm, unit.NameLatin, unit.Level));
        Assert.Null(await _gazetteer.GetAsync("99"));
        Assert.Null(await _gazetteer.GetAsync("1201010"));
    }

    [Fact]
    public async Task Lists_provinces_and_children_in_code_order()
    {
        var provinces = await _gazetteer.ChildrenAsync(null);
        Assert.Equal(25, provinces.Count);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString("00")), provinces.Select(p => p.Code));

        var khans = await _gazetteer.ChildrenAsync("12");
        Assert.Equal(14, khans.Count);
        Assert.Equal("Chamkar Mon", khans[0].NameLatin);
        Assert.All(khans, k => Assert.Equal("12", k.ParentCode));

        var villages = await _gazetteer.ChildrenAsync("120101");
        Assert.Equal(16, villages.Count);
        Assert.Empty(await _gazetteer.ChildrenAsync("12010101"));
        Assert.Empty(await _gazetteer.ChildrenAsync("99"));
    }

    [Fact]
    public async Task Path_runs_from_province_to_the_unit_and_formats_for_display()
    {
        var path = await _gazetteer.PathAsync("12010101");

        Assert.Equal(["12", "1201", "120101", "12010101"], path.Select(u => u.Code));
        Assert.Equal("Phum 1, Tonle Basak, Chamkar Mon, Phnom Penh", GazetteerService.FormatPath(path, khmer: false));
        Assert.Equal("ភូមិ ១ សង្កាត់ទន្លេបាសាក់ ខណ្ឌចំការមន រាជធានីភ្នំពេញ", GazetteerService.FormatPath(path, khmer: true));
        Assert.Equal("Tonle Basak, Chamkar Mon, Phnom Penh", await _gazetteer.DescribeAsync("120101", khmer: false));
        Assert.Empty(await _gazetteer.PathAsync("12999999"));
        Assert.Null(await _gazetteer.DescribeAsync("12999999", khmer: true));
    }

    [Fact]
    public async Task Searches_Latin_names_case_insensitively_best_match_first()
    {
        var found = await _gazetteer.SearchAsync("chamkar mon");

        Assert.Equal("1201", found[0].Code);
        Assert.All(found, u => Assert.Contains("chamkar mon", u.NameLatin, StringComparison.OrdinalIgnoreCase));

        var districts = await _gazetteer.SearchAsync("BATTAMBANG", AdminLevel.District);
        Assert.Equal("0203", Assert.Single(districts).Code);

        // Spacing differs between spellings ("Siemreap" / "Siem Reap").
        var siemReap = await _gazetteer.SearchAsync("Siemreap", AdminLevel.Province);
        Assert.Equal("17", Assert.Single(siemReap).Code);
    }

    [Fact]
    public async Task Searches_Khmer_names_with_or_without_the_type_word()
    {
        var byName = await _gazetteer.SearchAsync("ភ្នំពេញ", AdminLevel.Province);
        Assert.Equal("12", Assert.Single(byName).Code);

        var withType = await _gazetteer.SearchAsync("រាជធានីភ្នំពេញ");
        Assert.Equal("12", withType[0].Code);

        var communes = await _gazetteer.SearchAsync("ទន្លេបាសាក់", AdminLevel.Commune);
        Assert.Equal("120101", communes[0].Code);
    }

    [Fact]
    public async Task Search_honours_the_limit()
    {
        Assert.Equal(5, (await _gazetteer.SearchAsync("Phum", AdminLevel.Village, 5)).Count);
        Assert.Empty(await _gazetteer.SearchAsync("   "));
        Assert.Empty(await _gazetteer.SearchAsync("Zzyzx"));
    }

    [Fact]
    public async Task Exists_validates_codes_and_levels()
    {
        Assert.True(await _gazetteer.ExistsAsync("120101"));
        Assert.True(await _gazetteer.ExistsAsync("120101", AdminLevel.Commune));
        Assert.True(await _gazetteer.ExistsAsync("12010101", AdminLevel.Commune, AdminLevel.Village));
        Assert.False(await _gazetteer.ExistsAsync("120101", AdminLevel.Village));
        Assert.False(await _gazetteer.ExistsAsync("12019999", AdminLevel.Village));
        Assert.False(await _gazetteer.ExistsAsync("abc"));
        Assert.False(await _gazetteer.ExistsAsync(null));
    }

    [Fact]
    public async Task The_cache_is_shared_by_scopes()
    {
        var cache = fixture.Services.GetRequiredService<GazetteerCache>();
        await using var other = fixture.Services.CreateAsyncScope();

        Assert.Same(cache, other.ServiceProvider.GetRequiredService<GazetteerCache>());
        Assert.NotSame(_gazetteer, other.ServiceProvider.GetRequiredService<GazetteerService>());
        Assert.Equal("Phnom Penh", (await other.ServiceProvider.GetRequiredService<GazetteerService>().GetAsync("12"))?.NameLatin);
    }

    [Fact]
    public async Task Unit_handler_returns_the_unit_404_or_400()
    {
        var ok = Assert.IsType<Ok<GazetteerUnitDto>>((await GazetteerEndpoints.GetUnitAsync("1201", _gazetteer, CancellationToken.None)).Result);
        Assert.Equal(new GazetteerUnitDto("1201", AdminLevel.District, "12", "ចំការមន", "Chamkar Mon", "ខណ្ឌ", "Khan"), ok.Value);

        var missing = Assert.IsType<NotFound<ProblemDetails>>((await GazetteerEndpoints.GetUnitAsync("1299", _gazetteer, CancellationToken.None)).Result);
        Assert.Equal(Problems.NotFound, missing.Value!.Type);

        foreach (var bad in new[] { "123", "12a4", "", "123456789" })
        {
            var invalid = Assert.IsType<ValidationProblem>((await GazetteerEndpoints.GetUnitAsync(bad, _gazetteer, CancellationToken.None)).Result);
            Assert.Equal(Problems.Validation, invalid.ProblemDetails.Type);
            Assert.True(invalid.ProblemDetails.Errors.ContainsKey("code"));
        }
    }

    [Fact]
    public async Task Children_and_provinces_handlers()
    {
        var provinces = await GazetteerEndpoints.GetProvincesAsync(_gazetteer, CancellationToken.None);
        Assert.Equal(25, provinces.Value!.Length);

        var children = Assert.IsType<Ok<GazetteerUnitDto[]>>((await GazetteerEndpoints.GetChildrenAsync("120101", _gazetteer, CancellationToken.None)).Result);
        Assert.Equal(16, children.Value!.Length);
        Assert.All(children.Value, v => Assert.Equal(AdminLevel.Village, v.Level));

        Assert.IsType<NotFound<ProblemDetails>>((await GazetteerEndpoints.GetChildrenAsync("1299", _gazetteer, CancellationToken.None)).Result);
        Assert.IsType<ValidationProblem>((await GazetteerEndpoints.GetChildrenAsync("1", _gazetteer, CancellationToken.None)).Result);
    }

    [Fact]
    public async Task Search_handler_validates_its_query()
    {
        var ok = Assert.IsType<Ok<GazetteerUnitDto[]>>((await GazetteerEndpoints.SearchAsync("Tonle Basak", "commune", 10, _gazetteer, CancellationToken.None)).Result);
        Assert.Equal("120101", ok.Value![0].Code);

        var empty = Assert.IsType<ValidationProblem>((await GazetteerEndpoints.SearchAsync(" ", null, null, _gazetteer, CancellationToken.None)).Result);
        Assert.True(empty.ProblemDetails.Errors.ContainsKey("q"));

        foreach (var limit in new[] { 0, 101 })
        {
            var outOfRange = Assert.IsType<ValidationProblem>((await GazetteerEndpoints.SearchAsync("Phum", null, limit, _gazetteer, CancellationToken.None)).Result);
            Assert.True(outOfRange.ProblemDetails.Errors.ContainsKey("limit"));
        }

        var badLevel = Assert.IsType<ValidationProblem>((await GazetteerEndpoints.SearchAsync("Phum", "hamlet", null, _gazetteer, CancellationToken.None)).Result);
        Assert.True(badLevel.ProblemDetails.Errors.ContainsKey("level"));
    }
}

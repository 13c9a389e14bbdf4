using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Nokor.Testing;

namespace Nokor.Platform.Tests.Gazetteer;

public sealed class GazetteerLoaderTests
{
    [Fact]
    public async Task Loads_the_embedded_gazetteer_into_an_empty_table_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();

        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var clock = Stopwatch.StartNew();
            var inserted = await GazetteerLoader.EnsureLoadedAsync(context, CancellationToken.None);
            clock.Stop();

            Assert.Equal(16457, inserted);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Loading took {clock.Elapsed}.");
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.Equal(0, await GazetteerLoader.EnsureLoadedAsync(context, CancellationToken.None));
            Assert.Equal(16457, await context.GazetteerUnits.CountAsync(CancellationToken.None));
            Assert.Equal(14570, await context.GazetteerUnits.CountAsync(u => u.Level == AdminLevel.Village, CancellationToken.None));
            var tonleBasak = await context.GazetteerUnits.SingleAsync(u => u.Code == "120101", CancellationToken.None);
            Assert.Equal(("ទន្លេបាសាក់", "Tonle Basak", "1201", AdminLevel.Commune), (tonleBasak.NameKm, tonleBasak.NameLatin, tonleBasak.ParentCode, tonleBasak.Level));
        }
    }

    [Fact]
    public async Task Import_inserts_new_codes_updates_names_and_keeps_codes_the_workbook_no_longer_lists()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            context.GazetteerUnits.AddRange(
                new GazetteerUnit { Code = "12", Level = AdminLevel.Province, NameKm = "ភ្នំពេញ", NameLatin = "Phnom Penh", TypeKm = "រាជធានី", TypeLatin = "Capital" },
                new GazetteerUnit { Code = "1201", Level = AdminLevel.District, ParentCode = "12", NameKm = "ចំការមន", NameLatin = "Chamcar Morn (old spelling)", TypeKm = "ខណ្ឌ", TypeLatin = "Khan" },
                new GazetteerUnit { Code = "120199", Level = AdminLevel.Commune, ParentCode = "1201", NameKm = "ឃុំលុបចោល", NameLatin = "Abolished", TypeKm = "សង្កាត់", TypeLatin = "Sangkat" });
            await context.SaveChangesAsync(CancellationToken.None);
        }

        var reports = new List<GazetteerImportProgress>();
        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var result = await GazetteerLoader.ImportAsync(
                context, GazetteerWorkbook.Path, new InlineProgress(reports.Add), CancellationToken.None);

            Assert.Equal(16457, result.Read);
            Assert.Equal(16457 - 2, result.Inserted);
            Assert.Equal(1, result.Updated);
            Assert.Equal(1, result.Unchanged);
            Assert.Equal(1, result.Retained);
            Assert.Single(result.Issues);
        }

        Assert.Contains(reports, r => r.Step == "Saving" && r.Done == 1);
        Assert.Contains(reports, r => r.Done == 16457 && r.Total == 16457);

        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.Equal(16458, await context.GazetteerUnits.CountAsync(CancellationToken.None));
            Assert.Equal("Chamkar Mon", (await context.GazetteerUnits.SingleAsync(u => u.Code == "1201", CancellationToken.None)).NameLatin);
            Assert.True(await context.GazetteerUnits.AnyAsync(u => u.Code == "120199", CancellationToken.None));

            var again = await GazetteerLoader.ImportAsync(context, GazetteerWorkbook.Path, null, CancellationToken.None);
            Assert.Equal((0, 0, 16457, 1), (again.Inserted, again.Updated, again.Unchanged, again.Retained));
        }
    }

    [Fact]
    public async Task Import_of_a_missing_or_invalid_file_fails_without_writing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var notWorkbook = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(notWorkbook, "not a workbook", CancellationToken.None);

            await Assert.ThrowsAsync<FileNotFoundException>(() =>
                GazetteerLoader.ImportAsync(context, notWorkbook + ".missing.xlsx", null, CancellationToken.None));
            await Assert.ThrowsAsync<InvalidDataException>(() =>
                GazetteerLoader.ImportAsync(context, notWorkbook, null, CancellationToken.None));
            Assert.False(await context.GazetteerUnits.AnyAsync(CancellationToken.None));
        }
        finally
        {
            File.Delete(notWorkbook);
        }
    }

    private sealed class InlineProgress(Action<GazetteerImportProgress> report) : IProgress<GazetteerImportProgress>
    {
        public void Report(GazetteerImportProgress value) => report(value);
    }
}

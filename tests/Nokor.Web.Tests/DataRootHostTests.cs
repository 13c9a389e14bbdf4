using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Search;
using Nokor.Platform.Data;
using Nokor.Platform.Files;
using Nokor.Platform.Hosting;
using Nokor.Platform.Signing;

namespace Nokor.Web.Tests;

/// <summary>
/// One data root: a host given nothing but <c>DataRoot</c> keeps every piece of its run-time state
/// under it, owner-only on Unix, and git ignores it. Runs on SQLite whatever the test database,
/// since the default database is what it checks.
/// </summary>
public sealed class DataRootHostTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "nokor-tests", "dataroot-" + Guid.NewGuid().ToString("N"));

    private string Root => Path.Combine(_parent, "data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    [Fact]
    public async Task A_host_given_only_a_data_root_keeps_all_its_state_under_it_for_its_own_account_only()
    {
        string blob;
        string[] paths;
        await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
                     {
                         builder.UseEnvironment("Production");
                         builder.UseSetting("Nokor:Mode", "Production");
                         builder.UseSetting(DataRoot.Key, Root);
                         builder.UseSetting("Database:Provider", "Sqlite");
                         builder.UseSetting("ConnectionStrings:Nokor", "");
                     }))
        {
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

            // Each writer of run-time state, once.
            var services = factory.Services;
            services.GetRequiredService<SigningKeyRing>().Sign("payload"u8);
            blob = await services.GetRequiredService<IBlobStore>().PutAsync("a stored document"u8.ToArray(), CancellationToken.None);
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("secret");
            _ = services.GetRequiredService<LegalSearchIndex>();

            paths =
            [
                new SqliteConnectionStringBuilder(services.GetRequiredService<DatabaseSettings>().ConnectionString).DataSource,
                services.GetRequiredService<SigningKeyRing>().KeyDirectory,
                Assert.IsType<FileSystemXmlRepository>(services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository).Directory.FullName,
                services.GetRequiredService<IOptions<LegislationSearchOptions>>().Value.IndexPath!,
            ];

            // The database's side files exist while the host holds its connections.
            Assert.True(File.Exists(Path.Combine(Root, "nokor.db-wal")));
            if (!OperatingSystem.IsWindows())
            {
                AssertPrivate();
            }
        }

        Assert.Equal(
            ["nokor.db", "keys", "dataprotection", Path.Combine("search", "legislation")],
            paths.Select(p => Path.GetRelativePath(Root, Path.GetFullPath(p))));
        Assert.True(File.Exists(Path.Combine(Root, "blobs", blob[..2], blob[2..4], blob)));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, "dataprotection"), "key-*.xml"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, "search", "legislation")));
        // Nothing was written beside the data root.
        Assert.Equal([Root], Directory.GetFileSystemEntries(_parent));
    }

    [Fact]
    public async Task The_command_line_given_a_data_root_creates_its_database_there_owner_only()
    {
        var (exitCode, output, error) = await Infrastructure.NokorCli.RunAsync(["db", "migrate", $"--DataRoot={Root}", "--Database:Provider=Sqlite"]);

        Assert.True(exitCode == 0, output + error);
        var database = Path.Combine(Root, "nokor.db");
        Assert.True(File.Exists(database), output + error);
        Assert.Equal([database], Directory.GetFileSystemEntries(Root).Where(e => !e.EndsWith("-wal", StringComparison.Ordinal) && !e.EndsWith("-shm", StringComparison.Ordinal)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(PrivateFiles.PrivateDirectoryMode, File.GetUnixFileMode(Root));
            Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(database));
        }
    }

    /// <summary>Owner-only: the root and every folder under it 0700; the database with its side files, stored files and keys 0600.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private void AssertPrivate()
    {
        Assert.Equal(PrivateFiles.PrivateDirectoryMode, File.GetUnixFileMode(Root));
        Assert.All(Directory.GetDirectories(Root, "*", SearchOption.AllDirectories),
            d => Assert.True(File.GetUnixFileMode(d) == PrivateFiles.PrivateDirectoryMode, $"{d}: {File.GetUnixFileMode(d)}"));
        foreach (var name in new[] { "nokor.db", "nokor.db-wal", "nokor.db-shm" })
        {
            var file = Path.Combine(Root, name);
            Assert.True(File.Exists(file), file);
            Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(file));
        }

        Assert.All(Directory.GetFiles(Path.Combine(Root, "blobs"), "*", SearchOption.AllDirectories),
            f => Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(f)));
        Assert.All(Directory.GetFiles(Path.Combine(Root, "keys"), "*.pem"),
            f => Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task Git_ignores_the_data_root_and_state_left_in_a_project_folder_but_not_the_Data_folders_of_the_source()
    {
        var repository = DataRoot.RepositoryRoot(AppContext.BaseDirectory)!;
        if (!Path.Exists(Path.Combine(repository, ".git")))
        {
            return; // Not a git checkout (a source archive): nothing to ignore.
        }

        Assert.True(await IgnoredAsync(repository, "data/nokor.db"));
        Assert.True(await IgnoredAsync(repository, "data/dataprotection/key-1.xml"));
        Assert.True(await IgnoredAsync(repository, "src/Nokor.Web/data/dataprotection/key-1.xml"));
        Assert.True(await IgnoredAsync(repository, "src/Nokor.Cli/data/nokor.db"));
        Assert.False(await IgnoredAsync(repository, "src/Nokor.Platform/Gazetteer/Data/new-file.txt"));
        Assert.False(await IgnoredAsync(repository, "src/Nokor.Platform/Data/NewFile.cs"));
    }

    /// <summary>`git check-ignore`: exit 0 ignored, 1 not ignored.</summary>
    private static async Task<bool> IgnoredAsync(string repository, string path)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "check-ignore", "--no-index", "-q", path })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode is 0 or 1, error);
        return process.ExitCode == 0;
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Nokor.Platform.Data;
using Nokor.Platform.Hosting;

namespace Nokor.Platform.Tests.Hosting;

public sealed class DataRootTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "nokor-tests", "dataroot-" + Guid.NewGuid().ToString("N"));

    public DataRootTests() => Directory.CreateDirectory(_temp);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_temp, recursive: true);
    }

    private static string Repository() => DataRoot.RepositoryRoot(AppContext.BaseDirectory)!;

    [Fact]
    public void Inside_the_repository_the_default_is_data_at_its_root_wherever_the_command_runs()
    {
        var repository = Repository();

        // `dotnet run --project src/Nokor.Web` runs in the project folder; the README's ./data is the repository's.
        Assert.Equal(Path.Combine(repository, "data"), DataRoot.Resolve(null, Path.Combine(repository, "src", "Nokor.Web")));
        Assert.Equal(Path.Combine(repository, "data"), DataRoot.Resolve(null, repository));
        Assert.Equal(Path.Combine(repository, "data"), DataRoot.Resolve("", AppContext.BaseDirectory));
    }

    [Fact]
    public void Outside_a_checkout_the_default_is_data_in_the_current_directory_and_a_setting_is_relative_to_it()
    {
        Assert.Null(DataRoot.RepositoryRoot(_temp));
        Assert.Equal(Path.Combine(_temp, "data"), DataRoot.Resolve(null, _temp));
        Assert.Equal(Path.Combine(_temp, "state"), DataRoot.Resolve("state", _temp));
        Assert.Equal("/srv/nokor", DataRoot.Resolve("/srv/nokor", _temp));
    }

    [Fact]
    public void Every_default_path_derives_from_the_data_root_and_a_setting_of_its_own_wins()
    {
        var root = Path.Combine(_temp, "root");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DataRoot.Key] = root,
            ["Files:Root"] = Path.Combine(_temp, "elsewhere"),
        }).Build();

        Assert.Equal(Path.Combine(root, "nokor.db"), new SqliteConnectionStringBuilder(DatabaseSettings.From(configuration).ConnectionString).DataSource);
        Assert.Equal(Path.Combine(root, "keys"), DataRoot.PathFor(configuration, "Signing:KeyDirectory", "keys"));
        Assert.Equal(Path.Combine(_temp, "elsewhere"), DataRoot.PathFor(configuration, "Files:Root", "blobs"));
    }

    [Fact]
    public void An_sqlite_database_and_its_wal_and_shm_files_are_0600_in_a_0700_folder()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes.
        }

        var path = Path.Combine(_temp, "root", "nokor.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;

        PrivateFiles.PrepareSqliteDatabase(connectionString);
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);";
            command.ExecuteNonQuery();

            Assert.Equal(PrivateFiles.PrivateDirectoryMode, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                Assert.True(File.Exists(file), file);
                Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public void A_database_an_older_version_left_readable_by_others_is_narrowed_to_0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes.
        }

        var path = Path.Combine(_temp, "old.db");
        File.WriteAllBytes(path, []);
        File.WriteAllBytes(path + "-wal", []);
        var readable = PrivateFiles.PrivateFileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(path, readable);
        File.SetUnixFileMode(path + "-wal", readable);

        PrivateFiles.PrepareSqliteDatabase($"Data Source={path}");

        Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(path));
        Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(path + "-wal"));
    }
}

using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Nokor.Platform.Data;

/// <summary>
/// Run-time state is for the service account alone: on Unix the folders the platform creates under
/// the data root are 0700 and the files it writes 0600, like the signing keys. The SQLite database
/// is created 0600 before SQLite first opens it, so its <c>-wal</c>, <c>-shm</c> and <c>-journal</c>
/// files are 0600 too (SQLite gives them the database file's mode); a database an older version
/// left 0644 is narrowed to 0600 with its side files on first use. Files that a library writes
/// itself (the search index, the data-protection key ring) are protected by their 0700 folder.
/// Nothing here changes on Windows, where a new file inherits the folder's access list.
/// </summary>
public static class PrivateFiles
{
    /// <summary>rwx for the owner only.</summary>
    public const UnixFileMode PrivateDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner only.</summary>
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The side files SQLite keeps beside a database.</summary>
    public static readonly IReadOnlyList<string> SqliteSuffixes = ["-wal", "-shm", "-journal"];

    private static readonly ConcurrentDictionary<string, bool> s_preparedDatabases = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates <paramref name="path"/> and each missing folder above it, each 0700 on Unix; folders
    /// that exist keep their mode. Returns the full path.
    /// </summary>
    public static string CreateDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        var missing = new Stack<string>();
        for (var dir = full; !string.IsNullOrEmpty(dir) && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            missing.Push(dir);
        }

        while (missing.TryPop(out var dir))
        {
            Directory.CreateDirectory(dir, PrivateDirectoryMode);
        }

        return full;
    }

    /// <summary>Options that create a new file 0600 on Unix (for <see cref="FileStream"/>).</summary>
    public static FileStreamOptions NewFile(FileAccess access = FileAccess.Write, FileOptions options = FileOptions.None, int bufferSize = 4096)
    {
        var stream = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access, Share = FileShare.None, Options = options, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = PrivateFileMode;
        }

        return stream;
    }

    /// <summary>
    /// For an SQLite file database: its folder (0700 when created), the file itself created empty
    /// and 0600 if missing (an empty file is an empty database to SQLite), or narrowed to 0600 with
    /// its side files if group or others may read it. Once per connection string and process; an
    /// in-memory database is left alone.
    /// </summary>
    public static void PrepareSqliteDatabase(string connectionString)
    {
        if (s_preparedDatabases.ContainsKey(connectionString))
        {
            return;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory ||
            dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            s_preparedDatabases.TryAdd(connectionString, true);
            return;
        }

        var path = Path.GetFullPath(dataSource);
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            CreateDirectory(directory);
        }

        if (!OperatingSystem.IsWindows() && builder.Mode is SqliteOpenMode.ReadWriteCreate)
        {
            if (!File.Exists(path))
            {
                try
                {
                    using (new FileStream(path, NewFile()))
                    {
                    }
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another process created it first.
                }
            }

            foreach (var file in SqliteSuffixes.Select(s => path + s).Prepend(path))
            {
                Narrow(file);
            }
        }

        s_preparedDatabases.TryAdd(connectionString, true);
    }

    /// <summary>Takes group and other permissions off a file this account owns; leaves a missing or foreign file alone.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Narrow(string file)
    {
        try
        {
            if (File.Exists(file) && (File.GetUnixFileMode(file) & ~PrivateFileMode) != 0)
            {
                File.SetUnixFileMode(file, File.GetUnixFileMode(file) & PrivateFileMode);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Owned by another account: its owner decides.
        }
        catch (IOException)
        {
        }
    }
}

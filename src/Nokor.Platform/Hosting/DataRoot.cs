using Microsoft.Extensions.Configuration;

namespace Nokor.Platform.Hosting;

/// <summary>
/// The one folder every host and command writes its run-time state to, unless a setting names its
/// own place: the SQLite database (<c>nokor.db</c>), the document-signing keys (<c>keys/</c>), the
/// data-protection key ring (<c>dataprotection/</c>), stored files (<c>blobs/</c>) and the legal
/// search index (<c>search/legislation/</c>).
/// <para>
/// <c>DataRoot</c> in configuration (environment <c>DataRoot</c>, or <c>--DataRoot=...</c>) sets it,
/// relative to the current directory. By default it is <c>data</c> in the repository when the
/// command runs inside a checkout (the folder holding <c>Nokor.slnx</c>, found by walking up from
/// the current directory, since <c>dotnet run --project src/Nokor.Web</c> runs in the project's
/// folder), else <c>data</c> in the current directory. The repository's <c>.gitignore</c> ignores
/// it whole.
/// </para>
/// </summary>
public static class DataRoot
{
    /// <summary>The configuration key.</summary>
    public const string Key = "DataRoot";

    /// <summary>The folder's name when no setting gives it.</summary>
    public const string DefaultFolderName = "data";

    /// <summary>The file that marks the repository's root folder.</summary>
    public const string RepositoryMarker = "Nokor.slnx";

    /// <summary>The data root of this configuration, as a full path.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Resolve(configuration[Key], Directory.GetCurrentDirectory());
    }

    /// <summary>The data root for a setting (null: none) and a current directory, as a full path.</summary>
    public static string Resolve(string? configured, string currentDirectory)
    {
        var current = Path.GetFullPath(currentDirectory);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, current);
        }

        return Path.Combine(RepositoryRoot(current) ?? current, DefaultFolderName);
    }

    /// <summary>
    /// The full path a setting names (<paramref name="key"/>, relative to the current directory),
    /// or by default <paramref name="underRoot"/> under the data root.
    /// </summary>
    public static string PathFor(IConfiguration configuration, string key, params string[] underRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[key] is { Length: > 0 } own
            ? Path.GetFullPath(own)
            : Path.Combine([Resolve(configuration), .. underRoot]);
    }

    /// <summary>The folder holding <see cref="RepositoryMarker"/> at or above <paramref name="directory"/>, or null.</summary>
    public static string? RepositoryRoot(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RepositoryMarker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

using Nokor.Platform.Data;

namespace Nokor.Platform.Files;

/// <summary>
/// Content-addressed file storage (DESIGN: scanned annexes, certificates, archive documents): a
/// file is stored once under the hex SHA-256 of its bytes, which is also how records refer to it,
/// so a stored file cannot change without its reference breaking. An S3-compatible store can
/// implement the same interface.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes and returns their SHA-256 (lower-case hex). Storing the same bytes twice keeps one copy.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>The bytes stored under this hash, or null; the content is checked against the hash on the way out.</summary>
    Task<byte[]?> GetAsync(string sha256, CancellationToken ct);
}

/// <summary>Blobs as files under <c>Files:Root</c> (default <c>blobs/</c> under the data root), fanned out by the first two bytes of the hash.</summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private readonly string _root;

    public FileSystemBlobStore(IConfiguration configuration)
    {
        _root = Hosting.DataRoot.PathFor(configuration, "Files:Root", "blobs");
    }

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        // Folders 0700 and files 0600 on Unix: stored files hold personal data (documents, bulk files).
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var stream = new FileStream(temp, PrivateFiles.NewFile(FileAccess.Write, FileOptions.WriteThrough, 81920)))
        {
            await stream.WriteAsync(content, ct);
        }

        // Same content, same name: whichever writer renames last leaves identical bytes.
        File.Move(temp, path, overwrite: true);
        return hash;
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken ct)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Stored file {sha256} does not match its hash: the store was altered.");
        }

        return bytes;
    }

    private string PathOf(string hash) => Path.Combine(_root, hash[..2], hash[2..4], hash);
}

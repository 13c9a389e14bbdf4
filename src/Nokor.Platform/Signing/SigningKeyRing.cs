using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nokor.Platform.Signing;

/// <summary>
/// The platform's document-signing keys (DESIGN, "Signatures"): ECDSA P-256 key pairs, one of them
/// active for new signatures, the older ones kept so that what they signed still verifies.
/// <para>
/// Storage, in the directory given by <c>Signing:KeyDirectory</c> (default <c>keys</c> under the
/// data root, see <see cref="Hosting.DataRoot"/>): one <c>&lt;kid&gt;.pem</c> per key (PKCS#8 PEM private key) and
/// <c>keyring.json</c> naming the keys, their creation times and the active one. The directory is
/// created with mode 0700 and the files with 0600 on Unix, since whoever reads a private key can
/// sign certificates. The first key is created on first use. Writes go through a lock file and an
/// atomic rename, so a host and <c>nokor keys rotate</c> can share the directory; a running ring
/// notices a rotation made by another process on its next call.
/// </para>
/// <para>Thread-safe. Key material is never logged; only key ids are.</para>
/// </summary>
public sealed class SigningKeyRing : IDisposable
{
    /// <summary>The key directory's name under the data root when <c>Signing:KeyDirectory</c> is not set.</summary>
    public const string DefaultKeyDirectoryName = "keys";
    internal const string MetadataFileName = "keyring.json";
    private const string LockFileName = "keyring.lock";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private State? _state;
    private bool _disposed;

    public SigningKeyRing(string keyDirectory, TimeProvider? timeProvider = null, ILogger<SigningKeyRing>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyDirectory);
        KeyDirectory = Path.GetFullPath(keyDirectory);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SigningKeyRing>.Instance;
    }

    /// <summary>The absolute path of the key directory.</summary>
    public string KeyDirectory { get; }

    /// <summary>The id of the key that <see cref="Sign"/> uses now (creating the first key if there is none).</summary>
    public string ActiveKeyId => Current().Active.KeyId;

    /// <summary>
    /// The key id of a public key: the first 16 lower-case hex digits of the SHA-256 of its DER
    /// SubjectPublicKeyInfo. Anyone holding the public key can recompute it.
    /// </summary>
    public static string ComputeKeyId(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..SignedToken.KeyIdLength];

    /// <summary>Signs the payload with the active key and returns the <see cref="SignedToken"/> string.</summary>
    public string Sign(ReadOnlySpan<byte> payload)
    {
        var key = Current().Active;
        var input = SignedToken.SigningInput(payload, key.KeyId);
        var inputBytes = Encoding.ASCII.GetBytes(input);
        byte[] signature;
        lock (key.SignLock)
        {
            signature = key.Ecdsa.SignData(inputBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        return SignedToken.Assemble(input, signature);
    }

    /// <summary>Checks a token against this ring's own keys (see <see cref="SignedToken.TryVerify"/>).</summary>
    public bool TryVerify(string? token, out byte[] payload, out string error) =>
        SignedToken.TryVerify(token, GetPublicKeySet(), out payload, out error);

    /// <summary>
    /// Creates a new key and makes it the active one. The previous keys stay in the ring (and in the
    /// published set) for verification. Returns the new key id.
    /// </summary>
    public string Rotate()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var fileLock = AcquireFileLock();
            var metadata = ReadMetadata() ?? RebuildMetadataFromKeyFiles();
            var created = CreateKeyFile();
            metadata.Keys.Add(new MetadataKey { KeyId = created, Created = _time.GetUtcNow() });
            metadata.Active = created;
            WriteMetadata(metadata);
            LoadLocked();
            _logger.LogInformation("Signing key rotated: {KeyId} is now active; {Count} keys kept for verification", created, metadata.Keys.Count);
            return created;
        }
    }

    /// <summary>The public half of every key in the ring, newest first, to publish for verifiers.</summary>
    public PublicKeySet GetPublicKeySet() => Current().Published;

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            if (_state is not null)
            {
                foreach (var key in _state.Keys)
                {
                    key.Ecdsa.Dispose();
                }
            }

            _state = null;
        }
    }

    /// <summary>The loaded keys, reloaded when another process rewrote the metadata file.</summary>
    private State Current()
    {
        var state = Volatile.Read(ref _state);
        if (state is not null && state.Stamp == StampOfMetadata())
        {
            return state;
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_state is not null && _state.Stamp == StampOfMetadata())
            {
                return _state;
            }

            if (ReadMetadata() is not { Keys.Count: > 0 })
            {
                using var fileLock = AcquireFileLock();
                EnsureFirstKey();
            }

            return LoadLocked();
        }
    }

    private void EnsureFirstKey()
    {
        if (ReadMetadata() is { Keys.Count: > 0 })
        {
            return;
        }

        var metadata = RebuildMetadataFromKeyFiles();
        if (metadata.Keys.Count == 0)
        {
            var created = CreateKeyFile();
            metadata.Keys.Add(new MetadataKey { KeyId = created, Created = _time.GetUtcNow() });
            metadata.Active = created;
            _logger.LogInformation("Created the first signing key {KeyId} in {Directory}", created, KeyDirectory);
        }

        WriteMetadata(metadata);
    }

    private State LoadLocked()
    {
        var stamp = StampOfMetadata();
        var metadata = ReadMetadata() ?? throw new InvalidOperationException($"The signing key ring '{MetadataPath}' disappeared while loading.");

        // Keys already loaded are kept (a signer may be using one right now); only new ones are read.
        var loaded = _state?.Keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal) ?? [];
        var keys = new List<LoadedKey>();
        foreach (var entry in metadata.Keys.OrderByDescending(k => k.Created))
        {
            keys.Add(entry.KeyId is not null && loaded.TryGetValue(entry.KeyId, out var known) ? known : LoadKey(entry));
        }

        var active = keys.FirstOrDefault(k => k.KeyId == metadata.Active)
            ?? throw new InvalidOperationException($"The signing key ring '{MetadataPath}' names active key '{metadata.Active}', which it does not list.");

        var published = new PublicKeySet(keys
            .Select(k => new PublishedKey(k.KeyId, PublicKeySet.Es256, Convert.ToBase64String(k.Spki), k.Created, ReferenceEquals(k, active)))
            .ToList());

        var state = new State(stamp, keys, active, published);
        Volatile.Write(ref _state, state);
        return state;
    }

    private LoadedKey LoadKey(MetadataKey entry)
    {
        if (entry.KeyId is null || entry.KeyId.Length != SignedToken.KeyIdLength || !entry.KeyId.All(char.IsAsciiHexDigitLower))
        {
            throw new InvalidOperationException($"The signing key ring '{MetadataPath}' lists a malformed key id.");
        }

        var path = Path.Combine(KeyDirectory, entry.KeyId + ".pem");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Signing key file '{path}' is missing.");
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(File.ReadAllText(path));
            var spki = ecdsa.ExportSubjectPublicKeyInfo();
            if (ecdsa.KeySize != 256 || ComputeKeyId(spki) != entry.KeyId)
            {
                throw new InvalidOperationException($"Signing key file '{path}' does not hold the P-256 key with id {entry.KeyId}.");
            }

            return new LoadedKey(entry.KeyId, ecdsa, spki, entry.Created);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            ecdsa.Dispose();
            // The exception from the PEM import is not passed on: it could quote the file's content.
            throw new InvalidOperationException($"Signing key file '{path}' is not a PKCS#8 PEM EC private key.");
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    private string CreateKeyFile()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = ComputeKeyId(ecdsa.ExportSubjectPublicKeyInfo());
        var pem = ecdsa.ExportPkcs8PrivateKeyPem();
        var path = Path.Combine(KeyDirectory, keyId + ".pem");
        WritePrivateFile(path, Encoding.ASCII.GetBytes(pem), overwrite: false);
        return keyId;
    }

    private Metadata RebuildMetadataFromKeyFiles()
    {
        var metadata = new Metadata();
        if (!Directory.Exists(KeyDirectory))
        {
            return metadata;
        }

        foreach (var file in new DirectoryInfo(KeyDirectory).GetFiles("*.pem").OrderBy(f => f.LastWriteTimeUtc))
        {
            var keyId = Path.GetFileNameWithoutExtension(file.Name);
            if (keyId.Length == SignedToken.KeyIdLength && keyId.All(char.IsAsciiHexDigitLower))
            {
                metadata.Keys.Add(new MetadataKey { KeyId = keyId, Created = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero) });
                metadata.Active = keyId;
            }
        }

        if (metadata.Keys.Count > 0)
        {
            _logger.LogWarning("{File} was missing; rebuilt it from {Count} key files, the newest active", MetadataFileName, metadata.Keys.Count);
        }

        return metadata;
    }

    private string MetadataPath => Path.Combine(KeyDirectory, MetadataFileName);

    private (DateTime, long)? StampOfMetadata()
    {
        var info = new FileInfo(MetadataPath);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }

    private Metadata? ReadMetadata()
    {
        if (!File.Exists(MetadataPath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Metadata>(File.ReadAllText(MetadataPath), s_json)
                ?? throw new InvalidOperationException($"The signing key ring '{MetadataPath}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The signing key ring '{MetadataPath}' is not valid JSON: {ex.Message}");
        }
    }

    private void WriteMetadata(Metadata metadata)
    {
        var temp = MetadataPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        WritePrivateFile(temp, JsonSerializer.SerializeToUtf8Bytes(metadata, s_json), overwrite: false);
        File.Move(temp, MetadataPath, overwrite: true);
    }

    private void EnsureDirectory()
    {
        if (Directory.Exists(KeyDirectory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(KeyDirectory);
        }
        else
        {
            Directory.CreateDirectory(KeyDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private void WritePrivateFile(string path, byte[] content, bool overwrite)
    {
        EnsureDirectory();
        var options = new FileStreamOptions
        {
            Mode = overwrite ? FileMode.Create : FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.WriteThrough,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
    }

    /// <summary>Serializes key creation and rotation across processes sharing the directory.</summary>
    private FileStream AcquireFileLock()
    {
        EnsureDirectory();
        var path = Path.Combine(KeyDirectory, LockFileName);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    private sealed record State((DateTime, long)? Stamp, IReadOnlyList<LoadedKey> Keys, LoadedKey Active, PublicKeySet Published);

    private sealed record LoadedKey(string KeyId, ECDsa Ecdsa, byte[] Spki, DateTimeOffset Created)
    {
        public Lock SignLock { get; } = new();
    }

    private sealed class Metadata
    {
        [JsonPropertyName("active")]
        public string? Active { get; set; }

        [JsonPropertyName("keys")]
        public List<MetadataKey> Keys { get; set; } = [];
    }

    private sealed class MetadataKey
    {
        [JsonPropertyName("kid")]
        public string? KeyId { get; set; }

        [JsonPropertyName("created")]
        public DateTimeOffset Created { get; set; }
    }
}

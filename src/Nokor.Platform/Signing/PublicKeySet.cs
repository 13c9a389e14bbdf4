using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nokor.Platform.Signing;

/// <summary>
/// One published verification key: an ECDSA P-256 public key as base64 DER SubjectPublicKeyInfo,
/// its id (<see cref="SigningKeyRing.ComputeKeyId"/>), when it was created and whether it is the key
/// new signatures are made with.
/// </summary>
public sealed record PublishedKey(
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("spki")] string SubjectPublicKeyInfo,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("active")] bool Active);

/// <summary>
/// The platform's published public keys, everything an offline verifier needs to check a
/// <see cref="SignedToken"/>:
/// <code>
/// { "keys": [ { "kid": "3f9a0c21d4e5b687", "alg": "ES256", "spki": "MFkwEwYHKoZIzj0CAQYI...",
///               "created": "2026-11-23T10:00:00+00:00", "active": true } ] }
/// </code>
/// Served at <c>GET /api/keys</c> and written by <c>nokor keys export</c>. Old keys stay in the set
/// after a rotation, so documents signed before it still verify.
/// </summary>
public sealed class PublicKeySet
{
    /// <summary>ECDSA with the P-256 curve and SHA-256 (RFC 7518 name), the only algorithm used.</summary>
    public const string Es256 = "ES256";

    private const string P256Oid = "1.2.840.10045.3.1.7";
    private const int MaxKeys = 1000;

    // Relaxed escaping keeps '+' in base64 readable; the JSON is served as application/json, never inlined in HTML.
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, byte[]> _spkiById;

    [JsonConstructor]
    public PublicKeySet(IReadOnlyList<PublishedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _spkiById = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key is null)
            {
                throw new FormatException("The key list contains a null entry.");
            }

            if (string.IsNullOrEmpty(key.KeyId))
            {
                throw new FormatException("A key has no \"kid\".");
            }

            _spkiById[key.KeyId] = Check(key);
        }

        if (_spkiById.Count != keys.Count)
        {
            throw new FormatException("The key list names the same key id twice.");
        }

        Keys = keys.ToArray();
    }

    [JsonPropertyName("keys")]
    public IReadOnlyList<PublishedKey> Keys { get; }

    /// <summary>The key new signatures are made with, if the set marks one.</summary>
    [JsonIgnore]
    public PublishedKey? ActiveKey => Keys.FirstOrDefault(k => k.Active);

    /// <summary>The DER SubjectPublicKeyInfo of the key with this id, or null when the set does not hold it.</summary>
    public byte[]? FindSubjectPublicKeyInfo(string keyId) =>
        _spkiById.TryGetValue(keyId, out var spki) ? (byte[])spki.Clone() : null;

    internal bool TryGetSpki(string keyId, out byte[] spki) => _spkiById.TryGetValue(keyId, out spki!);

    /// <summary>Reads a key set written by <see cref="ToJson"/>; throws <see cref="FormatException"/> on anything else.</summary>
    public static PublicKeySet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, s_json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The public key set is not valid JSON: {ex.Message}", ex);
        }

        if (document?.Keys is null)
        {
            throw new FormatException("The public key set has no \"keys\" array.");
        }

        if (document.Keys.Count > MaxKeys)
        {
            throw new FormatException($"The public key set holds more than {MaxKeys} keys.");
        }

        return new PublicKeySet(document.Keys);
    }

    /// <summary>As <see cref="Parse"/>, returning the reason instead of throwing.</summary>
    public static bool TryParse(string json, out PublicKeySet? keys, out string error)
    {
        try
        {
            keys = Parse(json);
            error = "";
            return true;
        }
        catch (FormatException ex)
        {
            keys = null;
            error = ex.Message;
            return false;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(new Document { Keys = Keys.ToList() }, s_json);

    private static byte[] Check(PublishedKey key)
    {
        if (key.Algorithm != Es256)
        {
            throw new FormatException($"Key '{key.KeyId}' has algorithm '{key.Algorithm}'; only {Es256} is supported.");
        }

        byte[] spki;
        try
        {
            spki = Convert.FromBase64String(key.SubjectPublicKeyInfo ?? "");
        }
        catch (FormatException)
        {
            throw new FormatException($"Key '{key.KeyId}' has a public key that is not base64.");
        }

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length || ecdsa.ExportParameters(false).Curve.Oid?.Value != P256Oid)
            {
                throw new FormatException($"Key '{key.KeyId}' is not a P-256 public key.");
            }
        }
        catch (CryptographicException)
        {
            throw new FormatException($"Key '{key.KeyId}' is not a DER SubjectPublicKeyInfo of an EC public key.");
        }

        // The id is derived from the key, so a set cannot pass one key off under another's id.
        if (key.KeyId != SigningKeyRing.ComputeKeyId(spki))
        {
            throw new FormatException($"Key id '{key.KeyId}' does not match its public key.");
        }

        return spki;
    }

    private sealed class Document
    {
        [JsonPropertyName("keys")]
        public List<PublishedKey>? Keys { get; set; }
    }
}

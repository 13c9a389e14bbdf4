using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nokor.Platform.Signing;

namespace Nokor.Verification.Credentials;

/// <summary>Who a valid access token speaks for.</summary>
internal sealed record ClientSession(Guid CredentialId, Guid InstitutionId, DateTimeOffset ExpiresAt);

/// <summary>
/// Short-lived access tokens for institutions: the client id and secret are exchanged for a token
/// signed with the platform key (the <c>NKC1</c> format of <see cref="SignedToken"/>, payload
/// <c>vrf1|credential|institution|expiry</c>), so any host that shares the key ring can check it
/// without a database read. A checked token is remembered until it expires, which keeps the
/// signature check off the hot path; revocation is checked on every query through
/// <see cref="ClientDirectory"/>.
/// </summary>
internal sealed class ClientTokens(SigningKeyRing keys, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string PayloadTag = "vrf1";
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, ClientSession> _checked = new(StringComparer.Ordinal);

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid credentialId, Guid institutionId)
    {
        var expires = time.GetUtcNow().Add(Lifetime);
        var payload = string.Create(CultureInfo.InvariantCulture,
            $"{PayloadTag}|{credentialId:N}|{institutionId:N}|{expires.ToUnixTimeSeconds()}");
        return (keys.Sign(Encoding.ASCII.GetBytes(payload)), DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    public bool TryAuthenticate(string? token, out ClientSession? session, out string error)
    {
        session = null;
        var now = time.GetUtcNow();
        if (string.IsNullOrEmpty(token))
        {
            error = "No access token: send 'Authorization: Bearer <token>' with a token from POST /api/verification/v1/token.";
            return false;
        }

        if (_checked.TryGetValue(token, out var known))
        {
            if (known.ExpiresAt > now)
            {
                session = known;
                error = "";
                return true;
            }

            _checked.TryRemove(token, out _);
            error = "The access token has expired; ask for a new one.";
            return false;
        }

        if (!keys.TryVerify(token, out var payload, out var reason))
        {
            error = "The access token is not valid: " + reason;
            return false;
        }

        var parts = Encoding.ASCII.GetString(payload).Split('|');
        if (parts.Length != 4 || parts[0] != PayloadTag ||
            !Guid.TryParseExact(parts[1], "N", out var credential) ||
            !Guid.TryParseExact(parts[2], "N", out var institution) ||
            !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix))
        {
            error = "The token is not a verification access token.";
            return false;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        if (expires <= now)
        {
            error = "The access token has expired; ask for a new one.";
            return false;
        }

        session = new ClientSession(credential, institution, expires);
        if (_checked.Count >= MaxRemembered)
        {
            _checked.Clear();
        }

        _checked[token] = session;
        error = "";
        return true;
    }

    /// <summary>A new client secret: 256 random bits, base64url.</summary>
    public static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new client id: <c>vrf_</c> and 20 random lower-case hex digits.</summary>
    public static string NewClientId() => "vrf_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in constant time, so the comparison does not tell how much of a guess was right.</summary>
    public static bool SecretMatches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64UrlEncode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

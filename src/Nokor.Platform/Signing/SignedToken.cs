using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Nokor.Platform.Signing;

/// <summary>
/// The compact signed token printed in certificate QR codes and PDF metadata:
/// <code>
/// NKC1.&lt;base64url(payload)&gt;.&lt;kid&gt;.&lt;base64url(signature)&gt;
/// </code>
/// <list type="bullet">
/// <item><c>NKC1</c>: format and version tag.</item>
/// <item>payload: opaque bytes chosen by the signer (UTF-8 text for certificates), base64url
/// without padding (RFC 4648 §5).</item>
/// <item>kid: the signing key's id, 16 lower-case hex digits (<see cref="SigningKeyRing.ComputeKeyId"/>).</item>
/// <item>signature: ECDSA P-256 with SHA-256 in IEEE P1363 form (r ‖ s, 64 bytes), base64url without
/// padding (86 characters), over the ASCII bytes of <c>NKC1.&lt;base64url(payload)&gt;.&lt;kid&gt;</c>.
/// The key id is inside the signed bytes, so a token cannot be re-labelled with another key's id.</item>
/// </list>
/// Only the canonical base64url spelling is accepted, so every token has exactly one valid string
/// form. Verification needs nothing but the <see cref="PublicKeySet"/> (<c>GET /api/keys</c>), so it
/// works offline. The format adds 109 characters to the base64url payload; there is deliberately no header or
/// JSON wrapper, because every character makes the QR code denser.
/// </summary>
public static class SignedToken
{
    public const string Prefix = "NKC1";

    /// <summary>Longer strings are rejected before any decoding (a certificate token is a few hundred characters).</summary>
    public const int MaxLength = 8192;

    internal const int KeyIdLength = 16;
    internal const int SignatureLength = 64;

    /// <summary>The text the signature covers: <c>NKC1.&lt;base64url(payload)&gt;.&lt;kid&gt;</c>.</summary>
    internal static string SigningInput(ReadOnlySpan<byte> payload, string keyId) =>
        $"{Prefix}.{Base64Url.EncodeToString(payload)}.{keyId}";

    internal static string Assemble(string signingInput, ReadOnlySpan<byte> signature) =>
        $"{signingInput}.{Base64Url.EncodeToString(signature)}";

    /// <summary>
    /// Checks a token against the published keys. Returns false with a reason for every malformed
    /// token, unknown key id or bad signature; never throws for bad input.
    /// </summary>
    public static bool TryVerify(string? token, PublicKeySet keys, out byte[] payload, out string error)
    {
        ArgumentNullException.ThrowIfNull(keys);
        payload = [];
        if (!TryParse(token, out var parts, out error))
        {
            return false;
        }

        if (!keys.TryGetSpki(parts.KeyId, out var spki))
        {
            error = $"The token was signed with key '{parts.KeyId}', which is not in the public key set.";
            return false;
        }

        bool valid;
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
            valid = ecdsa.VerifyData(
                Encoding.ASCII.GetBytes(parts.SigningInput),
                parts.Signature,
                HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            valid = false;
        }

        if (!valid)
        {
            error = "The signature does not match the token's content: the token was altered or not signed by this key.";
            return false;
        }

        payload = parts.Payload;
        error = "";
        return true;
    }

    /// <summary>
    /// Reads the key id of a well-formed token without checking its signature (to say which key a
    /// token claims, for example). Never use the payload of an unverified token.
    /// </summary>
    public static bool TryReadKeyId(string? token, out string keyId, out string error)
    {
        keyId = "";
        if (!TryParse(token, out var parts, out error))
        {
            return false;
        }

        keyId = parts.KeyId;
        return true;
    }

    private static bool TryParse(string? token, out Parts parts, out string error)
    {
        parts = default;
        if (string.IsNullOrEmpty(token))
        {
            error = "The token is empty.";
            return false;
        }

        if (token.Length > MaxLength)
        {
            error = $"The token is longer than {MaxLength} characters.";
            return false;
        }

        var split = token.Split('.');
        if (split.Length != 4)
        {
            error = $"The token has {split.Length} dot-separated parts; a {Prefix} token has 4 (prefix, payload, key id, signature).";
            return false;
        }

        if (split[0] != Prefix)
        {
            error = $"The token does not start with '{Prefix}.'; it is not a Nokor signed token or is of an unsupported version.";
            return false;
        }

        if (!TryDecodeCanonical(split[1], out var payload))
        {
            error = "The token's payload is not canonical base64url.";
            return false;
        }

        var keyId = split[2];
        if (keyId.Length != KeyIdLength || !keyId.All(char.IsAsciiHexDigitLower))
        {
            error = $"The token's key id '{Truncate(keyId)}' is not {KeyIdLength} lower-case hex digits.";
            return false;
        }

        if (!TryDecodeCanonical(split[3], out var signature) || signature.Length != SignatureLength)
        {
            error = $"The token's signature is not {SignatureLength} bytes of canonical base64url.";
            return false;
        }

        parts = new Parts($"{split[0]}.{split[1]}.{split[2]}", payload, keyId, signature);
        error = "";
        return true;
    }

    /// <summary>
    /// Decodes base64url without padding and accepts it only if encoding the result gives the same
    /// string back (no padding, whitespace or non-zero spare bits), so a token has one spelling.
    /// </summary>
    private static bool TryDecodeCanonical(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        int written;
        try
        {
            // Despite its name this throws on some invalid input (non-zero trailing bits).
            if (!Base64Url.TryDecodeFromChars(text, buffer, out written))
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return Base64Url.EncodeToString(bytes) == text;
    }

    private static string Truncate(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private readonly record struct Parts(string SigningInput, byte[] Payload, string KeyId, byte[] Signature);
}

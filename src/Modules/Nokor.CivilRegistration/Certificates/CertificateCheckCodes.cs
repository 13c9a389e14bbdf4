using System.Security.Cryptography;
using System.Text;
using Nokor.Platform.Signing;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>
/// The short check code printed beside a certificate's QR code (e.g. <c>7KQ2M-X9D4P</c>): typed
/// with the serial on the public page, it proves that the person holds the paper, and only then are
/// the printed fields shown.
/// <para>
/// Design: the code is <c>HMAC-SHA256(secret, "nokor-certificate-check/v1\n" + serial + "\n" + version)</c>
/// cut to 50 bits and written as 10 characters of Crockford's base-32 alphabet (no I, L, O or U,
/// so nothing reads as another character). Derived rather than random-and-stored-hashed because a
/// certificate is re-rendered on every download and must print the same code again, and because
/// then no column or migration is needed; it cannot be computed from anything printed or public
/// without the secret. 50 bits against at most <see cref="CertificateCheckAttempts.Limit"/> wrong
/// guesses per registration per hour leaves no useful chance of guessing.
/// </para>
/// <para>
/// The secret is 32 random bytes in <c>certificate-check.key</c> beside the signing keys (the
/// directory of <see cref="SigningKeyRing"/>, mode 0700, the file 0600), created on first use, so
/// the host and the <c>nokor</c> command share it; it is backed up with the keys. Losing it makes the
/// printed codes of existing certificates unverifiable (their QR codes still verify). It is a
/// dedicated secret, not derived from a signing key, so rotating the signing key leaves the printed
/// codes valid.
/// </para>
/// </summary>
internal sealed class CertificateCheckCodes(SigningKeyRing keys)
{
    public const string FileName = "certificate-check.key";

    /// <summary>Characters of a code (without the hyphen printed in the middle).</summary>
    public const int Length = 10;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly Lock _lock = new();
    private byte[]? _secret;

    /// <summary>The code printed on the certificate with this serial and registration version, as printed (<c>XXXXX-XXXXX</c>).</summary>
    public string For(string serial, int version)
    {
        var code = Compute(serial, version);
        return code[..5] + "-" + code[5..];
    }

    /// <summary>Whether the typed code (already <see cref="Normalize"/>d) is the one of this certificate; constant-time.</summary>
    public bool Matches(string serial, int version, string normalizedCode) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(serial, version)), Encoding.ASCII.GetBytes(normalizedCode));

    /// <summary>
    /// The typed code in canonical form: upper case, spaces and hyphens dropped, O read as 0 and I
    /// or L as 1 (Crockford's reading); null when it is not 10 characters of the alphabet.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 32)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var raw in typed)
        {
            var c = char.ToUpperInvariant(raw);
            if (c is ' ' or '-')
            {
                continue;
            }

            c = c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => c,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal) || builder.Length == Length)
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    private string Compute(string serial, int version)
    {
        var mac = HMACSHA256.HashData(Secret(), Encoding.UTF8.GetBytes($"nokor-certificate-check/v1\n{serial}\n{version}"));

        // The first 50 bits, five at a time.
        ulong bits = 0;
        for (var i = 0; i < 8; i++)
        {
            bits = (bits << 8) | mac[i];
        }

        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[(int)((bits >> (64 - 5 * (i + 1))) & 31)];
        }

        return new string(chars);
    }

    private byte[] Secret()
    {
        lock (_lock)
        {
            return _secret ??= LoadOrCreate();
        }
    }

    private byte[] LoadOrCreate()
    {
        // The ring creates its directory (0700) with the first key.
        _ = keys.ActiveKeyId;
        var path = Path.Combine(keys.KeyDirectory, FileName);
        if (!File.Exists(path))
        {
            // Written aside and moved in without overwriting: a host and a command creating it at
            // the same moment both end up with the one that won.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(RandomNumberGenerator.GetBytes(32));
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        var secret = File.ReadAllBytes(path);
        if (secret.Length < 32)
        {
            throw new InvalidOperationException($"The certificate check-code secret {path} is shorter than 32 bytes: restore it from the backup of the keys.");
        }

        return secret;
    }
}

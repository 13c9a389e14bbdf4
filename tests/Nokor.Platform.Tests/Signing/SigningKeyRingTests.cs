using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Nokor.Platform.Signing;

namespace Nokor.Platform.Tests.Signing;

public sealed class SigningKeyRingTests : IDisposable
{
    private static readonly byte[] s_payload = Encoding.UTF8.GetBytes("B|B120101-2026-000042|3|1234567890|ស្ត្រី");
    private readonly TempKeyDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_signed_token_verifies_and_gives_back_the_payload()
    {
        using var ring = new SigningKeyRing(_directory.Path);

        var token = ring.Sign(s_payload);

        Assert.Matches(new Regex("^NKC1\\.[A-Za-z0-9_-]+\\.[0-9a-f]{16}\\.[A-Za-z0-9_-]{86}$"), token);
        Assert.True(SignedToken.TryVerify(token, ring.GetPublicKeySet(), out var payload, out var error), error);
        Assert.Equal(s_payload, payload);
        Assert.Equal("", error);
        Assert.Equal(ring.ActiveKeyId, token.Split('.')[2]);
    }

    [Fact]
    public void The_token_adds_109_characters_to_the_encoded_payload()
    {
        using var ring = new SigningKeyRing(_directory.Path);

        var payload = RandomNumberGenerator.GetBytes(30);

        var token = ring.Sign(payload);

        Assert.Equal(40 + 109, token.Length);
        var parts = token.Split('.');
        Assert.Equal(4, parts.Length);
        Assert.Equal("NKC1", parts[0]);
        Assert.Equal(payload, Base64Url.DecodeFromChars(parts[1]));
        var key = ring.GetPublicKeySet().Keys.Single();
        Assert.Equal(ring.ActiveKeyId, parts[2]);
        Assert.Equal(key.KeyId, parts[2]);
        var signature = Base64Url.DecodeFromChars(parts[3]);
        Assert.Equal(64, signature.Length);

        // The signature checks out with nothing but the published public key, over the ASCII bytes
        // of "NKC1.<payload>.<kid>"; a changed byte of the signed text or of the signature fails.
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key.SubjectPublicKeyInfo), out _);
        var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}.{parts[2]}");
        Assert.True(ecdsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        for (var i = 0; i < signed.Length; i += 7)
        {
            var altered = (byte[])signed.Clone();
            altered[i] ^= 0x01;
            Assert.False(ecdsa.VerifyData(altered, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), $"signed text changed at byte {i}");
        }

        for (var i = 0; i < signature.Length; i++)
        {
            var altered = (byte[])signature.Clone();
            altered[i] ^= 0x80;
            Assert.False(ecdsa.VerifyData(signed, altered, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), $"signature changed at byte {i}");
        }
    }

    [Fact]
    public void Changing_any_character_of_the_token_makes_it_fail()
    {
        using var ring = new SigningKeyRing(_directory.Path);
        var keys = ring.GetPublicKeySet();
        var token = ring.Sign(s_payload);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        for (var i = "NKC1.".Length; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }

            foreach (var replacement in new[] { alphabet[(alphabet.IndexOf(token[i]) + 1) % alphabet.Length], token[i] == 'a' ? 'b' : 'a' })
            {
                var altered = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
                Assert.False(SignedToken.TryVerify(altered, keys, out var payload, out var error), $"altered at {i}: {altered}");
                Assert.NotEmpty(error);
                Assert.Empty(payload);
            }
        }
    }

    [Fact]
    public void A_different_payload_under_the_original_signature_fails()
    {
        using var ring = new SigningKeyRing(_directory.Path);
        var parts = ring.Sign(s_payload).Split('.');
        var other = ring.Sign(Encoding.UTF8.GetBytes("B|B120101-2026-000043|1|1234567890|x")).Split('.');

        var spliced = $"{parts[0]}.{other[1]}.{parts[2]}.{parts[3]}";

        Assert.False(SignedToken.TryVerify(spliced, ring.GetPublicKeySet(), out _, out var error));
        Assert.Contains("signature does not match", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_from_another_key_ring_fails()
    {
        using var ours = new SigningKeyRing(_directory.Path);
        using var otherDirectory = new TempKeyDirectory();
        using var theirs = new SigningKeyRing(otherDirectory.Path);
        var foreign = theirs.Sign(s_payload);

        Assert.False(SignedToken.TryVerify(foreign, ours.GetPublicKeySet(), out _, out var unknown));
        Assert.Contains("not in the public key set", unknown, StringComparison.Ordinal);

        // Relabelled with our key id, it is still their signature.
        var parts = foreign.Split('.');
        var relabelled = $"{parts[0]}.{parts[1]}.{ours.ActiveKeyId}.{parts[3]}";
        Assert.False(SignedToken.TryVerify(relabelled, ours.GetPublicKeySet(), out _, out var bad));
        Assert.Contains("signature does not match", bad, StringComparison.Ordinal);
    }

    [Fact]
    public void After_rotation_old_tokens_still_verify_and_new_ones_use_the_new_key()
    {
        using var ring = new SigningKeyRing(_directory.Path);
        var oldKey = ring.ActiveKeyId;
        var oldToken = ring.Sign(s_payload);

        var newKey = ring.Rotate();
        var newToken = ring.Sign(s_payload);

        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(newKey, ring.ActiveKeyId);
        Assert.Equal(newKey, newToken.Split('.')[2]);
        var keys = ring.GetPublicKeySet();
        Assert.Equal(2, keys.Keys.Count);
        Assert.Equal(newKey, keys.ActiveKey!.KeyId);
        Assert.Single(keys.Keys, k => k.Active);
        Assert.True(SignedToken.TryVerify(oldToken, keys, out _, out var oldError), oldError);
        Assert.True(SignedToken.TryVerify(newToken, keys, out _, out var newError), newError);
    }

    [Fact]
    public void Keys_persist_across_ring_instances_on_the_same_directory()
    {
        string keyId;
        string token;
        using (var first = new SigningKeyRing(_directory.Path))
        {
            keyId = first.ActiveKeyId;
            token = first.Sign(s_payload);
        }

        using var second = new SigningKeyRing(_directory.Path);
        Assert.Equal(keyId, second.ActiveKeyId);
        Assert.True(second.TryVerify(token, out var payload, out var error), error);
        Assert.Equal(s_payload, payload);
        Assert.Single(Directory.GetFiles(_directory.Path, "*.pem"));
    }

    [Fact]
    public void A_rotation_by_another_instance_is_picked_up()
    {
        using var host = new SigningKeyRing(_directory.Path);
        var before = host.ActiveKeyId;
        using var cli = new SigningKeyRing(_directory.Path);

        var rotated = cli.Rotate();

        Assert.NotEqual(before, rotated);
        Assert.Equal(rotated, host.ActiveKeyId);
        Assert.Equal(rotated, host.Sign(s_payload).Split('.')[2]);
    }

    [Fact]
    public void Key_files_are_private_to_the_owner()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var ring = new SigningKeyRing(_directory.Path);
        var keyId = ring.ActiveKeyId;

        var pem = Path.Combine(_directory.Path, keyId + ".pem");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pem));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory.Path));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(pem), StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_id_is_the_start_of_the_SHA256_of_the_public_key()
    {
        using var ring = new SigningKeyRing(_directory.Path);
        var key = ring.GetPublicKeySet().Keys.Single();

        var spki = Convert.FromBase64String(key.SubjectPublicKeyInfo);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(spki))[..16];

        Assert.Equal(expected, key.KeyId);
        Assert.Equal(expected, SigningKeyRing.ComputeKeyId(spki));
        Assert.Equal("ES256", key.Algorithm);
    }

    [Fact]
    public void Signing_from_many_threads_gives_valid_tokens()
    {
        using var ring = new SigningKeyRing(_directory.Path);
        var tokens = new string[64];

        Parallel.For(0, tokens.Length, i => tokens[i] = ring.Sign(Encoding.ASCII.GetBytes($"payload {i}")));

        var keys = ring.GetPublicKeySet();
        for (var i = 0; i < tokens.Length; i++)
        {
            Assert.True(SignedToken.TryVerify(tokens[i], keys, out var payload, out var error), error);
            Assert.Equal($"payload {i}", Encoding.ASCII.GetString(payload));
        }

        Assert.Single(Directory.GetFiles(_directory.Path, "*.pem"));
    }

    [Fact]
    public void Nothing_is_created_before_first_use()
    {
        using var ring = new SigningKeyRing(_directory.Path);

        Assert.False(Directory.Exists(_directory.Path));
    }
}

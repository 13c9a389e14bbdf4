using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nokor.Platform.Signing;

namespace Nokor.Platform.Tests.Signing;

public sealed class PublicKeySetTests : IDisposable
{
    private readonly TempKeyDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_published_json_is_enough_to_verify_offline()
    {
        string json;
        string token;
        using (var ring = new SigningKeyRing(_directory.Path))
        {
            token = ring.Sign(Encoding.UTF8.GetBytes("ស្ត្រី"));
            ring.Rotate();
            json = ring.GetPublicKeySet().ToJson();
        }

        Directory.Delete(_directory.Path, recursive: true);
        var keys = PublicKeySet.Parse(json);

        Assert.True(SignedToken.TryVerify(token, keys, out var payload, out var error), error);
        Assert.Equal("ស្ត្រី", Encoding.UTF8.GetString(payload));
        Assert.Equal(2, keys.Keys.Count);
    }

    [Fact]
    public void The_json_has_the_documented_shape_and_no_private_key()
    {
        using var ring = new SigningKeyRing(_directory.Path);

        var json = ring.GetPublicKeySet().ToJson();

        using var document = JsonDocument.Parse(json);
        var key = document.RootElement.GetProperty("keys").EnumerateArray().Single();
        Assert.Equal(ring.ActiveKeyId, key.GetProperty("kid").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.True(key.GetProperty("active").GetBoolean());
        Assert.True(key.GetProperty("created").TryGetDateTimeOffset(out _));
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key.GetProperty("spki").GetString()!), out _);
        Assert.Equal(256, ecdsa.KeySize);
        Assert.DoesNotContain("PRIVATE", json, StringComparison.Ordinal);
        Assert.Equal(json, PublicKeySet.Parse(json).ToJson());
    }

    [Fact]
    public void A_key_id_that_does_not_match_its_key_is_rejected()
    {
        using var ring = new SigningKeyRing(_directory.Path);
        var json = ring.GetPublicKeySet().ToJson().Replace(ring.ActiveKeyId, "0123456789abcdef", StringComparison.Ordinal);

        Assert.False(PublicKeySet.TryParse(json, out _, out var error));
        Assert.Contains("does not match its public key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_other_than_P256_are_rejected()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var spki = p384.ExportSubjectPublicKeyInfo();
        var keys = new[] { new PublishedKey(SigningKeyRing.ComputeKeyId(spki), "ES256", Convert.ToBase64String(spki), DateTimeOffset.UtcNow, true) };

        var error = Assert.Throws<FormatException>(() => new PublicKeySet(keys)).Message;

        Assert.Contains("not a P-256 public key", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{}", "no \"keys\" array")]
    [InlineData("[]", "not valid JSON")]
    [InlineData("{\"keys\":[{\"kid\":\"0123456789abcdef\",\"alg\":\"RS256\",\"spki\":\"AA==\",\"created\":\"2026-01-01T00:00:00Z\",\"active\":true}]}", "only ES256")]
    [InlineData("{\"keys\":[{\"kid\":\"0123456789abcdef\",\"alg\":\"ES256\",\"spki\":\"not base64!\",\"created\":\"2026-01-01T00:00:00Z\",\"active\":true}]}", "not base64")]
    [InlineData("{\"keys\":[{\"kid\":\"0123456789abcdef\",\"alg\":\"ES256\",\"spki\":\"AAAA\",\"created\":\"2026-01-01T00:00:00Z\",\"active\":true}]}", "not a DER SubjectPublicKeyInfo")]
    [InlineData("{\"keys\":[{\"alg\":\"ES256\"}]}", "no \"kid\"")]
    [InlineData("{\"keys\":[null]}", "null entry")]
    public void Malformed_key_sets_are_rejected_with_a_reason(string json, string expected)
    {
        Assert.False(PublicKeySet.TryParse(json, out var keys, out var error));
        Assert.Null(keys);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_key_twice_is_rejected()
    {
        using var ring = new SigningKeyRing(_directory.Path);
        var key = ring.GetPublicKeySet().Keys.Single();

        Assert.Throws<FormatException>(() => new PublicKeySet([key, key with { Active = false }]));
    }
}

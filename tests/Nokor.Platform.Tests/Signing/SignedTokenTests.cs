using System.Text;
using Nokor.Platform.Signing;

namespace Nokor.Platform.Tests.Signing;

public sealed class SignedTokenTests : IDisposable
{
    private readonly TempKeyDirectory _directory = new();
    private readonly SigningKeyRing _ring;
    private readonly string _token;

    public SignedTokenTests()
    {
        _ring = new SigningKeyRing(_directory.Path);
        _token = _ring.Sign(Encoding.UTF8.GetBytes("payload"));
    }

    public void Dispose()
    {
        _ring.Dispose();
        _directory.Dispose();
    }

    public static TheoryData<string?, string> Malformed => new()
    {
        { null, "empty" },
        { "", "empty" },
        { "NKC1", "4 (prefix" },
        { "NKC1.cGF5bG9hZA", "has 2 dot-separated parts" },
        { "NKC1.a.b.c.d", "has 5 dot-separated parts" },
        { "NKC2.cGF5bG9hZA.0123456789abcdef." + new string('A', 86), "does not start with 'NKC1.'" },
        { "nkc1.cGF5bG9hZA.0123456789abcdef." + new string('A', 86), "does not start with 'NKC1.'" },
        { "NKC1.cGF5b!9hZA.0123456789abcdef." + new string('A', 86), "payload is not canonical base64url" },
        { "NKC1.cGF5bG9hZA==.0123456789abcdef." + new string('A', 86), "payload is not canonical base64url" },
        { "NKC1.cGF5bG9hZB.0123456789abcdef." + new string('A', 86), "payload is not canonical base64url" },
        { "NKC1.cGF5bG9hZA.0123456789ABCDEF." + new string('A', 86), "key id" },
        { "NKC1.cGF5bG9hZA.0123456789abcde." + new string('A', 86), "key id" },
        { "NKC1.cGF5bG9hZA.0123456789abcdef." + new string('A', 85), "signature is not 64 bytes" },
        { "NKC1.cGF5bG9hZA.0123456789abcdef." + new string('A', 88), "signature is not 64 bytes" },
        { "NKC1.cGF5bG9hZA.0123456789abcdef.+/" + new string('A', 84), "signature is not 64 bytes" },
        { "NKC1.cGF5bG9hZA.0123456789abcdef." + new string('A', 86), "not in the public key set" },
        { " NKC1.cGF5bG9hZA.0123456789abcdef." + new string('A', 86), "does not start with 'NKC1.'" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_tokens_give_an_error_not_an_exception(string? token, string expectedError)
    {
        var verified = SignedToken.TryVerify(token, _ring.GetPublicKeySet(), out var payload, out var error);

        Assert.False(verified);
        Assert.Empty(payload);
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_around_a_valid_token_is_rejected()
    {
        Assert.True(SignedToken.TryVerify(_token, _ring.GetPublicKeySet(), out _, out _));
        Assert.False(SignedToken.TryVerify(_token + "\n", _ring.GetPublicKeySet(), out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Overlong_tokens_are_rejected_before_decoding()
    {
        var token = "NKC1." + new string('A', SignedToken.MaxLength) + ".0123456789abcdef." + new string('A', 86);

        Assert.False(SignedToken.TryVerify(token, _ring.GetPublicKeySet(), out _, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_id_can_be_read_without_verifying()
    {
        Assert.True(SignedToken.TryReadKeyId(_token, out var keyId, out _));
        Assert.Equal(_ring.ActiveKeyId, keyId);
        Assert.False(SignedToken.TryReadKeyId("junk", out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void An_empty_payload_can_be_signed()
    {
        var token = _ring.Sign([]);

        Assert.StartsWith("NKC1..", token, StringComparison.Ordinal);
        Assert.True(SignedToken.TryVerify(token, _ring.GetPublicKeySet(), out var payload, out var error), error);
        Assert.Empty(payload);
    }
}

using Nokor.CivilRegistration.Certificates;
using Nokor.Platform.Signing;

namespace Nokor.CivilRegistration.Tests.Certificates;

public sealed class CertificateCheckCodesTests : IDisposable
{
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "nokor-check-codes-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }

    [Fact]
    public void A_code_is_ten_unambiguous_characters_fixed_per_serial_and_version_and_kept_across_restarts()
    {
        string first;
        using (var keys = new SigningKeyRing(_keyDirectory))
        {
            var codes = new CertificateCheckCodes(keys);
            first = codes.For("B120101-2026-000042/1", 1);
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", first);
            Assert.Equal(first, codes.For("B120101-2026-000042/1", 1));
            Assert.NotEqual(first, codes.For("B120101-2026-000042/2", 1));
            Assert.NotEqual(first, codes.For("B120101-2026-000042/1", 2));
            Assert.True(codes.Matches("B120101-2026-000042/1", 1, CertificateCheckCodes.Normalize(first)!));
            Assert.False(codes.Matches("B120101-2026-000042/2", 1, CertificateCheckCodes.Normalize(first)!));
        }

        var secret = Path.Combine(_keyDirectory, CertificateCheckCodes.FileName);
        Assert.Equal(32, new FileInfo(secret).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));
        }

        using var again = new SigningKeyRing(_keyDirectory);
        Assert.Equal(first, new CertificateCheckCodes(again).For("B120101-2026-000042/1", 1));
    }

    [Theory]
    [InlineData("7kq2m-x9d4p", "7KQ2MX9D4P")]
    [InlineData(" 7KQ2M X9D4P ", "7KQ2MX9D4P")]
    [InlineData("1O0IL-ABCDE", "1001" + "1ABCDE")]
    [InlineData("7KQ2M-X9D4", null)]
    [InlineData("7KQ2M-X9D4PP", null)]
    [InlineData("7KQ2M-X9D4U", null)]
    [InlineData("២០២៦", null)]
    [InlineData("", null)]
    public void Typed_codes_are_read_as_crockford_base32(string typed, string? expected) =>
        Assert.Equal(expected, CertificateCheckCodes.Normalize(typed));
}

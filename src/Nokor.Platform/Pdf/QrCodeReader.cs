using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Nokor.Platform.Pdf;

/// <summary>
/// Finds and decodes the QR code in a photo or scan (PNG or JPEG): SkiaSharp decodes the image to
/// 8-bit grey, ZXing.Net locates and reads the symbol (<see cref="QrCode"/> draws them). The input is
/// untrusted: size, format and pixel count are checked before anything is decoded, and every failure
/// is a one-line reason, never an exception.
/// </summary>
public static class QrCodeReader
{
    /// <summary>The largest file read (a phone photo is 2 to 8 MB).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>The most pixels decoded (a 48-megapixel photo); larger images are refused, not scaled, to bound memory.</summary>
    public const long MaxPixels = 48_000_000;

    /// <summary>The longest side the image is searched at first (larger photos are decoded scaled down: ZXing is faster and as good).</summary>
    private const int SearchSide = 2400;

    public enum Failure
    {
        None,

        /// <summary>Too large, not PNG or JPEG, or an image that cannot be decoded.</summary>
        Unreadable,

        /// <summary>A readable image with no QR code found.</summary>
        NoCode,
    }

    /// <summary>True when the bytes start like a PNG or a JPEG file.</summary>
    public static bool LooksLikeImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    /// <summary>The text of the first QR code found in <paramref name="image"/>, or the kind of failure and a one-line reason.</summary>
    public static Failure TryRead(byte[] image, out string text, out string error)
    {
        ArgumentNullException.ThrowIfNull(image);
        text = "";
        if (image.Length > MaxBytes)
        {
            error = $"the image is larger than {MaxBytes / (1024 * 1024)} MB.";
            return Failure.Unreadable;
        }

        if (!LooksLikeImage(image))
        {
            error = "the file is not a PNG or JPEG image.";
            return Failure.Unreadable;
        }

        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            error = "the image cannot be decoded.";
            return Failure.Unreadable;
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            error = $"the image has more than {MaxPixels / 1_000_000} megapixels.";
            return Failure.Unreadable;
        }

        using var decoded = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            error = "the image cannot be decoded (" + result + ").";
            return Failure.Unreadable;
        }

        // A large photo is searched scaled down first, then at full size; a small one at its size.
        foreach (var side in new[] { SearchSide, int.MaxValue })
        {
            var longest = Math.Max(decoded.Width, decoded.Height);
            if (side != int.MaxValue && longest <= side)
            {
                continue;
            }

            var found = side == int.MaxValue ? Decode(decoded) : DecodeScaled(decoded, (float)side / longest);
            if (found is not null)
            {
                text = found;
                error = "";
                return Failure.None;
            }
        }

        error = "no QR code was found in the image.";
        return Failure.NoCode;
    }

    private static string? DecodeScaled(SKBitmap bitmap, float scale)
    {
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)), SKColorType.Gray8, SKAlphaType.Opaque);
        using var scaled = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return scaled is null ? null : Decode(scaled);
    }

    private static string? Decode(SKBitmap gray)
    {
        // Gray8 rows may be padded: copy them tight for the luminance source.
        var width = gray.Width;
        var height = gray.Height;
        var pixels = new byte[width * height];
        var source = gray.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            source.Slice(y * gray.RowBytes, width).CopyTo(pixels.AsSpan(y * width, width));
        }

        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { TryHarder = true, PossibleFormats = [BarcodeFormat.QR_CODE] },
        };
        return reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
    }
}

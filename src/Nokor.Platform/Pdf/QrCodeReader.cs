using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Nokor.Platform.Pdf;

/// <summary>
/// Finds and decodes the QR code in a photo or scan (PNG or JPEG): SkiaSharp decodes the image (BGRA), ZXing.Net locates and reads the symbol (<see cref="QrCode"/> draws them). The input is
/// untrusted: size, format and pixel count are checked before anything is decoded, and every failure
/// is a one-line reason, never an exception.
/// </summary>
public static class QrCodeReader
{
    /// <summary>The largest file read (a phone photo is 2 to 8 MB).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>The most pixels decoded (a 40-megapixel photo, 160 MB decoded); larger images are refused, not scaled, to bound memory.</summary>
    public const long MaxPixels = 40_000_000;

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

        using var decoded = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            error = "the image cannot be decoded (" + result + ").";
            return Failure.Unreadable;
        }

        // A large photo is searched scaled down first, then at full size; a small scan (a dense
        // code at two or three pixels a module) also scaled up, which the binarizer reads better.
        var longest = Math.Max(decoded.Width, decoded.Height);
        var scales = new List<float>();
        if (longest > SearchSide)
        {
            scales.Add((float)SearchSide / longest);
        }

        scales.Add(1);
        if (longest <= SearchSide)
        {
            scales.Add(2);
        }

        foreach (var scale in scales)
        {
            var found = scale == 1 ? Decode(decoded) : DecodeScaled(decoded, scale);
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
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)), SKColorType.Bgra8888, SKAlphaType.Premul);
        using var scaled = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return scaled is null ? null : Decode(scaled);
    }

    private static string? Decode(SKBitmap bitmap)
    {
        // Rows may be padded: copy them tight for the luminance source (4 bytes a pixel, BGRA).
        var width = bitmap.Width;
        var height = bitmap.Height;
        var pixels = new byte[width * height * 4];
        var source = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            source.Slice(y * bitmap.RowBytes, width * 4).CopyTo(pixels.AsSpan(y * width * 4, width * 4));
        }

        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { TryHarder = true, PossibleFormats = [BarcodeFormat.QR_CODE] },
        };
        return reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.BGRA32))?.Text;
    }
}

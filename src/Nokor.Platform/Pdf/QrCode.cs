using QRCoder;
using SkiaSharp;

namespace Nokor.Platform.Pdf;

/// <summary>QR codes (QRCoder, error correction level M) drawn as vector squares.</summary>
public static class QrCode
{
    /// <summary>Quiet zone the QR specification requires around the symbol, in modules.</summary>
    public const int QuietZoneModules = 4;

    /// <summary>The module matrix of <paramref name="content"/> (true = dark), without the quiet zone.</summary>
    public static bool[,] Encode(string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(content);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var size = 17 + 4 * data.Version;
        var rows = data.ModuleMatrix;

        // QRCoder pads the matrix with its own quiet zone; cut it off and draw ours.
        var border = (rows.Count - size) / 2;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = rows[y + border][x + border];
            }
        }

        return modules;
    }

    /// <summary>
    /// Draws the QR code of <paramref name="content"/> as a square of side <paramref name="size"/>
    /// (in canvas units) with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>).
    /// The square includes a white quiet zone of <see cref="QuietZoneModules"/> modules. The dark
    /// modules are one filled path, so raster output has no seams between neighbouring modules.
    /// </summary>
    public static void Draw(SKCanvas canvas, string content, float x, float y, float size, SKColor? color = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var modules = Encode(content);
        var count = modules.GetLength(0);
        var module = size / (count + 2 * QuietZoneModules);
        var originX = x + QuietZoneModules * module;
        var originY = y + QuietZoneModules * module;

        using var background = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        canvas.DrawRect(SKRect.Create(x, y, size, size), background);

        using var path = new SKPath();
        for (var row = 0; row < count; row++)
        {
            var column = 0;
            while (column < count)
            {
                if (!modules[row, column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < count && modules[row, column])
                {
                    column++;
                }

                path.AddRect(SKRect.Create(originX + start * module, originY + row * module, (column - start) * module, module));
            }
        }

        using var paint = new SKPaint { Color = color ?? SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawPath(path, paint);
    }

    /// <summary>
    /// The QR code as text for a terminal with a dark background: light modules (and the quiet
    /// zone) are drawn with block characters, two module rows per line.
    /// </summary>
    public static string Text(string content)
    {
        var modules = Encode(content);
        var count = modules.GetLength(0);
        var size = count + 2 * QuietZoneModules;
        bool Light(int row, int column)
        {
            var r = row - QuietZoneModules;
            var c = column - QuietZoneModules;
            return r < 0 || c < 0 || r >= count || c >= count || !modules[r, c];
        }

        var text = new System.Text.StringBuilder();
        for (var row = 0; row < size; row += 2)
        {
            for (var column = 0; column < size; column++)
            {
                var top = Light(row, column);
                var bottom = row + 1 < size ? Light(row + 1, column) : false;
                text.Append((top, bottom) switch
                {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    _ => ' ',
                });
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}

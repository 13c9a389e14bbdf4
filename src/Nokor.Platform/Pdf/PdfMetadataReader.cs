using System.Text;

namespace Nokor.Platform.Pdf;

/// <summary>
/// Reads the document information dictionary back from a PDF written by <see cref="PdfDocumentBuilder"/>
/// (Skia's writer: a classic cross-reference table whose trailer names <c>/Info n 0 R</c>, the
/// dictionary an uncompressed object). Skia writes ASCII values as literal strings
/// <c>(...)</c>, escaping <c>( ) \</c>, and anything else as UTF-16BE hex strings <c>&lt;FEFF...&gt;</c>;
/// both forms are decoded, with all the escapes of ISO 32000-1 §7.3.4.2. This is how
/// <c>nokor certificate verify FILE.pdf</c> gets the signed token back without decoding the QR image.
/// It is not a general PDF parser: files with cross-reference streams or an encrypted or compressed
/// Info dictionary are reported as unreadable, never misread.
/// </summary>
public static class PdfMetadataReader
{
    /// <summary>The Info dictionary's <c>/Keywords</c> string, or false when there is none.</summary>
    public static bool TryReadKeywords(byte[] pdf, out string keywords) => TryReadInfoString(pdf, "Keywords", out keywords);

    /// <summary>Any string entry of the Info dictionary (<c>Title</c>, <c>Author</c>, <c>Subject</c>, <c>Keywords</c>, ...).</summary>
    public static bool TryReadInfoString(byte[] pdf, string key, out string value)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentException.ThrowIfNullOrEmpty(key);
        value = "";
        var info = TryReadInfo(pdf);
        if (info is null || !info.TryGetValue(key, out var found))
        {
            return false;
        }

        value = found;
        return true;
    }

    /// <summary>The string entries of the Info dictionary, or null when it cannot be found.</summary>
    public static IReadOnlyDictionary<string, string>? TryReadInfo(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (pdf.Length < 8 || !pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return null;
        }

        try
        {
            var dictionaryStart = FindInfoDictionary(pdf);
            return dictionaryStart < 0 ? null : new Parser(pdf, dictionaryStart).ReadStringDictionary();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The offset of the <c>&lt;&lt;</c> opening the Info dictionary, or -1.</summary>
    private static int FindInfoDictionary(byte[] pdf)
    {
        // The last trailer wins (incremental updates append a new one).
        var trailer = pdf.AsSpan().LastIndexOf("trailer"u8);
        if (trailer < 0)
        {
            return -1;
        }

        var infoKey = pdf.AsSpan(trailer).IndexOf("/Info"u8);
        if (infoKey < 0)
        {
            return -1;
        }

        var parser = new Parser(pdf, trailer + infoKey + "/Info".Length);
        var objectNumber = parser.ReadInteger();
        var generation = parser.ReadInteger();
        if (!parser.TryConsumeKeyword("R"))
        {
            return -1;
        }

        // Find "<n> <g> obj" at the start of a line; the last definition wins.
        var header = Encoding.ASCII.GetBytes($"{objectNumber} {generation} obj");
        var position = pdf.Length;
        while (position > 0)
        {
            var found = pdf.AsSpan(0, position).LastIndexOf(header);
            if (found < 0)
            {
                return -1;
            }

            if (found == 0 || pdf[found - 1] is (byte)'\n' or (byte)'\r' or (byte)' ')
            {
                var body = new Parser(pdf, found + header.Length);
                body.SkipWhitespace();
                return body.StartsWith("<<"u8) ? body.Position : -1;
            }

            position = found;
        }

        return -1;
    }

    private sealed class Parser(byte[] data, int position)
    {
        public int Position { get; private set; } = position;

        public bool StartsWith(ReadOnlySpan<byte> text) => data.AsSpan(Position).StartsWith(text);

        public void SkipWhitespace()
        {
            while (Position < data.Length)
            {
                var b = data[Position];
                if (b == (byte)'%')
                {
                    while (Position < data.Length && data[Position] is not ((byte)'\n' or (byte)'\r'))
                    {
                        Position++;
                    }
                }
                else if (IsWhitespace(b))
                {
                    Position++;
                }
                else
                {
                    return;
                }
            }
        }

        public long ReadInteger()
        {
            SkipWhitespace();
            var start = Position;
            while (Position < data.Length && data[Position] is >= (byte)'0' and <= (byte)'9')
            {
                Position++;
            }

            if (Position == start || Position - start > 10)
            {
                throw new FormatException("Expected an integer.");
            }

            return long.Parse(data.AsSpan(start, Position - start), provider: System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool TryConsumeKeyword(string keyword)
        {
            SkipWhitespace();
            var bytes = Encoding.ASCII.GetBytes(keyword);
            if (!StartsWith(bytes))
            {
                return false;
            }

            var end = Position + bytes.Length;
            if (end < data.Length && !IsDelimiter(data[end]) && !IsWhitespace(data[end]))
            {
                return false;
            }

            Position = end;
            return true;
        }

        /// <summary>Reads a dictionary, keeping its string values and skipping the others.</summary>
        public Dictionary<string, string> ReadStringDictionary()
        {
            Expect("<<"u8);
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            while (true)
            {
                SkipWhitespace();
                if (StartsWith(">>"u8))
                {
                    Position += 2;
                    return result;
                }

                var key = ReadName();
                SkipWhitespace();
                if (Position >= data.Length)
                {
                    throw new FormatException("Unterminated dictionary.");
                }

                switch (data[Position])
                {
                    case (byte)'(':
                        result[key] = DecodeText(ReadLiteralString());
                        break;
                    case (byte)'<' when !StartsWith("<<"u8):
                        result[key] = DecodeText(ReadHexString());
                        break;
                    default:
                        SkipValue();
                        break;
                }
            }
        }

        private void Expect(ReadOnlySpan<byte> text)
        {
            SkipWhitespace();
            if (!StartsWith(text))
            {
                throw new FormatException($"Expected '{Encoding.ASCII.GetString(text)}'.");
            }

            Position += text.Length;
        }

        private string ReadName()
        {
            Expect("/"u8);
            var start = Position;
            while (Position < data.Length && !IsWhitespace(data[Position]) && !IsDelimiter(data[Position]))
            {
                Position++;
            }

            return Encoding.ASCII.GetString(data, start, Position - start);
        }

        /// <summary>Skips a non-string value: a name, number, boolean, null, reference, array or dictionary.</summary>
        private void SkipValue()
        {
            var b = data[Position];
            if (b == (byte)'/')
            {
                ReadName();
                return;
            }

            if (StartsWith("<<"u8) || b == (byte)'[')
            {
                SkipNested();
                return;
            }

            // Numbers, booleans, null and "n g R": tokens up to the next key or the end of the dictionary.
            while (Position < data.Length && data[Position] is not ((byte)'/' or (byte)'>' or (byte)'<' or (byte)'(' or (byte)'[' or (byte)']'))
            {
                Position++;
            }

            if (Position >= data.Length)
            {
                throw new FormatException("Unterminated dictionary.");
            }
        }

        private void SkipNested()
        {
            var depth = 0;
            while (Position < data.Length)
            {
                SkipWhitespace();
                if (Position >= data.Length)
                {
                    break;
                }

                if (StartsWith("<<"u8))
                {
                    depth++;
                    Position += 2;
                }
                else if (StartsWith(">>"u8))
                {
                    depth--;
                    Position += 2;
                }
                else if (data[Position] == (byte)'[')
                {
                    depth++;
                    Position++;
                }
                else if (data[Position] == (byte)']')
                {
                    depth--;
                    Position++;
                }
                else if (data[Position] == (byte)'(')
                {
                    ReadLiteralString();
                }
                else if (data[Position] == (byte)'<')
                {
                    ReadHexString();
                }
                else
                {
                    Position++;
                }

                if (depth == 0)
                {
                    return;
                }
            }

            throw new FormatException("Unterminated array or dictionary.");
        }

        /// <summary>A literal string (ISO 32000-1 §7.3.4.2): balanced parentheses and backslash escapes.</summary>
        private byte[] ReadLiteralString()
        {
            Position++;
            var bytes = new List<byte>();
            var depth = 1;
            while (Position < data.Length)
            {
                var b = data[Position++];
                switch (b)
                {
                    case (byte)'(':
                        depth++;
                        bytes.Add(b);
                        break;
                    case (byte)')':
                        if (--depth == 0)
                        {
                            return bytes.ToArray();
                        }

                        bytes.Add(b);
                        break;
                    case (byte)'\r':
                        // An end of line in a string is read as a single line feed.
                        if (Position < data.Length && data[Position] == (byte)'\n')
                        {
                            Position++;
                        }

                        bytes.Add((byte)'\n');
                        break;
                    case (byte)'\\':
                        ReadEscape(bytes);
                        break;
                    default:
                        bytes.Add(b);
                        break;
                }
            }

            throw new FormatException("Unterminated literal string.");
        }

        private void ReadEscape(List<byte> bytes)
        {
            if (Position >= data.Length)
            {
                throw new FormatException("Unterminated literal string.");
            }

            var e = data[Position++];
            switch (e)
            {
                case (byte)'n': bytes.Add((byte)'\n'); break;
                case (byte)'r': bytes.Add((byte)'\r'); break;
                case (byte)'t': bytes.Add((byte)'\t'); break;
                case (byte)'b': bytes.Add((byte)'\b'); break;
                case (byte)'f': bytes.Add((byte)'\f'); break;
                case (byte)'\r':
                    // Backslash at the end of a line continues the string on the next one.
                    if (Position < data.Length && data[Position] == (byte)'\n')
                    {
                        Position++;
                    }

                    break;
                case (byte)'\n':
                    break;
                case >= (byte)'0' and <= (byte)'7':
                    var value = e - '0';
                    for (var digits = 1; digits < 3 && Position < data.Length && data[Position] is >= (byte)'0' and <= (byte)'7'; digits++)
                    {
                        value = value * 8 + (data[Position++] - '0');
                    }

                    bytes.Add((byte)value);
                    break;
                default:
                    // \( \) \\ and, per the standard, any other escaped character stands for itself.
                    bytes.Add(e);
                    break;
            }
        }

        /// <summary>A hexadecimal string: pairs of hex digits, whitespace ignored, an odd last digit followed by 0.</summary>
        private byte[] ReadHexString()
        {
            Position++;
            var bytes = new List<byte>();
            var high = -1;
            while (Position < data.Length)
            {
                var b = data[Position++];
                if (b == (byte)'>')
                {
                    if (high >= 0)
                    {
                        bytes.Add((byte)(high << 4));
                    }

                    return bytes.ToArray();
                }

                if (IsWhitespace(b))
                {
                    continue;
                }

                var digit = HexValue(b);
                if (high < 0)
                {
                    high = digit;
                }
                else
                {
                    bytes.Add((byte)((high << 4) | digit));
                    high = -1;
                }
            }

            throw new FormatException("Unterminated hex string.");
        }

        private static int HexValue(byte b) => b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
            _ => throw new FormatException("Invalid hex digit in string."),
        };

        /// <summary>
        /// Text strings (ISO 32000-1 §7.9.2.2): UTF-16BE after a FE FF byte order mark, UTF-8 after
        /// EF BB BF (PDF 2.0), otherwise PDFDocEncoding, read here as Latin-1 (they agree on the
        /// printable ASCII that Skia writes as literal strings).
        /// </summary>
        private static string DecodeText(byte[] bytes)
        {
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return Encoding.BigEndianUnicode.GetString(bytes, 2, (bytes.Length - 2) & ~1);
            }

            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
            }

            return Encoding.Latin1.GetString(bytes);
        }

        private static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

        private static bool IsDelimiter(byte b) =>
            b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
    }
}

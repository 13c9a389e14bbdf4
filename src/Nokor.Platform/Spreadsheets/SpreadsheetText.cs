using System.Text;
using Nokor.Platform.Khmer;

namespace Nokor.Platform.Spreadsheets;

/// <summary>Text rules shared by the writers: what XML 1.0 can carry and how wide text shows.</summary>
internal static class SpreadsheetText
{
    /// <summary>
    /// Removes what XML 1.0 cannot carry (control characters other than tab and line feed, lone
    /// surrogates, U+FFFE/U+FFFF) and turns CR LF or CR into LF, the line break cells hold.
    /// </summary>
    public static string CleanForXml(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }
            }
            else if (IsXmlChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || char.IsLowSurrogate(c) || !(IsXmlChar(c) || char.IsHighSurrogate(c)))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');

    public static bool ContainsKhmer(string text)
    {
        foreach (var c in text)
        {
            if (KhmerText.IsKhmer(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The width text shows at in units of the digit "0" of the default font (the unit of column
    /// widths), for the longest of its lines. A Khmer syllable (a base with its subscripts and
    /// vowel signs) shows at nearly two digits in the fonts that carry Khmer; East Asian wide
    /// characters at two; anything else at one.
    /// </summary>
    public static double DisplayWidth(string text)
    {
        var widest = 0.0;
        var line = 0.0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                widest = Math.Max(widest, line);
                line = 0;
                i++;
                continue;
            }

            if (KhmerText.IsBase(c))
            {
                line += 1.8;
                i += KhmerClusters.Length(text.AsSpan(i));
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                line += 2;
                i += 2;
                continue;
            }

            line += KhmerText.IsCombining(c) ? 0.5 : IsWide(c) ? 2 : 1;
            i++;
        }

        return Math.Max(widest, line);
    }

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}

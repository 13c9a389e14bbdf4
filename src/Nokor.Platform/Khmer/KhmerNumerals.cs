using System.Text;

namespace Nokor.Platform.Khmer;

/// <summary>
/// Khmer digits (០ to ៩, U+17E0 to U+17E9) and Roman numerals as Cambodian legal texts print
/// them: article and paragraph numbers in Khmer or Arabic digits, chapter numbers in either or
/// in Roman numerals in English translations. The one converter of the platform: certificates,
/// statistics tables, charts, the web UI and form models all write and read Khmer digits here.
/// </summary>
public static class KhmerNumerals
{
    private const char KhmerZero = '\u17E0';
    private const int MaxDigits = 9;

    private static readonly (int Value, string Symbol)[] _roman =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    /// <summary>True for one of the ten Khmer digits.</summary>
    public static bool IsKhmerDigit(char c) => c is >= KhmerZero and <= '\u17E9';

    /// <summary>True for an ASCII or a Khmer digit.</summary>
    public static bool IsDigit(char c) => char.IsAsciiDigit(c) || IsKhmerDigit(c);

    /// <summary>Writes a non-negative number in Khmer digits (12 → ១២).</summary>
    public static string ToKhmer(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return ToKhmerDigits(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Replaces every ASCII digit by the Khmer digit; everything else is kept.</summary>
    public static string ToKhmerDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(char.IsAsciiDigit(c) ? (char)(KhmerZero + (c - '0')) : c);
        }

        return result.ToString();
    }

    /// <summary>The ASCII digit for a Khmer digit (៣ → 3); any other character is returned unchanged.</summary>
    public static char ToArabicDigit(char c) => IsKhmerDigit(c) ? (char)('0' + (c - KhmerZero)) : c;

    /// <summary>Replaces every Khmer digit by the ASCII digit; everything else is kept.</summary>
    public static string ToArabicDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(ToArabicDigit(c));
        }

        return result.ToString();
    }

    /// <summary>
    /// Parses a number written only in digits, Khmer or ASCII (mixing is accepted: "១2" is 12),
    /// of at most nine digits. Signs, spaces and separators are refused.
    /// </summary>
    public static bool TryParseDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > MaxDigits)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                value = value * 10 + (c - '0');
            }
            else if (IsKhmerDigit(c))
            {
                value = value * 10 + (c - KhmerZero);
            }
            else
            {
                value = 0;
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Parses a Roman numeral (I to MMMCMXCIX, upper or lower case) in its canonical form only:
    /// "IV" is 4, "IIII" and "IL" are refused, so a typing error is not read as a number.
    /// </summary>
    public static bool TryParseRoman(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 15)
        {
            return false;
        }

        var upper = text.ToString().ToUpperInvariant();
        var position = 0;
        foreach (var (number, symbol) in _roman)
        {
            var repeats = 0;
            while (string.CompareOrdinal(upper, position, symbol, 0, symbol.Length) == 0 && repeats < 3)
            {
                value += number;
                position += symbol.Length;
                repeats++;
                if (symbol.Length == 2 || number is 5 or 50 or 500)
                {
                    break;
                }
            }
        }

        if (position != upper.Length || value == 0 || !string.Equals(ToRoman(value), upper, StringComparison.Ordinal))
        {
            value = 0;
            return false;
        }

        return true;
    }

    /// <summary>Writes 1 to 3999 as an upper-case Roman numeral.</summary>
    public static string ToRoman(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 3999);
        var result = new StringBuilder();
        foreach (var (number, symbol) in _roman)
        {
            while (value >= number)
            {
                result.Append(symbol);
                value -= number;
            }
        }

        return result.ToString();
    }

    /// <summary>Parses digits (Khmer or ASCII) or, when <paramref name="allowRoman"/>, a Roman numeral.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value, bool allowRoman = false) =>
        TryParseDigits(text, out value) || (allowRoman && TryParseRoman(text, out value));
}

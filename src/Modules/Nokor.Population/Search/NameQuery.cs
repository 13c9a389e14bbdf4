using Nokor.Platform.Dates;
using Nokor.Platform.Khmer;

namespace Nokor.Population.Search;

/// <summary>
/// A name as a clerk typed it, in words: invisible characters dropped and the Khmer normalized
/// (<see cref="KhmerText.Normalize"/>), split at spaces and at the punctuation people put between
/// names ("SOK, Dara", "Sok-Dara", "Sok/Dara"). A year or a date among the words ("Sok Dara 1985",
/// "សុខ ដារ៉ា ១៩៨៥", "Sok Dara 12/03/1985") is taken out and becomes a ranking hint.
/// </summary>
internal sealed record NameQuery(IReadOnlyList<string> Words, PartialDate? Born)
{
    public const int MaxWords = 6;

    private static readonly char[] Separators = [' ', ',', '.', '-', '\u2010', '\u2011', '/', '\'', '\u2019', '\u02BC', '`', ';', '(', ')', '\u17D4', '\u17D5'];

    /// <summary>The words written together: the whole name as one part.</summary>
    public string Joined { get; } = string.Concat(Words);

    /// <summary>Reads the words; null when there is no letter at all.</summary>
    public static NameQuery? Parse(string text)
    {
        var normalized = KhmerText.Normalize(text);
        var words = new List<string>();
        PartialDate? born = null;
        foreach (var token in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var digits = KhmerNumerals.ToArabicDigits(token);
            if (TryDate(digits, out var date))
            {
                born ??= date;
                continue;
            }

            foreach (var word in token.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Any(char.IsLetter))
                {
                    words.Add(word);
                }
            }
        }

        return words.Count == 0 ? null : new NameQuery(words, born);
    }

    /// <summary>A year (1900–2099), yyyy-MM-dd, or dd/MM/yyyy or dd.MM.yyyy as written on Cambodian papers.</summary>
    private static bool TryDate(string token, out PartialDate date)
    {
        date = default;
        if (token.Length == 4 && token.All(char.IsAsciiDigit))
        {
            var year = int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
            if (year is < 1900 or > 2099) return false;
            date = new PartialDate(year, null, null);
            return true;
        }

        if (PartialDate.TryParse(token, out date) && token.Contains('-', StringComparison.Ordinal))
        {
            return true;
        }

        var parts = token.Split('/', '.');
        if (parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) && parts[2].Length == 4 &&
            int.TryParse(parts[0], out var d) && int.TryParse(parts[1], out var m) && int.TryParse(parts[2], out var y) &&
            y is >= 1900 and <= 2099 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new PartialDate(y, m, d);
            return true;
        }

        return false;
    }
}

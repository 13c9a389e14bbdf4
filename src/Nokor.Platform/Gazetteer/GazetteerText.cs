using System.Text;

namespace Nokor.Platform.Gazetteer;

/// <summary>
/// The light clean-up every gazetteer name and search text gets: Unicode NFC, zero-width spaces
/// removed, runs of white space collapsed, trimmed. Khmer syllable reordering is the Khmer text
/// normalizer's job, not this one's.
/// </summary>
internal static class GazetteerText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Lower-case Latin letters and digits only, so "Siemreap" matches "Siem Reap" and "S'ang" matches "Sang".</summary>
    public static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

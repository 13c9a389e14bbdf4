using Nokor.Platform.Khmer;

namespace Nokor.Verification.Queries;

/// <summary>How a claimed value compared with the registry: matched exactly, matched as a variant (and which), or not.</summary>
internal sealed record ClaimResult(bool Match, string? Variant = null);

/// <summary>
/// Name comparison tolerant of the ways one name is written (issue 4): Khmer text typed with its
/// marks in another order, with or without spaces, or with the subscript DA for TA (the
/// <see cref="NameKeys.KhmerKey(string)"/> rules); Latin spellings that differ by romanization
/// (UNGEGN or French-era, the <see cref="NameKeys.LatinKey(string)"/> rules). The answer says when
/// a match needed a variant, so the institution can decide whether that is enough for its purpose.
/// </summary>
internal static class NameMatching
{
    public const string KhmerEncodingVariant = "khmer-encoding";
    public const string LatinSpellingVariant = "latin-spelling";

    /// <summary>A claimed Khmer name (already normalized by <see cref="PersonNames.Khmer"/>) against the stored one and its key.</summary>
    public static ClaimResult Khmer(string claimed, string stored, string storedKey)
    {
        if (string.Equals(claimed, stored, StringComparison.Ordinal))
        {
            return new ClaimResult(true);
        }

        return string.Equals(NameKeys.KhmerKey(claimed), storedKey, StringComparison.Ordinal)
            ? new ClaimResult(true, KhmerEncodingVariant)
            : new ClaimResult(false);
    }

    /// <summary>A claimed Latin name (already normalized by <see cref="PersonNames.Latin"/>) against the stored one and its key.</summary>
    public static ClaimResult Latin(string claimed, string stored, string storedKey)
    {
        if (string.Equals(claimed, stored, StringComparison.OrdinalIgnoreCase))
        {
            return new ClaimResult(true);
        }

        var key = NameKeys.LatinKey(claimed);
        return key.Length > 0 && string.Equals(key, storedKey, StringComparison.Ordinal)
            ? new ClaimResult(true, LatinSpellingVariant)
            : new ClaimResult(false);
    }
}

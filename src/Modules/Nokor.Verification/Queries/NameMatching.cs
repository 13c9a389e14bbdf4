using Nokor.Platform.Khmer;
using Nokor.Platform.Names;

namespace Nokor.Verification.Queries;

/// <summary>How a claimed value compared with the registry: matched exactly, matched as a variant (and which), or not.</summary>
internal sealed record ClaimResult(bool Match, string? Variant = null);

/// <summary>
/// Name claims judged with the platform's one name comparison (<see cref="NameComparison"/>,
/// issues 4 and 16). A claim matches when it is the stored name exactly, or the same name written
/// another way, and the answer says which way, so the institution can decide whether that is
/// enough for its purpose:
/// <list type="bullet">
/// <item>"khmer-encoding": the same Khmer key (<see cref="NameKeys.KhmerKey(string)"/>) but other
/// text — marks typed in another order, spaces, the subscript DA for TA;</item>
/// <item>"khmer-spelling": another Khmer spelling of the same name, whose romanizations are equal
/// (ចំរើន / ចម្រើន);</item>
/// <item>"latin-spelling": the same Latin letters written with other case-free punctuation,
/// spacing or accents (Srey Mom / Sreymom), or another common romanization of the name
/// (<see cref="LatinNames.Fold"/>: Chea / Chia, Chhorn / Chhon);</item>
/// <item>"other-script": a Latin claim that meets the romanization of the stored Khmer name when
/// the stored Latin spelling is another one, or none.</item>
/// </list>
/// A typo is never a match: an institution verifies an identity, and a name one letter away is
/// often another person's (Sokha / Sokhe, ស្រីមុំ / ស្រីមុខ). The search may show typos; a
/// verification says no.
/// </summary>
internal static class NameMatching
{
    public const string KhmerEncodingVariant = "khmer-encoding";
    public const string KhmerSpellingVariant = "khmer-spelling";
    public const string LatinSpellingVariant = "latin-spelling";
    public const string OtherScriptVariant = "other-script";

    /// <summary>A claimed Khmer name (already normalized by <see cref="PersonNames.Khmer"/>) against the stored one.</summary>
    public static ClaimResult Khmer(string claimed, string stored)
    {
        if (string.Equals(claimed, stored, StringComparison.Ordinal))
        {
            return new ClaimResult(true);
        }

        return NameComparison.Khmer(claimed, stored).Kind switch
        {
            NameMatchKind.Exact => new ClaimResult(true, KhmerEncodingVariant),
            NameMatchKind.Variant => new ClaimResult(true, KhmerSpellingVariant),
            _ => new ClaimResult(false),
        };
    }

    /// <summary>
    /// A claimed Latin name (already normalized by <see cref="PersonNames.Latin"/>) against the
    /// stored Latin spelling (may be empty) and the stored Khmer name of the same part.
    /// </summary>
    public static ClaimResult Latin(string claimed, string storedLatin, string storedKhmer)
    {
        if (string.Equals(claimed, storedLatin, StringComparison.OrdinalIgnoreCase))
        {
            return new ClaimResult(true);
        }

        return NameComparison.Latin(claimed, storedLatin ?? "", storedKhmer ?? "").Kind switch
        {
            NameMatchKind.Exact or NameMatchKind.Variant => new ClaimResult(true, LatinSpellingVariant),
            NameMatchKind.OtherScript => new ClaimResult(true, OtherScriptVariant),
            _ => new ClaimResult(false),
        };
    }
}

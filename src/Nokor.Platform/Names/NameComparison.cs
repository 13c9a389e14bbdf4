using Nokor.Platform.Khmer;

namespace Nokor.Platform.Names;

/// <summary>
/// One comparison of a claimed name part (a surname or a given name) with a stored one, the same
/// for every module: verification claims, the birth form's parent check, the coming
/// deduplication. The person search index uses the same primitives (<see cref="LatinNames"/>,
/// <see cref="KhmerRomanizer"/>, <see cref="NameDistance"/>) and the same kinds. The result says
/// how the names met; which kinds are enough is the caller's policy (an institution verifying an
/// identity accepts a spelling variant but not a typo; a search shows typos after the rest).
/// </summary>
public static class NameComparison
{
    /// <summary>
    /// A claimed Khmer name part against a stored one. <see cref="NameMatchKind.Exact"/> when their
    /// <see cref="NameKeys.KhmerKey(string)"/> are equal (the same name, however its marks were typed);
    /// <see cref="NameMatchKind.Variant"/> when the romanizations are equal (a Khmer spelling
    /// variant: ចំរើន / ចម្រើន; not folded, so កឹម and ខឹម stay two names); <see cref="NameMatchKind.Typo"/> within
    /// <see cref="NameDistance.AllowedKhmer"/> cluster edits of the shorter name (a dropped subscript,
    /// another vowel sign); else <see cref="NameMatchKind.None"/>. Empty names never match.
    /// The distance is in clusters.
    /// </summary>
    public static NameMatch Khmer(string claimed, string stored)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(stored);
        var claimedKey = NameKeys.KhmerKey(claimed);
        var storedKey = NameKeys.KhmerKey(stored);
        if (claimedKey.Length == 0 || storedKey.Length == 0)
        {
            return new NameMatch(NameMatchKind.None, Math.Max(claimedKey.Length, storedKey.Length));
        }

        if (string.Equals(claimedKey, storedKey, StringComparison.Ordinal))
        {
            return new NameMatch(NameMatchKind.Exact, 0);
        }

        var a = KhmerClusters.Split(claimedKey);
        var b = KhmerClusters.Split(storedKey);
        var limit = Math.Max(a.Count, b.Count);
        var distance = NameDistance.Clusters(a, b, limit);
        // Stricter than the search: the romanizations must be equal before folding. Fold merges
        // k/kh, ch/chh and t/d/th, which in Khmer script are different letters and can be different
        // surnames (កឹម Kem / ខឹម Khem, ឌី Dy / ធី Thy); a search may rank them as variants of one
        // another, an identity check must not accept one for the other.
        var claimedRoman = Romanized(claimedKey);
        if (claimedRoman.Length > 0 && string.Equals(claimedRoman, Romanized(storedKey), StringComparison.Ordinal))
        {
            return new NameMatch(NameMatchKind.Variant, distance);
        }

        var allowed = NameDistance.AllowedKhmer(Math.Min(a.Count, b.Count));
        return allowed > 0 && distance <= allowed
            ? new NameMatch(NameMatchKind.Typo, distance)
            : new NameMatch(NameMatchKind.None, Math.Max(distance, allowed + 1));
    }

    /// <summary>
    /// A claimed Latin name part against the stored Latin (may be empty) and the stored Khmer (may
    /// be empty). <see cref="NameMatchKind.Exact"/> when the <see cref="LatinNames.Letters"/> are
    /// equal (case, accents, spaces and hyphens aside: "Sok-Dara" = "sok dara");
    /// <see cref="NameMatchKind.Variant"/> when their <see cref="LatinNames.Fold"/> are
    /// (Chea / Chia, Chhorn / Chhon); <see cref="NameMatchKind.OtherScript"/> when the claimed fold
    /// equals the fold of the romanized stored Khmer (<see cref="KhmerRomanizer"/>: a clerk wrote
    /// the Khmer name in Latin letters; the only way to meet when the stored Latin is empty);
    /// <see cref="NameMatchKind.Typo"/> within <see cref="NameDistance.AllowedLatin"/> edits (for the
    /// shorter name) of the letters or of the folds, the smaller distance counting (with no stored
    /// Latin, of the romanized Khmer's fold); else <see cref="NameMatchKind.None"/>. The distance is
    /// in letters.
    /// </summary>
    public static NameMatch Latin(string claimed, string storedLatin, string storedKhmer)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        storedLatin ??= "";
        storedKhmer ??= "";
        var claimedLetters = LatinNames.Letters(claimed);
        if (claimedLetters.Length == 0)
        {
            return new NameMatch(NameMatchKind.None, 1);
        }

        var storedLetters = LatinNames.Letters(storedLatin);
        if (string.Equals(claimedLetters, storedLetters, StringComparison.Ordinal))
        {
            return new NameMatch(NameMatchKind.Exact, 0);
        }

        var claimedFold = LatinNames.Fold(claimedLetters);
        var storedFold = storedLetters.Length > 0 ? LatinNames.Fold(storedLetters) : "";
        if (storedFold.Length > 0 && string.Equals(claimedFold, storedFold, StringComparison.Ordinal))
        {
            return new NameMatch(NameMatchKind.Variant, NameDistance.Latin(claimedLetters, storedLetters, Math.Max(claimedLetters.Length, storedLetters.Length)));
        }

        var khmerFold = RomanizedFold(storedKhmer);
        if (khmerFold.Length > 0 && string.Equals(claimedFold, khmerFold, StringComparison.Ordinal))
        {
            return new NameMatch(NameMatchKind.OtherScript, storedLetters.Length > 0
                ? NameDistance.Latin(claimedLetters, storedLetters, Math.Max(claimedLetters.Length, storedLetters.Length))
                : 0);
        }

        // Typo: against the stored letters and fold, or (no stored Latin) the romanized Khmer's fold.
        var target = storedLetters.Length > 0 ? storedLetters : khmerFold;
        var targetFold = storedLetters.Length > 0 ? storedFold : khmerFold;
        if (target.Length == 0)
        {
            return new NameMatch(NameMatchKind.None, claimedLetters.Length);
        }

        var allowed = NameDistance.AllowedLatin(Math.Min(claimedLetters.Length, target.Length));
        var distance = Math.Min(
            NameDistance.Latin(claimedLetters, target, allowed),
            NameDistance.Latin(claimedFold, targetFold, allowed));
        return allowed > 0 && distance <= allowed
            ? new NameMatch(NameMatchKind.Typo, distance)
            : new NameMatch(NameMatchKind.None, allowed + 1);
    }

    /// <summary>The fold of the romanization of a Khmer name ("" when it has no Khmer).</summary>
    private static string Romanized(string khmer) =>
        khmer.Length == 0 ? "" : LatinNames.Letters(KhmerRomanizer.Romanize(khmer));

    private static string RomanizedFold(string khmer) =>
        khmer.Length == 0 ? "" : LatinNames.Fold(LatinNames.Letters(KhmerRomanizer.Romanize(khmer)));
}

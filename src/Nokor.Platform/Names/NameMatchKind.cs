namespace Nokor.Platform.Names;

/// <summary>
/// How a claimed or searched name part met a stored one. Higher is better; the person search
/// ranks by it, and each module decides which kinds it accepts (verification and the birth form
/// accept <see cref="Exact"/>, <see cref="Variant"/> and <see cref="OtherScript"/>, never
/// <see cref="Typo"/>).
/// </summary>
public enum NameMatchKind
{
    /// <summary>The names are different.</summary>
    None = 0,

    /// <summary>Within the few edits <see cref="NameDistance"/> allows for a name of that length.</summary>
    Typo = 1,

    /// <summary>A Latin name met the romanization of the stored Khmer name (see <see cref="KhmerRomanizer"/>).</summary>
    OtherScript = 2,

    /// <summary>Another common spelling of the same name (<see cref="LatinNames.Fold"/>, or a Khmer spelling variant).</summary>
    Variant = 3,

    /// <summary>The same name, up to case, accents, spacing and punctuation (Latin) or encoding (Khmer key).</summary>
    Exact = 4,
}

/// <summary>One comparison of a claimed name part with a stored one; see <see cref="NameComparison"/>.</summary>
/// <param name="Kind">How the names met.</param>
/// <param name="Distance">
/// The edit distance behind the verdict: 0 for <see cref="NameMatchKind.Exact"/>, the edits between
/// the spellings for a variant or a typo; for <see cref="NameMatchKind.None"/> a number above the
/// edits allowed.
/// </param>
public readonly record struct NameMatch(NameMatchKind Kind, int Distance)
{
    /// <summary>True for an exact match, a spelling variant or the other script; false for a typo or none.</summary>
    public bool IsSameName => Kind >= NameMatchKind.OtherScript;
}

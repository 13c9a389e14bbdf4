using Nokor.Platform.Khmer;
using Nokor.Platform.Names;

namespace Nokor.Population.Search;

/// <summary>
/// The four ways a name part is written into the search index, each a space of terms with its own
/// postings. A query meets a stored part in one of them, and the space says why it matched.
/// </summary>
internal enum TermSpace
{
    /// <summary>The Khmer key (<see cref="NameKeys.KhmerKey(string)"/>): typing order of marks, spaces and the subscript DA/TA do not count.</summary>
    KhmerExact = 0,
    /// <summary>The Latin letters (<see cref="LatinNames.Letters"/>): case, accents, spaces and punctuation do not count.</summary>
    LatinExact = 1,
    /// <summary>The romanization-variant key of the recorded Latin spelling (<see cref="LatinNames.Fold"/>).</summary>
    LatinSound = 2,
    /// <summary>The same key of the Khmer spelling romanized by rule (<see cref="KhmerRomanizer"/>): meets the other script.</summary>
    KhmerSound = 3,
}

/// <summary>The terms of one name part (a surname or a given name) in each <see cref="TermSpace"/>; empty when the part is not written in that script.</summary>
internal readonly record struct PartTerms(string KhmerExact, string LatinExact, string LatinSound, string KhmerSound)
{
    public static readonly PartTerms Empty = new("", "", "", "");

    public string this[TermSpace space] => space switch
    {
        TermSpace.KhmerExact => KhmerExact,
        TermSpace.LatinExact => LatinExact,
        TermSpace.LatinSound => LatinSound,
        _ => KhmerSound,
    };

    /// <summary>The terms of a part recorded in Khmer and in Latin script (either may be empty).</summary>
    public static PartTerms Of(string khmer, string latin)
    {
        var km = string.IsNullOrWhiteSpace(khmer) ? "" : NameKeys.KhmerKey(khmer);
        var letters = string.IsNullOrWhiteSpace(latin) ? "" : LatinNames.Letters(latin);
        return new PartTerms(
            km,
            letters,
            letters.Length == 0 ? "" : LatinNames.Fold(letters),
            km.Length == 0 ? "" : SoundOfKhmer(km));
    }

    /// <summary>The romanization-variant key of a Khmer key: its rule-based romanization, folded.</summary>
    public static string SoundOfKhmer(string khmerKey)
    {
        var letters = LatinNames.Letters(KhmerRomanizer.Romanize(khmerKey));
        return letters.Length == 0 ? "" : LatinNames.Fold(letters);
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Nokor.Legislation.Search;

/// <summary>
/// The analyzer of the searchable content field. Text must already be normalized
/// (<c>KhmerText.Normalize</c>; <see cref="LegalSearchIndex"/> does it before indexing), so the
/// token offsets are offsets into the stored text.
/// <para>
/// The brief planned one field of Khmer cluster bigrams and another of cluster unigrams. They share
/// one field here instead, the CJK way: each cluster is a unigram at its own position and the
/// bigram it starts sits at the same position (increment 0). The text is analysed once instead of
/// twice, a phrase of bigrams still needs consecutive positions, and the terms cannot collide: a
/// unigram holds one Khmer base character, a bigram two, a word none. Overlapping tokens do not
/// count in the length norm (DefaultSimilarity discounts overlaps), so the norms are those of a
/// unigram field.
/// </para>
/// </summary>
internal sealed class LegalTextAnalyzer : Analyzer
{
    /// <summary>Keeps phrases from matching across two values of the field (title and preamble, heading and text).</summary>
    public const int ValueGap = 100;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new LegalTextTokenizer(reader));

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;
}

/// <summary>Emits the units of <see cref="SearchText.Scan(string)"/>: Khmer unigrams with their bigrams, and words.</summary>
internal sealed class LegalTextTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly List<SearchUnit> _units = [];
    private string _text = "";
    private int _next;
    private bool _bigramPending;

    public LegalTextTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_bigramPending)
        {
            // The bigram of the cluster just emitted and the next one, at the same position.
            _bigramPending = false;
            var first = _units[_next - 1];
            var second = _units[_next];
            _term.SetEmpty();
            _term.Append(_text, first.Start, first.Length);
            _term.Append(_text, second.Start, second.Length);
            _offset.SetOffset(CorrectOffset(first.Start), CorrectOffset(second.End));
            _position.PositionIncrement = 0;
            return true;
        }

        if (_next >= _units.Count)
        {
            return false;
        }

        var unit = _units[_next++];
        _term.SetEmpty();
        if (unit.IsKhmer)
        {
            _term.Append(_text, unit.Start, unit.Length);
            _bigramPending = _next < _units.Count && _units[_next].Run == unit.Run;
        }
        else
        {
            _term.Append(unit.Word);
        }

        _offset.SetOffset(CorrectOffset(unit.Start), CorrectOffset(unit.End));
        _position.PositionIncrement = 1;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _text = m_input.ReadToEnd();
        _units.Clear();
        SearchText.Scan(_text, _units);
        _next = 0;
        _bigramPending = false;
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(_text.Length);
        _offset.SetOffset(end, end);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _text = "";
            _units.Clear();
        }

        base.Dispose(disposing);
    }
}

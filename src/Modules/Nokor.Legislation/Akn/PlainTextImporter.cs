using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Akn;

/// <summary>
/// Reads a law or a bill typed or pasted as plain structured text, the way Cambodian texts are
/// published, into a <see cref="LegalText"/>:
/// <list type="bullet">
/// <item>the first non-empty line is the title; the lines up to the first heading are the
/// preamble (enacting formula, recitals);</item>
/// <item>headings stand on their own line: ភាគ/ភាគទី (part), ជំពូក/ជំពូកទី (chapter),
/// ផ្នែក/ផ្នែកទី (section), មាត្រា (article), or Part, Chapter, Section, Article/Art. in any
/// case, followed by a number in Khmer or Arabic digits (Roman numerals too for parts, chapters
/// and sections) and optionally a heading after a space, colon, dash or period
/// ("Chapter 1: General Provisions", "CHAPTER II - THE KING", "មាត្រា ១២.-");</item>
/// <item>the line right after a part, chapter or section without a heading of its own is its
/// heading;</item>
/// <item>every other line in an article is a paragraph of it; lines opening with a paragraph
/// number (<c>1.</c>, <c>១.</c>, <c>(1)</c>, <c>(១)</c>, <c>ក.</c>, <c>ក)</c>, <c>a)</c>) start
/// numbered paragraphs. The first numbering style met in an article numbers its paragraphs;
/// lines in another style (sub-points) stay text of the current paragraph.</item>
/// </list>
/// Bad input never throws: the result holds the errors, each with its 1-based line.
/// </summary>
/// <remarks>
/// Article numbers run in sequence, as in every Cambodian law; an amended text marks a replaced
/// article "new" ("Article 12 (new)", "មាត្រា ១២ ថ្មី"), which keeps the article's identity
/// (eId <c>art_12</c>) so comments and comparisons follow it across versions, and marks an
/// inserted one with a further suffix ("Article 12 new-1", "12 bis", "12a"), which gets its own
/// eId (<c>art_12new1</c>, <c>art_12bis</c>, <c>art_12a</c>) and may follow article 12. A step
/// back or a repeated number is reported, because it means a heading was mistyped, and a wrong
/// article number would misdirect every amendment and comment keyed on it. A gap is accepted: a
/// consolidated text may leave out repealed articles and a revised bill may drop one.
/// </remarks>
internal static partial class PlainTextImporter
{
    /// <summary>The longest line accepted.</summary>
    public const int MaxLineLength = 20_000;

    /// <summary>The longest text accepted (characters).</summary>
    public const int MaxTextLength = 10_000_000;

    private const string KhmerPart = "ភាគ";
    private const string KhmerChapter = "ជំពូក";
    private const string KhmerSection = "ផ្នែក";
    private const string KhmerArticle = "មាត្រា";

    private static readonly Regex _keyword = new(
        "^(?:(?<kw>" + KhmerText.Normalize(KhmerPart) + "|" + KhmerText.Normalize(KhmerChapter) + "|"
        + KhmerText.Normalize(KhmerSection) + "|" + KhmerText.Normalize(KhmerArticle) + ")(?: ?"
        + KhmerText.Normalize("ទី") + ")?(?=[\\s0-9\u17E0-\u17E9]|$)"
        + "|(?<kw>part|chapter|section|article)(?=\\s|$)|(?<kw>art)\\.)\\s*(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private const string Boundary = "(?=[\\s.:\u17D6\\-\u2013\u2014)(]|$)";

    private static readonly Regex _number = new(
        "^(?:(?<digits>[0-9\u17E0-\u17E9]{1,6})(?<letter>[a-z]" + Boundary + ")?|(?<roman>[ivxlcdm]{1,12})" + Boundary + ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex _suffix = new(
        "^\\s*\\(?\\s*(?<word>new|bis|ter|quater|" + KhmerText.Normalize("ថ្មី") + "|" + KhmerText.Normalize("ស្ទួន")
        + ")(?:\\s*[-\u2013]?\\s*(?<n>[0-9\u17E0-\u17E9]{1,3}))?\\s*\\)?" + Boundary,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex _separator = new(
        "^\\s*(?<sep>[.:\u17D6\\-\u2013\u2014)]+)?\\s*(?<rest>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex _firstToken = new(
        "^(?<token>[^\\s.:\u17D6\\-\u2013\u2014]+)\\s*(?<sep>[.:\u17D6\\-\u2013\u2014]+)?\\s*(?<rest>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex("^(?<m>(?<d>[0-9\u17E0-\u17E9]{1,3})[.)])(?![0-9\u17E0-\u17E9])\\s*(?<t>\\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitParagraph();

    [GeneratedRegex("^(?<m>\\((?<d>[0-9\u17E0-\u17E9]{1,3})\\))\\s*(?<t>\\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ParenDigitParagraph();

    [GeneratedRegex("^(?<m>\\((?<k>[\u1780-\u17A2])\\)|(?<k>[\u1780-\u17A2])[.)\\-])\\s*(?<t>\\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KhmerLetterParagraph();

    [GeneratedRegex("^(?<m>\\((?<l>[a-z])\\)|(?<l>[a-z])\\))\\s*(?<t>\\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LatinLetterParagraph();

    private enum ParagraphStyle
    {
        None,
        Digits,
        ParenDigits,
        KhmerLetter,
        LatinLetter,
    }

    private enum HeadingShape
    {
        NotHeading,
        Heading,
        BadNumber,
    }

    /// <summary>
    /// Parses <paramref name="text"/> as an expression of <paramref name="work"/> in
    /// <paramref name="language"/> ("khm" or "eng"), applying from <paramref name="versionDate"/>
    /// (null for the original version).
    /// </summary>
    public static AknResult Parse(string? text, AknWork work, string language, DateOnly? versionDate)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!AknLanguages.IsSupported(language))
        {
            return AknResult.Failure(0, 0, $"The language must be \"{AknLanguages.Khmer}\" or \"{AknLanguages.English}\", not \"{language}\".");
        }

        if (!FrbrUri.IsValidName(work.Number) || (work.Subtype is not null && !FrbrUri.IsValidName(work.Subtype)))
        {
            return AknResult.Failure(0, 0, "The work number and subtype must be lower-case ASCII letters, digits and hyphens.");
        }

        if (text is null || text.Length == 0)
        {
            return AknResult.Failure(1, 0, "The text is empty.");
        }

        if (text.Length > MaxTextLength)
        {
            return AknResult.Failure(0, 0, $"The text is longer than {MaxTextLength:N0} characters.");
        }

        var rawLines = SplitLines(text);
        var errors = new List<AknError>();
        for (var i = 0; i < rawLines.Count; i++)
        {
            CheckCharacters(rawLines[i], i + 1, errors);
        }

        if (errors.Count > 0)
        {
            return AknResult.Failure(errors);
        }

        var lines = rawLines.Select(KhmerText.Normalize).ToList();
        return new Parser(lines, work, language, versionDate).Run();
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r' or '\u2028' or '\u2029')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }

    private static void CheckCharacters(string line, int lineNumber, List<AknError> errors)
    {
        if (line.Length > MaxLineLength)
        {
            errors.Add(new AknError(lineNumber, 0, $"The line is {line.Length:N0} characters long; at most {MaxLineLength:N0} are accepted."));
            return;
        }

        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            string? problem = null;
            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                problem = $"an unpaired surrogate U+{(int)c:X4}: the text is not valid Unicode";
            }
            else if (c == '\uFFFD')
            {
                problem = "the replacement character U+FFFD: the file was probably not saved as UTF-8";
            }
            else if (c is '\uFFFE' or '\uFFFF')
            {
                problem = $"the non-character U+{(int)c:X4}: the text is not valid Unicode";
            }
            else if (char.IsControl(c) && c != '\t')
            {
                problem = $"the control character U+{(int)c:X4}";
            }

            if (problem is not null)
            {
                errors.Add(new AknError(lineNumber, i + 1, $"The line contains {problem}."));
                return;
            }
        }
    }

    private sealed record HeadingLine(
        HeadingShape Shape,
        TextUnitKind Kind,
        int Number,
        string EIdNumber,
        bool Insertion,
        string Num,
        string Rest,
        bool PunctuationSeparator,
        string? BadToken = null);

    private static HeadingLine? Classify(string line)
    {
        var keyword = _keyword.Match(line);
        if (!keyword.Success)
        {
            return null;
        }

        var kind = keyword.Groups["kw"].Value.ToLowerInvariant() switch
        {
            "part" or KhmerPart => TextUnitKind.Part,
            "chapter" or KhmerChapter => TextUnitKind.Chapter,
            "section" or KhmerSection => TextUnitKind.Section,
            _ => TextUnitKind.Article,
        };
        var restGroup = keyword.Groups["rest"];
        var rest = restGroup.Value;
        var number = _number.Match(rest);
        int value;
        var roman = number.Success && number.Groups["roman"].Success;
        if (!number.Success
            || (roman && kind == TextUnitKind.Article)
            || !KhmerNumerals.TryParse(number.Value.AsSpan(0, number.Groups[roman ? "roman" : "digits"].Length), out value, allowRoman: roman)
            || value == 0)
        {
            // "Article twelve: Scope" is a heading with a bad number; "Article by article…" is prose.
            var token = _firstToken.Match(rest);
            if (rest.Length == 0 || (token.Success && (token.Groups["sep"].Success || token.Groups["rest"].Length == 0)))
            {
                return new HeadingLine(HeadingShape.BadNumber, kind, 0, "", false, "", rest, false, token.Success ? token.Groups["token"].Value : "");
            }

            return null;
        }

        var eIdNumber = new StringBuilder(value.ToString(CultureInfo.InvariantCulture));
        var insertion = false;
        if (number.Groups["letter"].Success)
        {
            eIdNumber.Append(char.ToLowerInvariant(number.Groups["letter"].Value[0]));
            insertion = true;
        }

        var position = number.Length;
        var suffix = _suffix.Match(rest[position..]);
        if (suffix.Success)
        {
            var word = suffix.Groups["word"].Value.ToLowerInvariant();
            word = word == KhmerText.Normalize("ថ្មី") ? "new" : word == KhmerText.Normalize("ស្ទួន") ? "bis" : word;
            var suffixNumber = suffix.Groups["n"].Success && KhmerNumerals.TryParseDigits(suffix.Groups["n"].Value, out var n) ? n : (int?)null;

            // "new" alone marks a replaced article, which keeps its identity; anything else inserts one.
            if (word != "new" || suffixNumber is not null)
            {
                eIdNumber.Append(word).Append(suffixNumber?.ToString(CultureInfo.InvariantCulture));
                insertion = true;
            }

            position += suffix.Length;
        }

        var separator = _separator.Match(rest[position..]);
        var num = line[..(restGroup.Index + position)].Trim();
        var afterSeparator = separator.Groups["rest"].Value.Trim();
        if (num.EndsWith('(') && afterSeparator.Length > 0)
        {
            num = num[..^1].TrimEnd();
            afterSeparator = "(" + afterSeparator;
        }

        return new HeadingLine(
            HeadingShape.Heading,
            kind,
            value,
            eIdNumber.ToString(),
            insertion,
            num,
            afterSeparator,
            separator.Groups["sep"].Success);
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '\u17D4' or '\u17D5' or ';' or '!' or '?' or ',';

    private static string Prefix(TextUnitKind kind) => kind switch
    {
        TextUnitKind.Part => "part",
        TextUnitKind.Chapter => "chp",
        TextUnitKind.Section => "sec",
        TextUnitKind.Article => "art",
        _ => "para",
    };

    private static string KindName(TextUnitKind kind) => kind.ToString().ToLowerInvariant();

    private sealed class Builder(TextUnitKind kind, string eId, string num, string? heading, int line)
    {
        public TextUnitKind Kind { get; } = kind;

        public string EId { get; } = eId;

        public string Num { get; } = num;

        public string? Heading { get; set; } = heading;

        public int Line { get; } = line;

        public List<string> Text { get; } = [];

        public List<Builder> Children { get; } = [];

        public ParagraphStyle Style { get; set; }

        /// <summary>
        /// The unit and its children. Recursive, and bounded: plain text has five levels (part,
        /// chapter, section, article, paragraph), a container only holds a deeper kind
        /// (<see cref="Parser"/> closes the containers of the same or a deeper level first) and a
        /// paragraph holds nothing, so no text nests more than five deep.
        /// </summary>
        public TextUnit Build() => new(Kind, EId, Num, Heading, Text.ToArray(), Children.Select(c => c.Build()).ToArray());
    }

    private sealed class Parser(List<string> lines, AknWork work, string language, DateOnly? versionDate)
    {
        private readonly List<AknError> _errors = [];
        private readonly List<string> _preamble = [];
        private readonly List<Builder> _body = [];
        private readonly List<Builder> _containers = [];
        private readonly Dictionary<string, int> _eIds = new(StringComparer.Ordinal);
        private string? _title;
        private bool _inBody;
        private Builder? _article;
        private Builder? _paragraph;
        private Builder? _awaitingHeading;
        private int? _lastArticleNumber;
        private int _articleCount;

        public AknResult Run()
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }

                Accept(line, i + 1);
            }

            if (_title is null)
            {
                return AknResult.Failure(1, 0, "The text is empty.");
            }

            if (_articleCount == 0 && _errors.Count == 0)
            {
                _errors.Add(new AknError(1, 0, "The text has no article: every law and bill needs at least one \"មាត្រា\" or \"Article\" heading."));
            }

            if (_errors.Count > 0)
            {
                return AknResult.Failure(_errors);
            }

            return AknResult.Success(new LegalText(
                work,
                language,
                versionDate,
                _title,
                _preamble.ToArray(),
                _body.Select(b => b.Build()).ToArray()));
        }

        private void Accept(string line, int lineNumber)
        {
            var heading = Classify(line);
            if (_title is null)
            {
                if (heading is not null)
                {
                    _errors.Add(new AknError(lineNumber, 0, "The first line must be the title of the text, not a heading."));
                }

                _title = line;
                return;
            }

            if (heading is { Shape: HeadingShape.BadNumber })
            {
                var what = heading.BadToken is { Length: > 0 } token ? $"\"{token}\" is not" : "no number follows, it needs";
                _errors.Add(new AknError(lineNumber, 0, $"This {KindName(heading.Kind)} heading has a bad number: {what} a number in Khmer or Arabic digits{(heading.Kind == TextUnitKind.Article ? "" : " or Roman numerals")}."));
                _awaitingHeading = null;
                return;
            }

            if (heading is not null && heading.Kind != TextUnitKind.Article && !heading.PunctuationSeparator && EndsSentence(heading.Rest))
            {
                heading = null; // "Section 5 of the Act applies." is prose, not a heading.
            }

            if (heading is { Kind: TextUnitKind.Article } && !heading.PunctuationSeparator && heading.Rest.Length > 0)
            {
                var expected = _lastArticleNumber is null || heading.Number == _lastArticleNumber + 1 || (heading.Insertion && heading.Number == _lastArticleNumber);
                if ((EndsSentence(heading.Rest) && !expected) || char.IsAsciiLetterLower(heading.Rest[0]))
                {
                    heading = null; // "Article 12 of this law…" is a reference inside the text.
                }
            }

            if (heading is not null)
            {
                _inBody = true;
                _awaitingHeading = null;
                if (heading.Kind == TextUnitKind.Article)
                {
                    StartArticle(heading, lineNumber);
                }
                else
                {
                    StartContainer(heading, lineNumber);
                }

                return;
            }

            if (!_inBody)
            {
                _preamble.Add(line);
                return;
            }

            if (_awaitingHeading is not null)
            {
                var container = _awaitingHeading;
                _awaitingHeading = null;
                if (MatchParagraph(line) is null)
                {
                    container.Heading = line;
                    return;
                }
            }

            if (_article is null)
            {
                var after = _containers.Count > 0 ? $" after {_containers[^1].Num}" : "";
                _errors.Add(new AknError(lineNumber, 0, $"Text outside any article{after}: only a heading may follow a part, chapter or section line; start an article or move the text into the preamble."));
                return;
            }

            AddArticleLine(line, lineNumber);
        }

        private void StartContainer(HeadingLine heading, int lineNumber)
        {
            CloseArticle();
            var level = (int)heading.Kind;
            while (_containers.Count > 0 && (int)_containers[^1].Kind >= level)
            {
                _containers.RemoveAt(_containers.Count - 1);
            }

            var parent = _containers.Count > 0 ? _containers[^1] : null;
            var eId = (parent is null ? "" : parent.EId + "__") + Prefix(heading.Kind) + "_" + heading.EIdNumber;
            if (!Register(eId, heading, lineNumber))
            {
                return;
            }

            var unit = new Builder(heading.Kind, eId, heading.Num, heading.Rest.Length > 0 ? heading.Rest : null, lineNumber);
            (parent?.Children ?? _body).Add(unit);
            _containers.Add(unit);
            if (unit.Heading is null)
            {
                _awaitingHeading = unit;
            }
        }

        private void StartArticle(HeadingLine heading, int lineNumber)
        {
            CloseArticle();
            _articleCount++;
            var eId = "art_" + heading.EIdNumber;
            if (_lastArticleNumber is { } last)
            {
                var inSequence = heading.Insertion ? heading.Number >= last : heading.Number > last;
                if (!inSequence && !_eIds.ContainsKey(eId))
                {
                    _errors.Add(new AknError(lineNumber, 0, $"{heading.Num} follows article {last}: article numbers must run in sequence (mark an inserted article with a suffix such as \"new-1\", \"bis\" or \"ថ្មី-១\")."));
                }
            }

            _lastArticleNumber = heading.Number;
            if (!Register(eId, heading, lineNumber))
            {
                return;
            }

            var text = heading.Rest;
            string? title = null;
            if (text.Length > 0 && !EndsSentence(text) && text.Length <= 200)
            {
                title = text;
                text = "";
            }

            var article = new Builder(TextUnitKind.Article, eId, heading.Num, title, lineNumber);
            (_containers.Count > 0 ? _containers[^1].Children : _body).Add(article);
            _article = article;
            if (text.Length > 0)
            {
                AddArticleLine(text, lineNumber);
            }
        }

        private bool Register(string eId, HeadingLine heading, int lineNumber)
        {
            if (_eIds.TryGetValue(eId, out var firstLine))
            {
                _errors.Add(new AknError(lineNumber, 0, $"Duplicate {KindName(heading.Kind)}: {heading.Num} (\"{eId}\") was already given on line {firstLine}."));
                _article = null;
                return false;
            }

            _eIds[eId] = lineNumber;
            return true;
        }

        private void CloseArticle()
        {
            _article = null;
            _paragraph = null;
        }

        private void AddArticleLine(string line, int lineNumber)
        {
            var article = _article!;
            var paragraph = MatchParagraph(line);
            if (paragraph is { } p && (article.Style == ParagraphStyle.None || article.Style == p.Style))
            {
                article.Style = p.Style;
                var eId = $"{article.EId}__para_{p.Number.ToString(CultureInfo.InvariantCulture)}";
                if (_eIds.TryGetValue(eId, out var firstLine))
                {
                    _errors.Add(new AknError(lineNumber, 0, $"Duplicate paragraph {p.Marker} in {article.Num}: it was already given on line {firstLine}."));
                    return;
                }

                _eIds[eId] = lineNumber;
                _paragraph = new Builder(TextUnitKind.Paragraph, eId, p.Marker, null, lineNumber);
                _paragraph.Text.Add(p.Text);
                article.Children.Add(_paragraph);
                return;
            }

            (_paragraph ?? article).Text.Add(line);
        }
    }

    private readonly record struct ParagraphLine(ParagraphStyle Style, int Number, string Marker, string Text);

    private static ParagraphLine? MatchParagraph(string line)
    {
        var m = DigitParagraph().Match(line);
        if (m.Success && KhmerNumerals.TryParseDigits(m.Groups["d"].Value, out var n) && n > 0)
        {
            return new ParagraphLine(ParagraphStyle.Digits, n, m.Groups["m"].Value, m.Groups["t"].Value);
        }

        m = ParenDigitParagraph().Match(line);
        if (m.Success && KhmerNumerals.TryParseDigits(m.Groups["d"].Value, out n) && n > 0)
        {
            return new ParagraphLine(ParagraphStyle.ParenDigits, n, m.Groups["m"].Value, m.Groups["t"].Value);
        }

        m = KhmerLetterParagraph().Match(line);
        if (m.Success)
        {
            return new ParagraphLine(ParagraphStyle.KhmerLetter, m.Groups["k"].Value[0] - '\u1780' + 1, m.Groups["m"].Value, m.Groups["t"].Value);
        }

        m = LatinLetterParagraph().Match(line);
        if (m.Success)
        {
            return new ParagraphLine(ParagraphStyle.LatinLetter, m.Groups["l"].Value[0] - 'a' + 1, m.Groups["m"].Value, m.Groups["t"].Value);
        }

        return null;
    }
}

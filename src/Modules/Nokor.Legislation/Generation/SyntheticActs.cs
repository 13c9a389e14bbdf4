using System.Globalization;
using System.Text;
using Nokor.Legislation.Akn;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Generation;

/// <summary>One expression of a synthetic act and the period it is the law.</summary>
/// <param name="Text">The text.</param>
/// <param name="ValidFrom">The first day it applies (the work date, or the amendment date for an amended version).</param>
/// <param name="ValidTo">The day a later version replaced it, or null while in force.</param>
internal sealed record SyntheticExpression(LegalText Text, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>A synthetic act: the Khmer original, usually an English translation, sometimes an amended version of both.</summary>
/// <param name="Index">Its position in the generated series (its work number is Index + 1).</param>
/// <param name="Expressions">Every expression, original Khmer first.</param>
internal sealed record SyntheticAct(int Index, IReadOnlyList<SyntheticExpression> Expressions)
{
    /// <summary>The original Khmer expression.</summary>
    public LegalText Khmer => Expressions[0].Text;

    /// <summary>The original English translation, or null when the act has none.</summary>
    public LegalText? English => Expressions.FirstOrDefault(e => e.Text.Language == "eng" && e.Text.VersionDate is null)?.Text;
}

/// <summary>
/// Deterministic generator of fictional but realistic-looking acts for tests and the search
/// benchmark. Act <c>i</c> of seed <c>s</c> is always the same text, whatever else is generated,
/// so a benchmark can regenerate its queries' source texts instead of keeping them.
/// <para>
/// The mix follows the legal database the Senate will hold: every act has a Khmer original; two
/// in three have an English translation (so about 60% of expressions are Khmer and 40% English);
/// one in five was amended once, giving a second version of each language from the amendment
/// date (for point-in-time search). Work dates run from the 1993 Constitution to 2026; work
/// numbers are unique (Index + 1). Khmer sentences join words without spaces and put a space
/// between clauses, as Khmer legal texts are written; numbers are in Khmer digits.
/// </para>
/// </summary>
internal static class SyntheticActs
{
    private static readonly DateOnly First = new(1993, 9, 24);
    private static readonly DateOnly Last = new(2026, 10, 31);

    /// <summary>Acts 0 to count - 1 of a seed.</summary>
    public static IEnumerable<SyntheticAct> Many(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            yield return Generate(i, seed);
        }
    }

    /// <summary>Act number <paramref name="index"/> of a seed: the same result on every call.</summary>
    public static SyntheticAct Generate(int index, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Random(unchecked((seed * 1_000_003) ^ (index * 7_919) + index));
        var date = DateOnly.FromDayNumber(First.DayNumber + random.Next(Last.DayNumber - First.DayNumber + 1));
        var work = new AknWork(AknDocType.Act, date, (index + 1).ToString(CultureInfo.InvariantCulture));
        var topic = Pick(random, LegalVocabulary.Topics);
        var structure = Draft(random, topic);
        var hasEnglish = random.Next(3) < 2;
        DateOnly? amended = null;
        if (random.Next(5) == 0 && date.DayNumber < Last.DayNumber - 30)
        {
            amended = DateOnly.FromDayNumber(date.DayNumber + 30 + random.Next(Last.DayNumber - date.DayNumber - 30));
        }

        var expressions = new List<SyntheticExpression>
        {
            new(Render(work, null, topic, structure, khmer: true), date, amended),
        };
        if (hasEnglish)
        {
            expressions.Add(new SyntheticExpression(Render(work, null, topic, structure, khmer: false), date, amended));
        }

        if (amended is { } from)
        {
            var revised = Amend(random, structure);
            expressions.Add(new SyntheticExpression(Render(work, from, topic, revised, khmer: true), from, null));
            if (hasEnglish)
            {
                expressions.Add(new SyntheticExpression(Render(work, from, topic, revised, khmer: false), from, null));
            }
        }

        return new SyntheticAct(index, expressions);
    }

    // The drafted content is language-neutral (sentences as Khmer/English pairs), so the English
    // expression has the same chapters, articles and meaning as the Khmer one.
    private sealed record DraftArticle(Phrase? Heading, IReadOnlyList<Phrase> Sentences, IReadOnlyList<Phrase> Paragraphs);

    private sealed record DraftChapter(Phrase Heading, IReadOnlyList<DraftArticle> Articles);

    private static List<DraftChapter> Draft(Random random, Phrase topic)
    {
        var chapterCount = random.Next(2, 7);
        var articleCount = Math.Max(chapterCount + 2, random.Next(5, 41));
        var middle = LegalVocabulary.ChapterHeadings.OrderBy(_ => random.Next()).Take(Math.Max(0, chapterCount - 2)).ToList();
        var headings = new List<Phrase> { LegalVocabulary.GeneralProvisions };
        headings.AddRange(middle);
        headings.Add(LegalVocabulary.FinalProvisions);

        // The general and final chapters are short; the others share the rest.
        var sizes = new int[chapterCount];
        sizes[0] = 1 + random.Next(2);
        sizes[^1] = 2;
        var rest = articleCount - sizes[0] - sizes[^1];
        for (var c = 1; c < chapterCount - 1; c++)
        {
            sizes[c] = 1;
            rest--;
        }

        if (chapterCount == 2)
        {
            sizes[0] += Math.Max(0, rest);
        }
        else
        {
            for (; rest > 0; rest--)
            {
                sizes[1 + random.Next(chapterCount - 2)]++;
            }
        }

        var chapters = new List<DraftChapter>(chapterCount);
        var number = 0;
        for (var c = 0; c < chapterCount; c++)
        {
            var articles = new List<DraftArticle>(sizes[c]);
            for (var a = 0; a < sizes[c]; a++)
            {
                number++;
                if (number == 1)
                {
                    articles.Add(new DraftArticle(new Phrase("គោលបំណង", "Purpose"), [Purpose(topic)], []));
                }
                else if (c == chapterCount - 1 && a == sizes[c] - 2)
                {
                    articles.Add(new DraftArticle(null, [Repeal()], []));
                }
                else if (c == chapterCount - 1 && a == sizes[c] - 1)
                {
                    articles.Add(new DraftArticle(null, [Urgent()], []));
                }
                else
                {
                    articles.Add(Article(random, number, headings[c]));
                }
            }

            chapters.Add(new DraftChapter(headings[c], articles));
        }

        return chapters;
    }

    private static DraftArticle Article(Random random, int number, Phrase chapter)
    {
        var heading = random.Next(4) == 0 ? chapter : (Phrase?)null;
        if (random.Next(4) == 0)
        {
            var paragraphs = new List<Phrase>();
            var count = random.Next(2, 5);
            for (var p = 0; p < count; p++)
            {
                var verb = Pick(random, LegalVocabulary.Verbs);
                var obj = Pick(random, LegalVocabulary.Objects);
                var qualifier = Pick(random, LegalVocabulary.Qualifiers);
                paragraphs.Add(new Phrase(verb.Km + obj.Km + " " + qualifier.Km + "។", Capitalize(verb.En) + " " + obj.En + " " + qualifier.En + ";"));
            }

            var actor = Pick(random, LegalVocabulary.Actors);
            var intro = new Phrase(
                "ក្នុងការអនុវត្តច្បាប់នេះ " + actor.Km + "មានភារកិច្ចដូចខាងក្រោម៖",
                "In implementing this law, " + actor.En + " has the following duties:");
            return new DraftArticle(heading, [intro], paragraphs);
        }

        var sentences = new List<Phrase>();
        var sentenceCount = 1 + random.Next(3);
        for (var s = 0; s < sentenceCount; s++)
        {
            sentences.Add(Sentence(random, number));
        }

        return new DraftArticle(heading, sentences, []);
    }

    private static Phrase Sentence(Random random, int article)
    {
        var actor = Pick(random, LegalVocabulary.Actors);
        var verb = Pick(random, LegalVocabulary.Verbs);
        var obj = Pick(random, LegalVocabulary.Objects);
        switch (random.Next(10))
        {
            case 0:
            {
                int[] fines = [100_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000];
                var low = random.Next(1, 5);
                var high = low + random.Next(1, 6);
                var fine = random.Next(fines.Length - 1);
                var (x, y) = (fines[fine], fines[fine + 1 + random.Next(fines.Length - fine - 1)]);
                return new Phrase(
                    $"បុគ្គលណាដែល{verb.Km}{obj.Km}ដោយខុសច្បាប់ ត្រូវផ្តន្ទាទោសដាក់ពន្ធនាគារពី {KhmerNumerals.ToKhmer(low)} ឆ្នាំ ដល់ {KhmerNumerals.ToKhmer(high)} ឆ្នាំ និងពិន័យជាប្រាក់ពី {KhmerNumerals.ToKhmer(x)} រៀល ដល់ {KhmerNumerals.ToKhmer(y)} រៀល។",
                    $"Any person who unlawfully acts to {verb.En} {obj.En} shall be punished by imprisonment from {low} to {high} years and a fine from {x} to {y} riels.");
            }

            case 1:
            {
                int[] days = [5, 7, 10, 15, 30, 45, 60, 90];
                var n = days[random.Next(days.Length)];
                return new Phrase(
                    $"{actor.Km}ត្រូវ{verb.Km}{obj.Km} ក្នុងរយៈពេល {KhmerNumerals.ToKhmer(n)} ថ្ងៃ គិតចាប់ពីថ្ងៃទទួលបានពាក្យស្នើសុំ។",
                    $"{Capitalize(actor.En)} shall {verb.En} {obj.En} within {n} days from the date of receipt of the application.");
            }

            case 2:
            {
                var other = Pick(random, LegalVocabulary.Actors);
                var verb2 = Pick(random, LegalVocabulary.Verbs);
                var obj2 = Pick(random, LegalVocabulary.Objects);
                return new Phrase(
                    $"ក្នុងករណី{actor.Km}មិនបាន{verb.Km}{obj.Km} {other.Km}ត្រូវ{verb2.Km}{obj2.Km}។",
                    $"Where {actor.En} does not {verb.En} {obj.En}, {other.En} shall {verb2.En} {obj2.En}.");
            }

            case 3:
            {
                var instrument = Pick(random, LegalVocabulary.Instruments);
                return new Phrase(
                    $"នីតិវិធីនៃការ{verb.Km}{obj.Km} ត្រូវកំណត់ដោយ{instrument.Km}។",
                    $"The procedure to {verb.En} {obj.En} shall be determined by {instrument.En}.");
            }

            case 4 when article > 2:
            {
                var target = 1 + random.Next(article - 1);
                return new Phrase(
                    $"បទប្បញ្ញត្តិនៃមាត្រា {KhmerNumerals.ToKhmer(target)} នៃច្បាប់នេះ ត្រូវអនុវត្តចំពោះ{obj.Km}ផងដែរ។",
                    $"The provisions of Article {target} of this law shall also apply to {obj.En}.");
            }

            default:
            {
                var modal = Pick(random, LegalVocabulary.Modals);
                var qualifier = Pick(random, LegalVocabulary.Qualifiers);
                return new Phrase(
                    $"{actor.Km}{modal.Km}{verb.Km}{obj.Km} {qualifier.Km}។",
                    $"{Capitalize(actor.En)} {modal.En} {verb.En} {obj.En} {qualifier.En}.");
            }
        }
    }

    private static Phrase Purpose(Phrase topic) => new(
        $"ច្បាប់នេះមានគោលបំណងកំណត់គោលការណ៍ និងនីតិវិធីនៃ{topic.Km} នៅព្រះរាជាណាចក្រកម្ពុជា។",
        $"This law aims to determine the principles and procedures of {topic.En} in the Kingdom of Cambodia.");

    private static Phrase Repeal() => new(
        "បទប្បញ្ញត្តិទាំងឡាយណាដែលផ្ទុយនឹងច្បាប់នេះ ត្រូវទុកជានិរាករណ៍។",
        "Any provisions contrary to this law shall be null and void.");

    private static Phrase Urgent() => new(
        "ច្បាប់នេះត្រូវប្រកាសឱ្យប្រើជាការបន្ទាន់។",
        "This law shall be promulgated as urgent.");

    /// <summary>An amendment rewrites one to three ordinary articles; the structure and eIds stay.</summary>
    private static List<DraftChapter> Amend(Random random, List<DraftChapter> chapters)
    {
        var total = chapters.Sum(c => c.Articles.Count);
        var changes = new HashSet<int>();
        var wanted = 1 + random.Next(3);
        for (var attempt = 0; attempt < 10 && changes.Count < wanted; attempt++)
        {
            var n = 2 + random.Next(Math.Max(1, total - 3));
            if (n < total - 1)
            {
                changes.Add(n);
            }
        }

        var number = 0;
        var result = new List<DraftChapter>(chapters.Count);
        foreach (var chapter in chapters)
        {
            var articles = new List<DraftArticle>(chapter.Articles.Count);
            foreach (var article in chapter.Articles)
            {
                number++;
                articles.Add(changes.Contains(number) ? Article(random, number, chapter.Heading) : article);
            }

            result.Add(chapter with { Articles = articles });
        }

        return result;
    }

    private static LegalText Render(AknWork work, DateOnly? version, Phrase topic, List<DraftChapter> chapters, bool khmer)
    {
        // The vocabulary is normalized (a test checks it) and so is any concatenation of its
        // entries, each starting with a base character: no Normalize pass needed.
        string Text(Phrase p) => khmer ? p.Km : p.En;
        string Number(int n) => khmer ? KhmerNumerals.ToKhmer(n) : n.ToString(CultureInfo.InvariantCulture);

        var body = new List<TextUnit>(chapters.Count);
        var articleNumber = 0;
        for (var c = 0; c < chapters.Count; c++)
        {
            var articles = new List<TextUnit>(chapters[c].Articles.Count);
            foreach (var article in chapters[c].Articles)
            {
                articleNumber++;
                var eid = "art_" + articleNumber.ToString(CultureInfo.InvariantCulture);
                var paragraphs = new List<TextUnit>(article.Paragraphs.Count);
                for (var p = 0; p < article.Paragraphs.Count; p++)
                {
                    paragraphs.Add(new TextUnit(
                        TextUnitKind.Paragraph,
                        eid + "__para_" + (p + 1).ToString(CultureInfo.InvariantCulture),
                        Number(p + 1) + ".",
                        null,
                        [Text(article.Paragraphs[p])],
                        []));
                }

                articles.Add(new TextUnit(
                    TextUnitKind.Article,
                    eid,
                    (khmer ? "មាត្រា " : "Article ") + Number(articleNumber),
                    article.Heading is { } h ? Text(h) : null,
                    article.Sentences.Select(Text).ToList(),
                    paragraphs));
            }

            body.Add(new TextUnit(
                TextUnitKind.Chapter,
                "chp_" + (c + 1).ToString(CultureInfo.InvariantCulture),
                (khmer ? "ជំពូកទី " : "Chapter ") + Number(c + 1),
                Text(chapters[c].Heading),
                [],
                articles));
        }

        var title = khmer ? "ច្បាប់ស្តីពី" + topic.Km : "Law on " + topic.En;
        return new LegalText(work, khmer ? "khm" : "eng", version, title, LegalVocabulary.Preamble.Select(Text).ToList(), body);
    }

    private static Phrase Pick(Random random, Phrase[] phrases) => phrases[random.Next(phrases.Length)];

    private static string Capitalize(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : new StringBuilder(text) { [0] = char.ToUpperInvariant(text[0]) }.ToString();
}

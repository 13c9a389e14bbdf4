using System.Text;
using Nokor.Legislation.Akn;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Tests.Akn;

public sealed class TextComparerTests
{
    private static string K(string text) => KhmerText.Normalize(text);

    private static string Older(IReadOnlyList<DiffSegment> diff) =>
        string.Concat(diff.Where(s => s.Operation != DiffOperation.Inserted).Select(s => s.Text));

    private static string Newer(IReadOnlyList<DiffSegment> diff) =>
        string.Concat(diff.Where(s => s.Operation != DiffOperation.Deleted).Select(s => s.Text));

    [Fact]
    public void Compares_english_versions_article_by_article()
    {
        var older = AknSamples.Import(
            "Law\nArticle 1: Purpose\nThis law protects libraries.\nArticle 2: Scope\nIt applies everywhere.\nArticle 3\nOld rule.\nArticle 4\nSame.\nArticle 5: Hours\nOpen 40 hours a week.",
            AknSamples.BillWork,
            "eng");
        var newer = AknSamples.Import(
            "Law\nArticle 1: Purpose\nThis law protects libraries.\nArticle 2: Coverage\nIt applies everywhere.\nArticle 4\nSame.\nArticle 5: Hours\nOpen 35 hours a week.\nArticle 5 new-1\nA new rule.",
            AknSamples.BillWork,
            "eng",
            new DateOnly(2025, 3, 1));

        var comparison = TextComparer.Compare(older, newer);

        Assert.Equal(
            [("art_1", ArticleStatus.Unchanged), ("art_2", ArticleStatus.Changed), ("art_3", ArticleStatus.Removed), ("art_4", ArticleStatus.Unchanged), ("art_5", ArticleStatus.Changed), ("art_5new1", ArticleStatus.Added)],
            comparison.Articles.Select(a => (a.EId, a.Status)));
        Assert.Equal(new ComparisonSummary(2, 2, 1, 1, 1), comparison.Summary);

        var article2 = comparison.Articles[1];
        Assert.True(article2.OnlyHeadingChanged);
        Assert.Equal([new DiffSegment(DiffOperation.Equal, "It applies everywhere.")], article2.Diff);

        var article5 = comparison.Articles[4];
        Assert.False(article5.HeadingChanged);
        Assert.True(article5.TextChanged);
        Assert.Equal(
            [
                new DiffSegment(DiffOperation.Equal, "Open "),
                new DiffSegment(DiffOperation.Deleted, "40"),
                new DiffSegment(DiffOperation.Inserted, "35"),
                new DiffSegment(DiffOperation.Equal, " hours a week."),
            ],
            article5.Diff);

        Assert.Equal([new DiffSegment(DiffOperation.Deleted, "Old rule.")], comparison.Articles[2].Diff);
        Assert.Null(comparison.Articles[2].Newer);
        Assert.Equal([new DiffSegment(DiffOperation.Inserted, "A new rule.")], comparison.Articles[5].Diff);
    }

    [Fact]
    public void Compares_khmer_versions_without_splitting_a_letter()
    {
        var older = AknSamples.ImportKhmer();
        var newerText = AknSamples.KhmerLaw
            .Replace("យ៉ាងតិច ៤០ ម៉ោង", "យ៉ាងតិច ៣៥ ម៉ោង", StringComparison.Ordinal)
            .Replace("ក្រសួងវប្បធម៌ និងវិចិត្រសិល្បៈ", "ក្រសួងអប់រំ", StringComparison.Ordinal)
            .Replace("មាត្រា ៨\nច្បាប់នេះត្រូវប្រកាសឱ្យប្រើជាបន្ទាន់។", "មាត្រា ៨ ថ្មី\nច្បាប់នេះត្រូវប្រកាសឱ្យប្រើជាបន្ទាន់។", StringComparison.Ordinal);
        var newer = AknSamples.Import(newerText, AknSamples.KhmerWork, "khm", new DateOnly(2025, 3, 1));

        var comparison = TextComparer.Compare(older, newer);

        Assert.Equal(new ComparisonSummary(5, 3, 0, 0, 0), comparison.Summary);
        var article6 = comparison.Articles.Single(a => a.EId == "art_6");
        Assert.Equal(ArticleStatus.Changed, article6.Status);
        Assert.Equal(
            [
                new DiffSegment(DiffOperation.Equal, K("បណ្ណាល័យសាធារណៈត្រូវបើកយ៉ាងតិច") + " "),
                new DiffSegment(DiffOperation.Deleted, "៤០"),
                new DiffSegment(DiffOperation.Inserted, "៣៥"),
                new DiffSegment(DiffOperation.Equal, " " + K("ម៉ោងក្នុងមួយសប្តាហ៍។")),
            ],
            article6.Diff);

        var article3 = comparison.Articles.Single(a => a.EId == "art_3");
        Assert.Equal(TextComparer.ArticleText(AknSamples.Unit(older, "art_3")), Older(article3.Diff));
        Assert.Equal(TextComparer.ArticleText(AknSamples.Unit(newer, "art_3")), Newer(article3.Diff));
        Assert.Contains(article3.Diff, s => s.Operation == DiffOperation.Inserted && s.Text.Contains(K("អប់រំ"), StringComparison.Ordinal));
        foreach (var segment in article3.Diff)
        {
            Assert.False(KhmerText.IsCombining(segment.Text[0]), $"The segment \"{segment.Text}\" starts inside a letter.");
        }

        var article8 = comparison.Articles.Single(a => a.EId == "art_8");
        Assert.Equal(ArticleStatus.Changed, article8.Status);
        Assert.True(article8.NumChanged);
        Assert.False(article8.TextChanged);
    }

    [Fact]
    public void A_khmer_change_inside_a_word_keeps_whole_syllables()
    {
        // ក្រុម (group) → ក្រម (code): the change is in the syllable, which is replaced whole.
        var diff = TextComparer.Diff(K("តាមក្រុមនេះ"), K("តាមក្រមនេះ"));
        Assert.Equal(K("តាមក្រុមនេះ"), Older(diff));
        Assert.Equal(K("តាមក្រមនេះ"), Newer(diff));
        Assert.Equal(K("ក្រុ"), diff.Single(s => s.Operation == DiffOperation.Deleted).Text);
        Assert.Equal(K("ក្រ"), diff.Single(s => s.Operation == DiffOperation.Inserted).Text);
    }

    [Fact]
    public void Tokenizes_words_spaces_punctuation_and_syllables()
    {
        Assert.Equal(["Article", " ", "12", ":", " ", "naïve", "  ", "(", "x", ")"], TextComparer.Tokenize("Article 12: naïve  (x)"));
        Assert.Equal([K("ក្រ"), K("សួ"), "ង", " ", "១២", "។"], TextComparer.Tokenize(K("ក្រសួង ១២។")));
    }

    [Fact]
    public void The_diff_is_minimal_on_random_inputs()
    {
        var random = new Random(5);
        for (var round = 0; round < 300; round++)
        {
            var a = RandomText(random, random.Next(0, 30));
            var b = random.Next(3) == 0 ? RandomText(random, random.Next(0, 30)) : Mutate(random, a);
            var diff = TextComparer.Diff(a, b);
            Assert.Equal(a, Older(diff));
            Assert.Equal(b, Newer(diff));
            var edits = diff.Where(s => s.Operation != DiffOperation.Equal).Sum(s => s.Text.Length);
            Assert.Equal(a.Length + b.Length - 2 * Lcs(a, b), edits);
        }
    }

    [Fact]
    public void A_twenty_thousand_character_article_compares()
    {
        var random = new Random(7);
        var words = new[] { "ច្បាប់", "មាត្រា", "រដ្ឋសភា", "ព្រឹទ្ធសភា", "law", "Senate", "១២", "។", " " };
        var older = new StringBuilder();
        while (older.Length < PlainTextImporter.MaxLineLength - 20)
        {
            older.Append(words[random.Next(words.Length)]).Append(' ');
        }

        var oldText = K(older.ToString());
        var newText = oldText[..5000] + " Inserted by amendment " + oldText[5000..15000].Replace("law", "act", StringComparison.Ordinal) + oldText[15500..];
        var unrelated = K(new string(oldText.Reverse().ToArray()));

        var diff = TextComparer.Diff(oldText, newText);
        Assert.Equal(oldText, Older(diff));
        Assert.Equal(newText, Newer(diff));
        var inserted = string.Concat(diff.Where(s => s.Operation == DiffOperation.Inserted).Select(s => s.Text));
        var deleted = string.Concat(diff.Where(s => s.Operation == DiffOperation.Deleted).Select(s => s.Text));
        Assert.Contains("Inserted", inserted, StringComparison.Ordinal);
        Assert.Contains("amendment", inserted, StringComparison.Ordinal);
        var replaced = oldText[5000..15000].Split("law").Length - 1;
        Assert.InRange(inserted.Length, 3 * replaced + 10, 3 * replaced + 30);
        Assert.InRange(deleted.Length, 3 * replaced + 450, 3 * replaced + 550);

        var worst = TextComparer.Diff(oldText, unrelated);
        Assert.Equal(oldText, Older(worst));
        Assert.Equal(unrelated, Newer(worst));
    }

    [Fact]
    public void A_long_article_is_compared_paragraph_by_paragraph_and_stays_exact()
    {
        var random = new Random(11);
        var words = new[] { "ច្បាប់", "មាត្រា", "law", "Senate", "១២", "។" };
        string Paragraph() => K(string.Join(' ', Enumerable.Range(0, 1_500).Select(_ => words[random.Next(words.Length)])));
        var paragraphs = Enumerable.Range(0, 8).Select(_ => Paragraph()).ToList();
        var oldText = string.Join("\n", paragraphs);
        var changed = paragraphs.ToList();
        changed[3] = "Amended. " + changed[3];
        changed[6] = Paragraph();
        var newText = string.Join("\n", changed);
        Assert.True(TextComparer.Tokenize(oldText).Count + TextComparer.Tokenize(newText).Count > TextComparer.MaxDiffTokens);

        var diff = TextComparer.Diff(oldText, newText);

        Assert.Equal(oldText, Older(diff));
        Assert.Equal(newText, Newer(diff));
        Assert.Contains(new DiffSegment(DiffOperation.Inserted, "Amended. "), diff);
        Assert.StartsWith(paragraphs[0] + "\n" + paragraphs[1], diff[0].Text, StringComparison.Ordinal);
        Assert.Equal(DiffOperation.Equal, diff[0].Operation);
    }

    private static string RandomText(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => ".,;:!?"[random.Next(6)]).ToArray());

    private static string Mutate(Random random, string text)
    {
        var chars = text.ToList();
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            if (chars.Count > 0 && random.Next(2) == 0)
            {
                chars.RemoveAt(random.Next(chars.Count));
            }
            else
            {
                chars.Insert(random.Next(chars.Count + 1), ".,;:!?"[random.Next(6)]);
            }
        }

        return new string(chars.ToArray());
    }

    private static int Lcs(string a, string b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }
}

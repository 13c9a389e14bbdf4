using System.Text.Json;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Generation;
using Nokor.Legislation.Search;
using Nokor.Legislation.Tests.Search;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Tests.Generation;

public sealed class SyntheticActsTests
{
    [Fact]
    public void The_same_index_and_seed_give_the_same_act()
    {
        var first = JsonSerializer.Serialize(SyntheticActs.Generate(17, 42));
        var again = JsonSerializer.Serialize(SyntheticActs.Generate(17, 42));
        var listed = JsonSerializer.Serialize(SyntheticActs.Many(18, 42).Last());
        var otherSeed = JsonSerializer.Serialize(SyntheticActs.Generate(17, 43));

        Assert.Equal(first, again);
        Assert.Equal(first, listed);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Acts_have_the_planned_shape()
    {
        var acts = SyntheticActs.Many(300, 7).ToList();

        Assert.Equal(300, acts.Select(a => a.Khmer.Work.Number).Distinct().Count());
        foreach (var act in acts)
        {
            var khmer = act.Khmer;
            Assert.Equal("khm", khmer.Language);
            Assert.Equal(AknDocType.Act, khmer.Work.Type);
            Assert.InRange(khmer.Work.Date, new DateOnly(1993, 1, 1), new DateOnly(2026, 12, 31));
            Assert.InRange(khmer.Body.Count, 2, 6);
            Assert.All(khmer.Body, chapter => Assert.Equal(TextUnitKind.Chapter, chapter.Kind));
            var articles = khmer.Body.SelectMany(c => c.Children).ToList();
            Assert.InRange(articles.Count, 5, 40);
            Assert.Equal(Enumerable.Range(1, articles.Count).Select(i => $"art_{i}"), articles.Select(a => a.EId));
            Assert.All(articles, a => Assert.NotEmpty(a.Text));

            if (act.English is { } english)
            {
                Assert.Equal(khmer.Work, english.Work);
                Assert.Equal(articles.Select(a => a.EId), english.Body.SelectMany(c => c.Children).Select(a => a.EId));
                Assert.StartsWith("Law on ", english.Title, StringComparison.Ordinal);
            }
        }

        var expressions = acts.SelectMany(a => a.Expressions).ToList();
        var khmerShare = expressions.Count(e => e.Text.Language == "khm") / (double)expressions.Count;
        Assert.InRange(khmerShare, 0.55, 0.65);
        Assert.Contains(acts, a => a.Expressions.Any(e => e.Text.VersionDate is not null));
        Assert.Contains(acts, a => a.Khmer.Body.SelectMany(c => c.Children).Any(art => art.Children.Count > 0));
        Assert.True(acts.Select(a => a.Khmer.Work.Date.Year).Distinct().Count() > 25);
    }

    [Fact]
    public void Khmer_texts_are_valid_normalized_Khmer_and_English_texts_have_none()
    {
        foreach (var act in SyntheticActs.Many(100, 3))
        {
            foreach (var expression in act.Expressions)
            {
                var text = expression.Text;
                var strings = Strings(text).ToList();
                Assert.All(strings, s => Assert.False(string.IsNullOrWhiteSpace(s)));
                if (text.Language == "khm")
                {
                    Assert.True(KhmerText.ContainsKhmer(text.Title));
                    Assert.All(strings, s => Assert.Equal(KhmerText.Normalize(s), s));
                    Assert.All(strings, s => Assert.True(KhmerText.Validate(s).IsValid, s));
                }
                else
                {
                    Assert.All(strings, s => Assert.False(KhmerText.ContainsKhmer(s), s));
                }
            }
        }
    }

    [Fact]
    public void The_vocabulary_is_valid_Khmer_and_its_words_occur_in_generated_texts()
    {
        Assert.True(LegalVocabulary.KhmerWords.Length >= 90);
        Assert.All(LegalVocabulary.KhmerWords, w => Assert.True(KhmerText.Validate(w).IsValid, w));
        var phrases = LegalVocabulary.Actors.Concat(LegalVocabulary.Verbs).Concat(LegalVocabulary.Objects)
            .Concat(LegalVocabulary.Qualifiers).Concat(LegalVocabulary.Topics).Concat(LegalVocabulary.ChapterHeadings)
            .Concat(LegalVocabulary.Instruments).ToList();
        Assert.True(phrases.Count >= 200);
        Assert.All(phrases, p => Assert.True(KhmerText.Validate(p.Km).IsValid, p.Km));
        Assert.All(phrases, p => Assert.Equal(KhmerText.Normalize(p.Km), p.Km));

        var corpus = string.Join('\n', SyntheticActs.Many(200, 1).SelectMany(a => Strings(a.Khmer)));
        var missing = LegalVocabulary.KhmerWords.Where(w => !corpus.Contains(w, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count <= 5, string.Join(", ", missing));
    }

    [Fact]
    public void Amended_versions_follow_each_other_in_time()
    {
        var amended = SyntheticActs.Many(200, 11).Where(a => a.Expressions.Any(e => e.Text.VersionDate is not null)).ToList();

        Assert.NotEmpty(amended);
        foreach (var act in amended)
        {
            var original = act.Expressions[0];
            var version = act.Expressions.First(e => e.Text.Language == "khm" && e.Text.VersionDate is not null);
            Assert.Equal(version.ValidFrom, original.ValidTo);
            Assert.Equal(version.ValidFrom, version.Text.VersionDate);
            Assert.True(version.ValidFrom > original.ValidFrom);
            Assert.Null(version.ValidTo);
        }
    }

    [Fact]
    public void A_phrase_taken_from_a_generated_article_finds_that_article()
    {
        var acts = SyntheticActs.Many(40, 5).ToList();
        using var index = SearchTestData.InMemory();
        index.Upsert(acts.SelectMany(a => a.Expressions.Select((e, i) =>
            SearchDocument.From(Guid.NewGuid(), $"{FrbrUri.Work(e.Text.Work)}/{e.Text.Language}@{i}", e.Text, e.ValidFrom, e.ValidTo))));
        index.Commit();

        var act = acts[23];
        var article = act.Khmer.Body.SelectMany(c => c.Children).First(a => a.Text[0].Length > 30);
        var sentence = article.Text[0];
        var phrase = sentence.Substring(0, sentence.IndexOf(' ') is > 8 and var space ? space : 20);

        var results = index.Search(new SearchQuery(phrase) { AllVersions = true, Language = "khm", PageSize = 50 });

        Assert.Contains(results.Hits, h => h.WorkUri == FrbrUri.Work(act.Khmer.Work) && h.EId == article.EId);
        Assert.All(results.Hits, h => Assert.NotEmpty(h.Snippet.Matches));
    }

    private static IEnumerable<string> Strings(LegalText text)
    {
        yield return text.Title;
        foreach (var line in text.Preamble)
        {
            yield return line;
        }

        foreach (var s in Units(text.Body))
        {
            yield return s;
        }
    }

    private static IEnumerable<string> Units(IEnumerable<TextUnit> units)
    {
        foreach (var unit in units)
        {
            yield return unit.Num;
            if (unit.Heading is not null)
            {
                yield return unit.Heading;
            }

            foreach (var line in unit.Text)
            {
                yield return line;
            }

            foreach (var s in Units(unit.Children))
            {
                yield return s;
            }
        }
    }
}

using Nokor.Platform.Names;
using Xunit.Abstractions;

namespace Nokor.Platform.Tests.Names;

/// <summary>
/// The measure of the romanizer against the names the population generator uses: for each row of
/// surnames.tsv and given-names.tsv, does the fold of the romanized Khmer meet the fold of the
/// everyday Latin spelling, and if not, how many edits apart are they.
/// </summary>
public sealed class RomanizerCoverageTests(ITestOutputHelper output)
{
    private static IEnumerable<(string Khmer, string Latin)> Rows(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Nokor.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir.FullName, "src", "Modules", "Nokor.Population", "Generation", "Data", file);
        var header = true;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split('\t');
            yield return (fields[0], fields[1]);
        }
    }

    [Fact]
    public void Romanized_generator_names_fold_like_their_everyday_spelling()
    {
        var rows = Rows("surnames.tsv").Concat(Rows("given-names.tsv")).ToList();
        var exact = 0;
        var withinOne = 0;
        var withinTwo = 0;
        foreach (var (khmer, latin) in rows)
        {
            var romanized = KhmerRomanizer.Romanize(khmer);
            var a = LatinNames.Fold(LatinNames.Letters(romanized));
            var b = LatinNames.Fold(LatinNames.Letters(latin));
            var d = NameDistance.Latin(a, b, 2);
            exact += d == 0 ? 1 : 0;
            withinOne += d <= 1 ? 1 : 0;
            withinTwo += d <= 2 ? 1 : 0;
            if (d > 0)
            {
                output.WriteLine($"{d}\t{khmer}\t{latin}\t{romanized}\t{a}\t{b}");
            }
        }

        double Share(int n) => 100.0 * n / rows.Count;
        output.WriteLine($"rows {rows.Count}: same fold {exact} ({Share(exact):F1} %), within 1 edit {withinOne} ({Share(withinOne):F1} %), within 2 edits {withinTwo} ({Share(withinTwo):F1} %)");
        Assert.Equal(388, rows.Count);
        // Measured when written: 92.5 % same fold, 98.7 % within 1 edit, 99.5 % within 2 (388 rows).
        Assert.True(Share(exact) >= 90, $"same fold {Share(exact):F1} %");
        Assert.True(Share(withinOne) >= 97, $"within 1 edit {Share(withinOne):F1} %");
        Assert.True(Share(withinTwo) >= 99, $"within 2 edits {Share(withinTwo):F1} %");
    }

    [Fact]
    public void Few_generator_names_share_a_fold_with_another_name()
    {
        // Different Latin names of the lists (the same spelling in both lists counted once) whose
        // folds meet: each group is a set a search for one would also show as variants.
        var names = Rows("surnames.tsv").Concat(Rows("given-names.tsv"))
            .Select(r => LatinNames.Letters(r.Latin)).Distinct(StringComparer.Ordinal).ToList();
        var groups = names.GroupBy(LatinNames.Fold).Where(g => g.Count() > 1).ToList();
        foreach (var group in groups)
        {
            output.WriteLine($"{group.Key}: {string.Join(", ", group)}");
        }

        output.WriteLine($"{names.Count} names, {groups.Count} shared folds, {groups.Sum(g => g.Count())} names in them");
        // Measured when written: 8 shared folds among 371 names (Pov / Bou, Dy / Thy, Chhorn / Chorn, Tan / Than, Darith / Tharith, Chantha / Chanda, Kem / Khem, Chhuon / Chuon).
        Assert.True(groups.Count <= 12, $"{groups.Count} shared folds");
    }

    [Fact]
    public void Fold_is_idempotent_on_every_generator_name_and_its_romanization()
    {
        foreach (var (khmer, latin) in Rows("surnames.tsv").Concat(Rows("given-names.tsv")))
        {
            foreach (var letters in new[] { LatinNames.Letters(latin), LatinNames.Letters(KhmerRomanizer.Romanize(khmer)) })
            {
                var once = LatinNames.Fold(letters);
                Assert.Equal(once, LatinNames.Fold(once));
            }
        }
    }

    [Fact]
    public void Fold_is_idempotent_on_random_letter_strings()
    {
        var random = new Random(16);
        var buffer = new char[24];
        for (var round = 0; round < 20000; round++)
        {
            var length = random.Next(1, buffer.Length);
            for (var i = 0; i < length; i++)
            {
                // Weighted towards the letters of Khmer romanizations so that digraphs and vowel runs occur.
                buffer[i] = "aaeeiioouuyhhnnggkcsptdbjvwrlmqxzf"[random.Next(34)];
            }

            var letters = new string(buffer, 0, length);
            var once = LatinNames.Fold(letters);
            Assert.True(once == LatinNames.Fold(once), $"Fold is not idempotent on \"{letters}\": \"{once}\" then \"{LatinNames.Fold(once)}\"");
        }
    }
}

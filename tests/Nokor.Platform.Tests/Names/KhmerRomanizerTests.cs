using Nokor.Platform.Names;

namespace Nokor.Platform.Tests.Names;

public sealed class KhmerRomanizerTests
{
    [Theory]
    [InlineData("សុខ", "sok")]
    [InlineData("ចាន់", "chan")]
    [InlineData("ហេង", "heng")]
    [InlineData("ជា", "chea")]
    [InlineData("ដារ៉ា", "dara")] // MUUSIKATOAN: រ៉ reads in the a-series
    [InlineData("ស៊ុន", "sun")] // TRIISAP: ស៊ reads in the o-series
    [InlineData("ម៉ៅ", "mao")]
    [InlineData("ពៅ", "pov")]
    [InlineData("ស្រីពៅ", "sreipov")]
    [InlineData("កុសល", "kosal")] // ko-sal: the inherent vowel before a final
    [InlineData("រតនា", "ratana")] // ra-ta-na
    [InlineData("សំណាង", "samnang")] // NIKAHIT
    [InlineData("គង់", "kong")] // BANTOC
    [InlineData("ជ័យ", "chey")] // SAMYOK SANNYA before y
    [InlineData("សុភ័ក្ត្រ", "sopheak")] // a final cluster's subscripts are silent
    [InlineData("សុជាតិ", "socheat")] // a final ិ of a learned name is silent
    [InlineData("បញ្ញា", "banha")] // the geminate written once; ប is b (Fold makes it p)
    [InlineData("ប្រាក់", "prak")] // ... and p before a subscript
    [InlineData("គាត", "keat")] // a dental final after a long vowel is t
    [InlineData("ពិសិដ្ឋ", "piseth")]
    [InlineData("ប៊ុនធឿន", "bunthoeun")]
    [InlineData("ខៀវ", "khiev")]
    [InlineData("ឯក", "aek")] // an independent vowel
    [InlineData("វីរៈ", "virak")] // YUUKALEAPINTU
    [InlineData("ម៉េងស្រ៊ុន", "mengsrun")] // ស្រ is an initial cluster, not a geminate
    [InlineData("ស្រីស្រស់", "sreisros")] // a vowelless ស្រ mid-word is an initial cluster
    [InlineData("សម្បត្តិ", "sambath")]
    [InlineData("សុខ ដារ៉ា", "sok dara")]
    [InlineData("Sok សុខ, ចាន់។", "sok chan")]
    [InlineData("Sok", "")]
    public void Romanizes_names_as_they_are_read(string khmer, string expected) =>
        Assert.Equal(expected, KhmerRomanizer.Romanize(khmer));

    [Theory]
    [InlineData("ស្រីពៅ", "Sreypov")]
    [InlineData("ភក្តី", "Pheakdey")]
    [InlineData("ឈឹម", "Chhim")]
    [InlineData("ចំរើន", "Chamroeun")]
    [InlineData("កែវ", "Keo")]
    [InlineData("សុវណ្ណារ៉ា", "Sovannara")]
    [InlineData("វុទ្ធី", "Vuthy")]
    [InlineData("ពេជ្រ", "Pich")]
    [InlineData("គឹមហួរ", "Kimhour")]
    public void Romanizations_fold_like_the_everyday_spelling(string khmer, string latin) =>
        Assert.Equal(LatinNames.Fold(LatinNames.Letters(latin)), LatinNames.Fold(LatinNames.Letters(KhmerRomanizer.Romanize(khmer))));

    [Fact]
    public void Marks_typed_in_another_order_romanize_alike() =>
        // ស៊ុន typed with the vowel before the TRIISAP: Normalize puts the marks in order first.
        Assert.Equal(KhmerRomanizer.Romanize("ស៊ុន"), KhmerRomanizer.Romanize("ស\u17BB\u17CAន"));

    [Fact]
    public void Any_khmer_text_romanizes_to_lower_case_words_without_throwing()
    {
        // Random sequences of Khmer characters, well formed or not (stray marks, a coeng at the end,
        // two vowels): the result is always lower-case letters a–z in words separated by one space.
        var random = new Random(16);
        var buffer = new char[16];
        for (var round = 0; round < 5000; round++)
        {
            var length = random.Next(1, buffer.Length);
            for (var i = 0; i < length; i++)
            {
                buffer[i] = random.Next(12) == 0 ? ' ' : (char)random.Next(0x1780, 0x17DE);
            }

            var text = new string(buffer, 0, length);
            var romanized = KhmerRomanizer.Romanize(text);
            Assert.True(romanized.All(c => c is >= 'a' and <= 'z' or ' '), $"\"{text}\" → \"{romanized}\"");
            Assert.DoesNotContain("  ", romanized, StringComparison.Ordinal);
            Assert.Equal(romanized.Trim(), romanized);
        }
    }
}

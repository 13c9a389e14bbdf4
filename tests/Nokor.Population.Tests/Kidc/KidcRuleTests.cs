using Nokor.Population.Kidc;
using Nokor.Population.Contracts;

namespace Nokor.Population.Tests.Kidc;

public sealed class KidcRuleTests
{
    private static readonly string[] VectorCodes = ["2876543214", "1987654323", "9434765870"];

    [Theory]
    [InlineData("287654321", "2876543214")]
    [InlineData("198765432", "1987654323")]
    [InlineData("943476587", "9434765870")]
    public void The_issue_vectors_complete_to_their_codes(string body, string code)
    {
        Assert.Equal(code, KidcRule.Complete(body));
        Assert.Equal(code[9] - '0', KidcRule.CheckDigit(body));
        Assert.True(KidcRule.HasValidChecksum(code));
    }

    [Fact]
    public void A_body_whose_check_digit_would_be_ten_has_no_code()
    {
        Assert.Null(KidcRule.CheckDigit("123456789"));
        Assert.Null(KidcRule.Complete("123456789"));
        // None of the ten possible last digits makes 123456789x pass.
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(KidcRule.HasValidChecksum("123456789" + d)));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12345678a")]
    public void CheckDigit_refuses_anything_but_nine_digits(string body) =>
        Assert.Throws<ArgumentException>(() => KidcRule.CheckDigit(body));

    [Fact]
    public void Only_codes_with_reserved_digit_1_or_2_are_valid_KIDCs()
    {
        Assert.True(KidcRule.IsValid("2876543214"));
        Assert.True(KidcRule.IsValid("1987654323"));
        Assert.Equal(KidcCategory.ForeignResident, KidcRule.Validate("2876543214").Category);
        Assert.Equal(KidcCategory.Citizen, KidcRule.Validate("1987654323").Category);
        // The checksum holds, but 9 is not a reserved digit in use.
        Assert.True(KidcRule.HasValidChecksum("9434765870"));
        Assert.False(KidcRule.IsValid("9434765870"));
        Assert.Equal(KidcError.UnknownCategory, KidcRule.Validate("9434765870").Error);
    }

    [Theory]
    [InlineData(null, KidcError.Empty)]
    [InlineData("", KidcError.Empty)]
    [InlineData("198765432", KidcError.WrongLength)]
    [InlineData("19876543230", KidcError.WrongLength)]
    [InlineData("19876S4323", KidcError.NotDigits)]
    [InlineData(" 987654323", KidcError.NotDigits)]
    [InlineData("１９８７６５４３２３", KidcError.NotDigits)]
    [InlineData("٠٩٨٧٦٥٤٣٢٣", KidcError.NotDigits)]
    [InlineData("0000000000", KidcError.UnknownCategory)]
    [InlineData("3000000003", KidcError.UnknownCategory)]
    [InlineData("1987654324", KidcError.Checksum)]
    [InlineData("1897654323", KidcError.Checksum)]
    public void Malformed_codes_are_invalid_with_a_reason(string? code, KidcError error)
    {
        var result = KidcRule.Validate(code);
        Assert.False(result.IsValid);
        Assert.Null(result.Category);
        Assert.Equal(error, result.Error);
        Assert.False(string.IsNullOrEmpty(result.Reason));
        Assert.False(KidcRule.IsValid(code));
    }

    private static IEnumerable<string> CodesToMutate()
    {
        var generator = new KidcGenerator();
        return VectorCodes.Concat(Enumerable.Range(0, 1_000).Select(i => generator.Next(i % 2 == 0 ? KidcCategory.Citizen : KidcCategory.ForeignResident)));
    }

    [Fact]
    public void Every_single_digit_change_is_detected()
    {
        var checkedChanges = 0;
        var changed = new char[10];
        foreach (var code in CodesToMutate())
        {
            Assert.True(KidcRule.HasValidChecksum(code), code);
            for (var position = 0; position < 10; position++)
            {
                for (var digit = '0'; digit <= '9'; digit++)
                {
                    if (digit == code[position])
                    {
                        continue;
                    }

                    code.AsSpan().CopyTo(changed);
                    changed[position] = digit;
                    var text = new string(changed);
                    Assert.False(KidcRule.HasValidChecksum(text), $"{code} → {text}");
                    checkedChanges++;
                }
            }
        }

        Assert.Equal(1_003 * 90, checkedChanges);
    }

    [Fact]
    public void Every_adjacent_swap_of_different_digits_is_detected()
    {
        foreach (var code in CodesToMutate())
        {
            for (var i = 0; i < 9; i++)
            {
                if (code[i] == code[i + 1])
                {
                    continue;
                }

                var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
                Assert.False(KidcRule.HasValidChecksum(swapped), $"{code} → {swapped}");
            }
        }
    }

    [Fact]
    public void The_generator_draws_valid_codes_of_the_category_using_every_digit_in_every_position()
    {
        var generator = new KidcGenerator();
        var counts = new int[8, 10];
        const int n = 100_000;
        for (var i = 0; i < n; i++)
        {
            var category = i % 4 == 0 ? KidcCategory.ForeignResident : KidcCategory.Citizen;
            var code = generator.Next(category);
            Assert.True(KidcRule.IsValid(code), code);
            Assert.Equal((char)('0' + (int)category), code[0]);
            for (var p = 0; p < 8; p++)
            {
                counts[p, code[p + 1] - '0']++;
            }
        }

        // Each digit should appear about n/10 = 10,000 times per position (σ ≈ 95); discarding
        // bodies with check digit 10 skews this by well under 1%. Allow ±10%.
        for (var p = 0; p < 8; p++)
        {
            for (var d = 0; d < 10; d++)
            {
                Assert.InRange(counts[p, d], 9_000, 11_000);
            }
        }
    }

    [Fact]
    public void The_generator_never_ends_a_code_with_an_impossible_check_digit_and_uses_all_others()
    {
        var generator = new KidcGenerator();
        var lastDigits = new HashSet<char>();
        for (var i = 0; i < 5_000; i++)
        {
            lastDigits.Add(generator.Next(KidcCategory.Citizen)[9]);
        }

        Assert.Equal(10, lastDigits.Count);
    }

    [Fact]
    public void The_generator_draws_again_when_the_check_digit_would_be_ten()
    {
        // 1 + 23456789 → body 123456789 has no check digit; the next draw 87654321 → 187654321 does.
        var draws = new Queue<int>([23456789, 87654321]);
        var generator = new KidcGenerator(() => draws.Dequeue());
        var code = generator.Next(KidcCategory.Citizen);
        Assert.StartsWith("187654321", code);
        Assert.True(KidcRule.IsValid(code));
        Assert.Empty(draws);
    }

    [Fact]
    public void The_generator_pads_small_draws_with_zeros_and_refuses_out_of_range_sources()
    {
        Assert.Equal(KidcRule.Complete("100000007"), new KidcGenerator(() => 7).Next(KidcCategory.Citizen));
        Assert.Throws<InvalidOperationException>(() => new KidcGenerator(() => KidcGenerator.RandomSpace).Next(KidcCategory.Citizen));
        Assert.Throws<InvalidOperationException>(() => new KidcGenerator(() => -1).Next(KidcCategory.Citizen));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KidcGenerator().Next((KidcCategory)9));
    }

    [Fact]
    public async Task The_generator_is_safe_to_share_between_threads()
    {
        var generator = new KidcGenerator();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 20_000).Select(_ => generator.Next(KidcCategory.Citizen)).ToList())));
        Assert.All(results.SelectMany(r => r), code => Assert.True(KidcRule.IsValid(code)));
    }
}

using Nokor.Population.Kidc;
using KidcRule = Nokor.Population.Kidc.Kidc;

namespace Nokor.Population.Tests.Kidc;

public sealed class KidcRuleTests
{
    [Theory]
    [InlineData("287654321", "2876543214")]
    [InlineData("198765432", "1987654323")]
    [InlineData("943476587", "9434765870")]
    public void The_issue_vectors_complete_to_their_codes(string body, string code)
    {
        Assert.Equal(code, KidcRule.Complete(body));
        Assert.True(KidcRule.HasValidChecksum(code));
    }

    [Fact]
    public void A_body_whose_check_digit_would_be_ten_has_no_code()
    {
        Assert.Null(KidcRule.CheckDigit("123456789"));
        Assert.Null(KidcRule.Complete("123456789"));
    }

    [Fact]
    public void Only_codes_with_reserved_digit_1_or_2_are_valid_KIDCs()
    {
        Assert.True(KidcRule.IsValid("2876543214"));
        Assert.True(KidcRule.IsValid("1987654323"));
        Assert.Equal(KidcCategory.ForeignResident, KidcRule.Validate("2876543214").Category);
        Assert.Equal(KidcCategory.Citizen, KidcRule.Validate("1987654323").Category);
        // The checksum holds, but 9 is not a reserved digit in use.
        Assert.False(KidcRule.IsValid("9434765870"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("198765432")]
    [InlineData("19876543230")]
    [InlineData("19876S4323")]
    [InlineData("１９８７６５４３２３")]
    public void Malformed_codes_are_invalid_with_a_reason(string? code)
    {
        var result = KidcRule.Validate(code);
        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    public static IEnumerable<object[]> ValidCodes()
    {
        yield return ["2876543214"];
        yield return ["1987654323"];
        var generator = new KidcGenerator();
        for (var i = 0; i < 200; i++)
        {
            yield return [generator.Next(i % 2 == 0 ? KidcCategory.Citizen : KidcCategory.ForeignResident)];
        }
    }

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void Every_single_digit_change_is_detected(string code)
    {
        Assert.True(KidcRule.HasValidChecksum(code));
        for (var position = 0; position < 10; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == code[position]) continue;
                var changed = code[..position] + digit + code[(position + 1)..];
                Assert.False(KidcRule.HasValidChecksum(changed), $"{code} → {changed}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void Every_adjacent_swap_of_different_digits_is_detected(string code)
    {
        for (var i = 0; i < 9; i++)
        {
            if (code[i] == code[i + 1]) continue;
            var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
            Assert.False(KidcRule.HasValidChecksum(swapped), $"{code} → {swapped}");
        }
    }

    [Fact]
    public void The_generator_draws_valid_codes_of_the_category_using_every_digit()
    {
        var generator = new KidcGenerator();
        var seen = new bool[8, 10];
        for (var i = 0; i < 20_000; i++)
        {
            var code = generator.Next(KidcCategory.Citizen);
            Assert.True(KidcRule.IsValid(code));
            Assert.Equal('1', code[0]);
            for (var p = 0; p < 8; p++) seen[p, code[p + 1] - '0'] = true;
        }

        Assert.All(Enumerable.Range(0, 80), k => Assert.True(seen[k / 10, k % 10], $"position {k / 10 + 2} never drew {k % 10}"));
        Assert.StartsWith("2", generator.Next(KidcCategory.ForeignResident));
    }

    [Fact]
    public void The_generator_draws_again_when_the_check_digit_would_be_ten()
    {
        // 1 + 23456789 → body 123456789 has no check digit; the next draw 87654321 → 187654321 does.
        var draws = new Queue<int>([23456789, 87654321]);
        var generator = new KidcGenerator(() => draws.Dequeue());
        var code = generator.Next(KidcCategory.Citizen);
        Assert.StartsWith("187654321", code);
        Assert.Empty(draws);
    }
}

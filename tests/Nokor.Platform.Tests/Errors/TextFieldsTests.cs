using Nokor.Platform.Errors;

namespace Nokor.Platform.Tests.Errors;

public sealed class TextFieldsTests
{
    private const string KaWithDanglingCoeng = "\u1780\u17D2";

    private static (string? Value, IDictionary<string, string[]> Errors) Read(string? text, int max = 20, bool required = false, bool validateKhmer = true)
    {
        var errors = new FieldErrors();
        var value = TextFields.Read(errors, "note", text, max, required, validateKhmer);
        return (value, errors.ToDictionary());
    }

    [Fact]
    public void Blank_text_is_null_and_an_error_only_when_required()
    {
        var (value, errors) = Read("   ");
        Assert.Null(value);
        Assert.Empty(errors);

        (value, errors) = Read(" \t ", required: true);
        Assert.Null(value);
        Assert.Equal(new Dictionary<string, string[]> { ["note"] = ["This field is required."] }, errors);
    }

    [Fact]
    public void White_space_is_collapsed_and_the_text_normalized()
    {
        var (value, errors) = Read("  Phum \t Thmei\n 3 ");
        Assert.Equal("Phum Thmei 3", value);
        Assert.Empty(errors);
        Assert.Equal("e\u0301".Normalize(), Read("e\u0301").Value);
    }

    [Fact]
    public void Text_longer_than_the_maximum_is_refused_with_the_limit()
    {
        var (value, errors) = Read("abcdef", max: 5);
        Assert.Null(value);
        Assert.Equal(new Dictionary<string, string[]> { ["note"] = ["This text is longer than 5 characters."] }, errors);
        Assert.Equal("abcde", Read("abcde", max: 5).Value);
    }

    [Fact]
    public void Control_characters_are_refused()
    {
        var (value, errors) = Read("a\u0007b");
        Assert.Null(value);
        Assert.Equal(new Dictionary<string, string[]> { ["note"] = ["This text contains control characters."] }, errors);
    }

    [Fact]
    public void Broken_Khmer_is_refused_only_when_asked()
    {
        var (value, errors) = Read(KaWithDanglingCoeng);
        Assert.Null(value);
        Assert.Equal(new Dictionary<string, string[]> { ["note"] = ["A coeng (U+17D2) must be followed by the consonant it places below."] }, errors);

        (value, errors) = Read(KaWithDanglingCoeng, validateKhmer: false);
        Assert.Equal(KaWithDanglingCoeng, value);
        Assert.Empty(errors);
    }
}

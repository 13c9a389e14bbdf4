using System.Text;
using System.Text.RegularExpressions;

namespace Nokor.Platform.Khmer;

/// <summary>
/// The checks every module applies to a person's name as typed: Khmer names normalized and valid
/// Khmer script, Latin names in Latin letters, both at most <see cref="MaxLength"/> characters.
/// Callers decide what a missing name means; these take the text as given.
/// </summary>
public static partial class PersonNames
{
    public const int MaxLength = 100;

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M} '\-\.]*$")]
    private static partial Regex LatinNamePattern();

    /// <summary>The normalized Khmer name, or null with the reason in <paramref name="error"/>.</summary>
    public static string? Khmer(string text, out string? error)
    {
        var normalized = KhmerText.Normalize(text.Trim());
        if ((error = LengthError(normalized)) is not null)
        {
            return null;
        }

        if (!KhmerText.ContainsKhmer(normalized))
        {
            error = "Write this name in Khmer script.";
            return null;
        }

        if (!KhmerText.TryValidate(normalized, out var problem))
        {
            error = problem;
            return null;
        }

        return normalized;
    }

    /// <summary>The Latin name with its spaces collapsed, or null with the reason in <paramref name="error"/>.</summary>
    public static string? Latin(string text, out string? error)
    {
        var normalized = string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if ((error = LengthError(normalized)) is not null)
        {
            return null;
        }

        if (!LatinNamePattern().IsMatch(normalized) || KhmerText.ContainsKhmer(normalized))
        {
            error = "Write this name in Latin letters (spaces, hyphens and apostrophes allowed).";
            return null;
        }

        return normalized;
    }

    private static string? LengthError(string normalized) =>
        normalized.Length == 0 ? "This name is empty."
        : normalized.Length > MaxLength ? $"This name is longer than {MaxLength} characters."
        : null;
}

using System.Text;
using Nokor.Platform.Khmer;

namespace Nokor.Platform.Errors;

/// <summary>
/// The one check of a free-text field (an address, a place, a description) that every module
/// applies to what a caller types: runs of white space become one space, the text is put in
/// Unicode NFC and, when it holds Khmer, in the normalized Khmer order; then it must be at most a
/// given length and free of control characters. Names have their own checks in
/// <see cref="PersonNames"/>.
/// </summary>
public static class TextFields
{
    /// <summary>The error for a required field left blank.</summary>
    public const string RequiredMessage = "This field is required.";

    /// <summary>The error for text with a control character.</summary>
    public const string ControlCharactersMessage = "This text contains control characters.";

    /// <summary>The error for text longer than <paramref name="max"/> characters (after normalization).</summary>
    public static string TooLongMessage(int max) => $"This text is longer than {max} characters.";

    /// <summary>
    /// The normalized text of <paramref name="field"/>, or null: when the text is blank (an error
    /// is added only when <paramref name="required"/>) or when it fails a check (the error is
    /// added). With <paramref name="validateKhmer"/>, Khmer text must also be well formed
    /// (<see cref="KhmerText.TryValidate"/>), which is checked first.
    /// </summary>
    public static string? Read(FieldErrors errors, string field, string? text, int max, bool required, bool validateKhmer)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, RequiredMessage);
            return null;
        }

        var value = string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (KhmerText.ContainsKhmer(value))
        {
            value = KhmerText.Normalize(value);
            if (validateKhmer && !KhmerText.TryValidate(value, out var problem))
            {
                errors.Add(field, problem);
                return null;
            }
        }

        if (value.Length > max)
        {
            errors.Add(field, TooLongMessage(max));
            return null;
        }

        if (value.Any(char.IsControl))
        {
            errors.Add(field, ControlCharactersMessage);
            return null;
        }

        return value;
    }
}

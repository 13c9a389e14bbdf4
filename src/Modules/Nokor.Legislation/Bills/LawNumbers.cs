using System.Text;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Bills;

/// <summary>
/// A royal kram number such as NS/RKM/0524/012 as the number part of an FRBR work URI
/// (the naming convention allows lower-case letters, digits and hyphens): ns-rkm-0524-012.
/// Khmer digits are read as digits.
/// </summary>
internal static class LawNumbers
{
    public static string? Slug(string? number)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 60)
        {
            return null;
        }

        var slug = new StringBuilder();
        foreach (var c in number.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (KhmerNumerals.IsKhmerDigit(c))
            {
                slug.Append(KhmerNumerals.ToArabicDigit(c));
            }
            else if (c is '/' or '-' or '.' or ' ')
            {
                if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
            else
            {
                return null;
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? null : result;
    }
}

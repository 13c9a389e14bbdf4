namespace Nokor.Population.Contracts;

/// <summary>The reserved first digit of a KIDC (NSPI 6.3 and glossary 14).</summary>
public enum KidcCategory
{
    /// <summary>1: assigned at registration as a Cambodian citizen (birth registration, naturalization).</summary>
    Citizen = 1,
    /// <summary>2: a foreigner living and working in Cambodia for a prolonged period (NSPI 6.3.2).</summary>
    ForeignResident = 2,
}

/// <summary>Why a string is not a valid KIDC (stable, machine-readable; the message is in <see cref="KidcValidationResult.Reason"/>).</summary>
public enum KidcError
{
    /// <summary>The code is valid.</summary>
    None,
    /// <summary>Null or empty.</summary>
    Empty,
    /// <summary>Not exactly ten characters.</summary>
    WrongLength,
    /// <summary>A character other than the ASCII digits 0–9.</summary>
    NotDigits,
    /// <summary>The first digit is not a reserved digit in use (1 or 2).</summary>
    UnknownCategory,
    /// <summary>The Modulus 11 check fails: a digit is wrong or two are swapped.</summary>
    Checksum,
}

/// <summary>Whether a KIDC is valid; when it is, its category, and when not, why.</summary>
/// <param name="IsValid">True when the code is well formed, of a known category and passes the checksum.</param>
/// <param name="Category">The category of a valid code, else null.</param>
/// <param name="Error">The first rule the code breaks, or <see cref="KidcError.None"/>.</param>
/// <param name="Reason">An English sentence for people, or null when valid.</param>
public sealed record KidcValidationResult(bool IsValid, KidcCategory? Category, KidcError Error, string? Reason);

/// <summary>
/// The Khmer Identification Code rule (NSPI 6.3: "ten digits in total, constructed from one
/// reserved digit, eight random digits, plus one checksum digit that is based on the Modulus 11
/// algorithm"). The check digit is c = (11 − S mod 11) mod 11 with S = Σ (11 − i)·dᵢ over the first
/// nine digits (weights 10..2); a body whose c would be 10 is never issued. A code is valid iff
/// Σ (11 − i)·dᵢ over all ten digits ≡ 0 (mod 11). This catches every single-digit error and every
/// transposition of adjacent digits.
/// </summary>
public static class KidcRule
{
    /// <summary>Digits in a KIDC.</summary>
    public const int Length = 10;

    /// <summary>
    /// The check digit for nine digits (any nine: the reserved digit is not checked here), or null
    /// when it would be 10 (such bodies are discarded, NSPI 6.3). Throws when the input is not nine
    /// ASCII digits.
    /// </summary>
    public static int? CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != Length - 1)
        {
            throw new ArgumentException("A KIDC body has nine digits.", nameof(nineDigits));
        }

        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var d = nineDigits[i] - '0';
            if (d is < 0 or > 9)
            {
                throw new ArgumentException("A KIDC body has only digits.", nameof(nineDigits));
            }

            sum += (Length - i) * d;
        }

        var c = (11 - sum % 11) % 11;
        return c == 10 ? null : c;
    }

    /// <summary>The ten-digit code for a nine-digit body, or null when the body has no check digit.</summary>
    public static string? Complete(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        return CheckDigit(nineDigits) is { } c ? nineDigits + (char)('0' + c) : null;
    }

    /// <summary>True when ten digits satisfy the Modulus 11 rule, whatever the first digit.</summary>
    public static bool HasValidChecksum(string? code)
    {
        if (code is not { Length: Length })
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            var d = code[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            sum += (Length - i) * d;
        }

        return sum % 11 == 0;
    }

    /// <summary>True when the code is ten ASCII digits, starts with 1 or 2 and passes the Modulus 11 check.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: Length } && code[0] is ('1' or '2') && HasValidChecksum(code);

    /// <summary>Checks the code rule by rule and says which one fails first.</summary>
    public static KidcValidationResult Validate(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return new(false, null, KidcError.Empty, "The code is empty.");
        }

        if (code.Length != Length)
        {
            return new(false, null, KidcError.WrongLength, $"A KIDC has {Length} digits; this has {code.Length} characters.");
        }

        if (!code.All(char.IsAsciiDigit))
        {
            return new(false, null, KidcError.NotDigits, "A KIDC has only the digits 0-9.");
        }

        if (code[0] is not ('1' or '2'))
        {
            return new(false, null, KidcError.UnknownCategory, "The first digit must be 1 (citizen) or 2 (foreign resident).");
        }

        if (!HasValidChecksum(code))
        {
            return new(false, null, KidcError.Checksum, "The check digit does not match (a digit is wrong or two are swapped).");
        }

        return new(true, (KidcCategory)(code[0] - '0'), KidcError.None, null);
    }
}

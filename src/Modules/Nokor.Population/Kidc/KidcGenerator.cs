using System.Security.Cryptography;

namespace Nokor.Population.Kidc;

/// <summary>
/// Draws KIDC candidates: the category digit, eight digits from a cryptographically secure source
/// (so a code says nothing about the person and cannot be guessed from another; NSPI 6.3), and the
/// check digit. The eight digits are one uniform draw from 0..99,999,999
/// (<see cref="RandomNumberGenerator.GetInt32(int, int)"/> rejects out-of-range values, so there
/// is no modulo bias). Bodies whose check digit would be 10 are drawn again (NSPI 6.3: such codes
/// are not issued). Uniqueness is the <see cref="KidcService"/>'s job. Thread-safe with the default
/// source; a source given to the constructor must be as thread-safe as its callers need.
/// </summary>
public sealed class KidcGenerator
{
    /// <summary>The number of values of the eight random digits.</summary>
    public const int RandomSpace = 100_000_000;

    private readonly Func<int> _draw;

    /// <summary>A generator over the operating system's CSPRNG.</summary>
    public KidcGenerator()
        : this(static () => RandomNumberGenerator.GetInt32(0, RandomSpace))
    {
    }

    /// <summary>With a given source of eight-digit draws (0..99,999,999), for tests that force collisions.</summary>
    public KidcGenerator(Func<int> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        _draw = draw;
    }

    /// <summary>A fresh code of the category: valid, but not yet checked against the codes issued.</summary>
    public string Next(KidcCategory category)
    {
        if (category is not (KidcCategory.Citizen or KidcCategory.ForeignResident))
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown KIDC category.");
        }

        return string.Create(Kidc.Length, (this, category), static (code, state) =>
        {
            var (generator, category) = state;
            while (true)
            {
                var random = generator._draw();
                if (random is < 0 or >= RandomSpace)
                {
                    throw new InvalidOperationException("The random source must give 0..99,999,999.");
                }

                code[0] = (char)('0' + (int)category);
                for (var i = 8; i >= 1; i--)
                {
                    code[i] = (char)('0' + random % 10);
                    random /= 10;
                }

                if (Kidc.CheckDigit(code[..9]) is { } c)
                {
                    code[9] = (char)('0' + c);
                    return;
                }
            }
        });
    }
}

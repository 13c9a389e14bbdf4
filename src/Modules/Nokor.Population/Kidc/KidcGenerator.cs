using System.Globalization;
using System.Security.Cryptography;

namespace Nokor.Population.Kidc;

/// <summary>
/// Draws KIDC candidates: the category digit, eight digits from a cryptographically secure source
/// (so a code says nothing about the person and cannot be guessed from another; NSPI 6.3), and the
/// check digit. Bodies whose check digit would be 10 are drawn again. Uniqueness is the
/// <see cref="KidcService"/>'s job.
/// </summary>
public sealed class KidcGenerator
{
    public const int RandomSpace = 100_000_000;

    private readonly Func<int> _draw;

    public KidcGenerator()
        : this(() => RandomNumberGenerator.GetInt32(0, RandomSpace))
    {
    }

    /// <summary>With a given source of eight-digit draws, for tests that force collisions.</summary>
    public KidcGenerator(Func<int> draw) => _draw = draw;

    public string Next(KidcCategory category)
    {
        Span<char> body = stackalloc char[9];
        while (true)
        {
            var random = _draw();
            if (random is < 0 or >= RandomSpace)
            {
                throw new InvalidOperationException("The random source must give 0..99,999,999.");
            }

            body[0] = (char)('0' + (int)category);
            random.TryFormat(body[1..], out _, "D8", CultureInfo.InvariantCulture);
            if (Kidc.CheckDigit(body) is { } c)
            {
                return string.Concat(body, [(char)('0' + c)]);
            }
        }
    }
}

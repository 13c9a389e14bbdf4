using System.Security.Cryptography;

namespace Nokor.Population.Contracts;

/// <summary>
/// Draws KIDC candidates: the category digit, eight digits from a cryptographically secure source
/// (so a code says nothing about the person and cannot be guessed from another; NSPI 6.3), and the
/// check digit. The eight digits are one uniform draw from 0..99,999,999: 32 bits from
/// <see cref="RandomNumberGenerator"/>, values at or above 4,200,000,000 (the largest multiple of
/// 10^8 below 2^32) rejected, the rest taken modulo 10^8, so there is no modulo bias. Bodies whose
/// check digit would be 10 are drawn again (NSPI 6.3: such codes are not issued). A drawn code is
/// only a candidate: uniqueness is the registry's job, which alone issues codes and checks each
/// against every code ever issued (<see cref="IKidcIssuance"/> for bulk loads). Thread-safe with
/// the default source; a source given to the constructor must be as thread-safe as its callers need.
/// </summary>
public sealed class KidcGenerator
{
    /// <summary>The number of values of the eight random digits.</summary>
    public const int RandomSpace = 100_000_000;

    private readonly Func<int> _draw;

    /// <summary>A generator over the operating system's CSPRNG.</summary>
    public KidcGenerator()
        : this(SecureDraw)
    {
    }

    /// <summary>With a given source of eight-digit draws (0..99,999,999), for tests that force collisions.</summary>
    public KidcGenerator(Func<int> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        _draw = draw;
    }

    // Random bytes are fetched from the CSPRNG a few kilobytes at a time (one call per draw costs
    // a call into the operating system's generator); each thread has its own buffer.
    private const int BufferSize = 4096;
    // The largest multiple of 10^8 below 2^32: 32-bit values at or above it are rejected, so every
    // value 0..99,999,999 is equally likely (no modulo bias).
    private const uint RejectFrom = 4_200_000_000;

    [ThreadStatic]
    private static byte[]? _buffer;

    [ThreadStatic]
    private static int _position;

    private static int SecureDraw()
    {
        while (true)
        {
            var buffer = _buffer;
            if (buffer is null || _position > BufferSize - sizeof(uint))
            {
                buffer = _buffer ??= new byte[BufferSize];
                RandomNumberGenerator.Fill(buffer);
                _position = 0;
            }

            var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(_position));
            // Each random byte is used once, then wiped.
            buffer.AsSpan(_position, sizeof(uint)).Clear();
            _position += sizeof(uint);
            if (value < RejectFrom)
            {
                return (int)(value % RandomSpace);
            }
        }
    }

    /// <summary>A fresh code of the category: valid, but not yet checked against the codes issued.</summary>
    public string Next(KidcCategory category)
    {
        if (category is not (KidcCategory.Citizen or KidcCategory.ForeignResident))
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown KIDC category.");
        }

        return string.Create(KidcRule.Length, (this, category), static (code, state) =>
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

                if (KidcRule.CheckDigit(code[..9]) is { } c)
                {
                    code[9] = (char)('0' + c);
                    return;
                }
            }
        });
    }
}

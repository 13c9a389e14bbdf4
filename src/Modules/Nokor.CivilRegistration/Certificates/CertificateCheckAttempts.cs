namespace Nokor.CivilRegistration.Certificates;

/// <summary>
/// Counts wrong check codes per registration number, so that a code cannot be guessed by trying:
/// after <see cref="Limit"/> wrong codes within <see cref="Window"/> of the first one, every
/// certificate of that registration answers "too many attempts" (HTTP 429 with Retry-After) until
/// the window ends, whatever code is given. The QR-code check is not affected (a signed token cannot
/// be guessed), so a holder of the paper can still verify it while someone else is guessing.
/// <para>
/// Scope: in the memory of one host process (a singleton). A restart forgets the counts, and
/// several hosts behind one address each count on their own (N hosts allow N × <see cref="Limit"/>
/// guesses an hour), which the 50 bits of the code make harmless. At most <see cref="MaxTracked"/>
/// numbers are tracked; when that many have wrong guesses in the current window, a code for a
/// number not yet tracked is refused as "too many attempts" too (fail closed) until entries expire.
/// </para>
/// </summary>
internal sealed class CertificateCheckAttempts(TimeProvider clock)
{
    public const int Limit = 5;

    public const int MaxTracked = 50_000;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly Dictionary<string, (DateTimeOffset Start, int Failures)> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Takes one attempt for the number: false with the time to wait when it is locked. The attempt
    /// counts as wrong until <see cref="Succeeded"/> gives it back, so that requests racing each
    /// other cannot try more than <see cref="Limit"/> codes.
    /// </summary>
    public bool TryBegin(string registrationNumber, out TimeSpan wait)
    {
        var now = clock.GetUtcNow();
        wait = TimeSpan.Zero;
        lock (_lock)
        {
            if (_failures.TryGetValue(registrationNumber, out var entry) && entry.Start + Window > now)
            {
                if (entry.Failures >= Limit)
                {
                    wait = entry.Start + Window - now;
                    return false;
                }

                _failures[registrationNumber] = (entry.Start, entry.Failures + 1);
                return true;
            }

            if (_failures.Count >= MaxTracked)
            {
                Sweep(now);
                if (_failures.Count >= MaxTracked)
                {
                    wait = _failures.Values.Min(e => e.Start) + Window - now;
                    return false;
                }
            }

            _failures[registrationNumber] = (now, 1);
            return true;
        }
    }

    /// <summary>The code was right: the attempt taken by <see cref="TryBegin"/> is given back.</summary>
    public void Succeeded(string registrationNumber)
    {
        lock (_lock)
        {
            if (_failures.TryGetValue(registrationNumber, out var entry))
            {
                if (entry.Failures <= 1)
                {
                    _failures.Remove(registrationNumber);
                }
                else
                {
                    _failures[registrationNumber] = (entry.Start, entry.Failures - 1);
                }
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var key in _failures.Where(e => e.Value.Start + Window <= now).Select(e => e.Key).ToList())
        {
            _failures.Remove(key);
        }
    }
}

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

    /// <summary>How long the number stays locked, or null when a code may be tried now.</summary>
    public TimeSpan? LockedFor(string registrationNumber)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_failures.TryGetValue(registrationNumber, out var entry))
            {
                var end = entry.Start + Window;
                if (end <= now)
                {
                    _failures.Remove(registrationNumber);
                    return null;
                }

                return entry.Failures >= Limit ? end - now : null;
            }

            if (_failures.Count >= MaxTracked)
            {
                Sweep(now);
                if (_failures.Count >= MaxTracked)
                {
                    return _failures.Values.Min(e => e.Start) + Window - now;
                }
            }

            return null;
        }
    }

    /// <summary>Records a wrong code for the number.</summary>
    public void Failed(string registrationNumber)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_failures.TryGetValue(registrationNumber, out var entry) && entry.Start + Window > now)
            {
                _failures[registrationNumber] = (entry.Start, entry.Failures + 1);
                return;
            }

            if (_failures.Count >= MaxTracked)
            {
                Sweep(now);
            }

            _failures[registrationNumber] = (now, 1);
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

using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Nokor.Platform.Staff;

/// <summary>The sign-in limits (configuration section Auth:SignIn).</summary>
public sealed class SignInLimits
{
    /// <summary>Sign-in attempts (any account, password or second factor, token or page) per client per minute.</summary>
    public int PerAddressPerMinute { get; init; } = 20;

    /// <summary>Failed attempts one client may make on one account before it must wait.</summary>
    public int FreeFailures { get; init; } = 5;

    /// <summary>The first wait; each further failure doubles it.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failures on one account from everywhere within <see cref="AccountWindow"/> after which every
    /// failing client waits from its first failure (slows a distributed guess; a client that has not
    /// failed is never held back, so the real user still signs in).
    /// </summary>
    public int AccountFailuresBeforeSlowdown { get; init; } = 50;

    public TimeSpan AccountWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A client's failures on an account are forgotten after this long without one.</summary>
    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromHours(1);

    public static SignInLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth:SignIn");
        var defaults = new SignInLimits();
        return new SignInLimits
        {
            PerAddressPerMinute = section.GetValue(nameof(PerAddressPerMinute), defaults.PerAddressPerMinute),
            FreeFailures = section.GetValue(nameof(FreeFailures), defaults.FreeFailures),
            FirstDelay = TimeSpan.FromSeconds(section.GetValue("FirstDelaySeconds", defaults.FirstDelay.TotalSeconds)),
            MaxDelay = TimeSpan.FromSeconds(section.GetValue("MaxDelaySeconds", defaults.MaxDelay.TotalSeconds)),
            AccountFailuresBeforeSlowdown = section.GetValue(nameof(AccountFailuresBeforeSlowdown), defaults.AccountFailuresBeforeSlowdown),
            AccountWindow = TimeSpan.FromSeconds(section.GetValue("AccountWindowSeconds", defaults.AccountWindow.TotalSeconds)),
            ForgetAfter = TimeSpan.FromSeconds(section.GetValue("ForgetAfterSeconds", defaults.ForgetAfter.TotalSeconds)),
        };
    }
}

/// <summary>
/// Throttles sign-in (POST /api/auth/token and the /login form) without letting anyone lock an
/// account: a wrong password never locks the account itself. Instead (all numbers in
/// <see cref="SignInLimits"/>): each client (<see cref="Hosting.ClientPartition"/>: IPv4 address or
/// IPv6 /64) has a budget of attempts per minute; each (account, client) pair may fail a few times,
/// then waits with exponential back-off, reset by a success; and when an account collects many
/// failures from everywhere, every failing client waits from its first failure. A client that has
/// not failed on the account (the real user at their own desk) is not held back by what others do.
/// Counts are kept in this host's memory: behind a load balancer each host counts for itself.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private const int MaxTracked = 200_000;

    private readonly SignInLimits _limits;
    private readonly TimeProvider _time;
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly ConcurrentDictionary<(string Account, string Client), Failures> _pairs = new();
    private readonly ConcurrentDictionary<string, AccountFailures> _accounts = new(StringComparer.Ordinal);

    public SignInThrottle(SignInLimits limits, TimeProvider time)
    {
        _limits = limits;
        _time = time;
        _perAddress = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limits.PerAddressPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    public SignInLimits Limits => _limits;

    /// <summary>
    /// Whether this client may try this account now; null when it may, else how long to wait.
    /// Every call counts against the client's per-minute budget.
    /// </summary>
    public TimeSpan? Check(string accountName, string client)
    {
        using var lease = _perAddress.AttemptAcquire(client);
        if (!lease.IsAcquired)
        {
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) && retry > TimeSpan.Zero ? retry : TimeSpan.FromMinutes(1);
        }

        var now = _time.GetUtcNow();
        if (!_pairs.TryGetValue((Normalize(accountName), client), out var failures))
        {
            return null;
        }

        lock (failures)
        {
            if (now - failures.Last > _limits.ForgetAfter)
            {
                return null;
            }

            var wait = failures.NextAllowed - now;
            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    /// <summary>Records a failed attempt (wrong password, unknown account, wrong second factor).</summary>
    public void Failed(string accountName, string client)
    {
        var now = _time.GetUtcNow();
        var account = Normalize(accountName);
        var accountFailures = _accounts.GetOrAdd(account, _ => new AccountFailures());
        int recent;
        lock (accountFailures)
        {
            while (accountFailures.Times.Count > 0 && now - accountFailures.Times.Peek() > _limits.AccountWindow)
            {
                accountFailures.Times.Dequeue();
            }

            // Only the count matters past the threshold: keep the queue bounded.
            if (accountFailures.Times.Count <= _limits.AccountFailuresBeforeSlowdown * 2)
            {
                accountFailures.Times.Enqueue(now);
            }

            recent = accountFailures.Times.Count;
        }

        Prune(now);
        var failures = _pairs.GetOrAdd((account, client), _ => new Failures());
        lock (failures)
        {
            if (now - failures.Last > _limits.ForgetAfter)
            {
                failures.Count = 0;
            }

            failures.Count++;
            failures.Last = now;
            var free = recent >= _limits.AccountFailuresBeforeSlowdown ? 0 : _limits.FreeFailures;
            var over = failures.Count - free;
            if (over > 0)
            {
                var seconds = _limits.FirstDelay.TotalSeconds * Math.Pow(2, Math.Min(over - 1, 30));
                failures.NextAllowed = now + TimeSpan.FromSeconds(Math.Min(seconds, _limits.MaxDelay.TotalSeconds));
            }
        }
    }

    /// <summary>A successful sign-in clears this client's failures on the account.</summary>
    public void Succeeded(string accountName, string client) => _pairs.TryRemove((Normalize(accountName), client), out _);

    private void Prune(DateTimeOffset now)
    {
        if (_pairs.Count < MaxTracked && _accounts.Count < MaxTracked)
        {
            return;
        }

        foreach (var (key, value) in _pairs)
        {
            if (now - value.Last > _limits.ForgetAfter || value.NextAllowed < now)
            {
                _pairs.TryRemove(key, out _);
            }
        }

        foreach (var (key, value) in _accounts)
        {
            lock (value)
            {
                if (value.Times.Count == 0 || now - value.Times.Peek() > _limits.AccountWindow)
                {
                    _accounts.TryRemove(key, out _);
                }
            }
        }
    }

    private static string Normalize(string accountName) => accountName.Trim().ToUpperInvariant();

    public void Dispose() => _perAddress.Dispose();

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset Last;
        public DateTimeOffset NextAllowed;
    }

    private sealed class AccountFailures
    {
        public Queue<DateTimeOffset> Times { get; } = new();
    }
}

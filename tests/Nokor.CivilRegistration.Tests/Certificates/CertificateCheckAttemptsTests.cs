using Nokor.CivilRegistration.Certificates;

namespace Nokor.CivilRegistration.Tests.Certificates;

public sealed class CertificateCheckAttemptsTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Five_wrong_codes_lock_the_number_until_the_hour_after_the_first_ends_and_other_numbers_are_free()
    {
        var attempts = new CertificateCheckAttempts(_clock);
        for (var i = 0; i < CertificateCheckAttempts.Limit; i++)
        {
            Assert.True(attempts.TryBegin("B120101-2026-000042", out _));
            _clock.Now += TimeSpan.FromMinutes(1);
        }

        Assert.False(attempts.TryBegin("B120101-2026-000042", out var wait));
        Assert.Equal(TimeSpan.FromMinutes(55), wait);
        Assert.True(attempts.TryBegin("B120101-2026-000043", out _));

        _clock.Now += TimeSpan.FromMinutes(55);
        Assert.True(attempts.TryBegin("B120101-2026-000042", out _));
    }

    [Fact]
    public void A_right_code_gives_its_attempt_back()
    {
        var attempts = new CertificateCheckAttempts(_clock);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(attempts.TryBegin("B120101-2026-000042", out _));
            attempts.Succeeded("B120101-2026-000042");
        }

        for (var i = 0; i < CertificateCheckAttempts.Limit; i++)
        {
            Assert.True(attempts.TryBegin("B120101-2026-000042", out _));
        }

        Assert.False(attempts.TryBegin("B120101-2026-000042", out _));
    }

    [Fact]
    public void When_the_table_is_full_a_new_number_is_refused_until_entries_expire()
    {
        var attempts = new CertificateCheckAttempts(_clock);
        for (var i = 0; i < CertificateCheckAttempts.MaxTracked; i++)
        {
            Assert.True(attempts.TryBegin($"N{i}", out _));
        }

        Assert.False(attempts.TryBegin("B120101-2026-000042", out var wait));
        Assert.Equal(CertificateCheckAttempts.Window, wait);
        Assert.True(attempts.TryBegin("N7", out _));

        _clock.Now += CertificateCheckAttempts.Window;
        Assert.True(attempts.TryBegin("B120101-2026-000042", out _));
    }
}

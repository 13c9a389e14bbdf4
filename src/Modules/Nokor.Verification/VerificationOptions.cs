namespace Nokor.Verification;

/// <summary>Settings under <c>Verification</c>.</summary>
internal sealed class VerificationOptions
{
    public const string Section = "Verification";

    /// <summary>How often the projection asks the registry's change feed for news when idle.</summary>
    public int ProjectionPollMilliseconds { get; set; } = 200;

    /// <summary>Whether this host runs the projection (one host may do it for several).</summary>
    public bool RunProjection { get; set; } = true;

    /// <summary>Whether this host processes bulk jobs.</summary>
    public bool RunBulkJobs { get; set; } = true;

    /// <summary>The largest bulk file accepted, in rows (issue 4: up to 100,000).</summary>
    public int MaxBulkRows { get; set; } = 100_000;
}

namespace Nokor.Population.Contracts;

/// <summary>
/// Whether an issued KIDC is held by its person or voided (never reused either way, NSPI 6.3).
/// <para>
/// Public, in the door, although only the registry stores it: an enum that Entity Framework
/// converts for a column must be public. With this enum internal (issue 15 made it so), civil
/// registration lost about a fifth of its births per second in steady state (1M-person registry,
/// 2 cores: 135–147 births/s before, 97–121 after, 141–151 with the enum public again; measured by
/// bisecting the issue 15 merge with <c>bench/crvs-load.sh</c>, docs/benchmarks.md).
/// </para>
/// </summary>
public enum KidcStatus
{
    Assigned,
    Voided,
}

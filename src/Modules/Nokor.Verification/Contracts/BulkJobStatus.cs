namespace Nokor.Verification.Contracts;

/// <summary>
/// Where a bulk verification job stands. Public, in the door, because Entity Framework converts it
/// for a column: an internal enum stored that way costs Entity Framework a slow path on every use
/// (see <c>Nokor.Population.Contracts.KidcStatus</c>, where it was measured).
/// </summary>
public enum BulkJobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

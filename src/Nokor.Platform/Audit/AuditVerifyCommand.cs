using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Nokor.Platform.Audit;

/// <summary>What <c>nokor audit verify</c> prints and returns.</summary>
internal sealed record AuditVerifyOutcome(int ExitCode, string Message, AuditVerification? Verification);

/// <summary>
/// The logic of <c>nokor audit verify</c>, kept beside the verifier so that it is tested as the
/// command runs it; the CLI adds only the progress display and the printing.
/// </summary>
internal static class AuditVerifyCommand
{
    public const int Intact = Chains.ChainExitCodes.Intact;
    public const int Broken = Chains.ChainExitCodes.Broken;
    public const int Misuse = Chains.ChainExitCodes.Misuse;
    public const int WitnessRefused = Chains.ChainExitCodes.WitnessRefused;

    /// <param name="services">The root service provider.</param>
    /// <param name="progressFor">Given the number of entries, returns where progress goes.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static Task<AuditVerifyOutcome> RunAsync(
        IServiceProvider services, Func<long, IProgress<long>?>? progressFor, CancellationToken cancellationToken) =>
        RunAsync(services, null, progressFor, cancellationToken);

    /// <param name="services">The root service provider.</param>
    /// <param name="witnessPath">A witness file from <c>export-head</c> or <c>GET /api/audit/head</c>, or null.</param>
    /// <param name="progressFor">Given the number of entries, returns where progress goes.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static async Task<AuditVerifyOutcome> RunAsync(
        IServiceProvider services, string? witnessPath, Func<long, IProgress<long>?>? progressFor, CancellationToken cancellationToken)
    {
        Chains.ChainHead? witness = null;
        if (witnessPath is not null)
        {
            var read = await Chains.WitnessFile.ReadAsync(witnessPath, AuditCheckpoint.ChainName,
                services.GetRequiredService<Signing.SigningKeyRing>().GetPublicKeySet(), cancellationToken);
            if (read.Head is null)
            {
                return new AuditVerifyOutcome(read.ExitCode, read.Error, null);
            }

            witness = read.Head;
        }

        await using var scope = services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditChainVerifier>();
        var total = await verifier.CountAsync(cancellationToken);
        var result = await verifier.VerifyAsync(witness, progressFor?.Invoke(total), cancellationToken);
        if (!result.Ok)
        {
            return new AuditVerifyOutcome(Broken, Describe(result), result);
        }

        var checkpoints = await scope.ServiceProvider.GetRequiredService<Data.PlatformDbContext>().AuditCheckpoints.LongCountAsync(cancellationToken);
        var witnessed = witness is null ? "" : $" The witnessed head (entry {witness.Sequence}, checkpoint {witness.Checkpoint}) is in the history.";
        return new AuditVerifyOutcome(Intact, $"Audit chain intact: {result.Count} entries verified, {checkpoints} signed checkpoints hold.{witnessed}", result);
    }

    private static string Describe(AuditVerification result)
    {
        // Sequence, time and action identify the row for the investigator; the subject and the
        // actor are left to a query on the database, not printed into terminal logs.
        var entry = result.BrokenEntry;
        if (entry is null)
        {
            return $"Audit chain BROKEN: first broken sequence {result.FirstBrokenSequence}: {result.Reason}. " +
                $"{result.Count} entries before it verified.";
        }

        var at = AuditChainHash.FormatTimestamp(entry.At);
        var where = result.Break == AuditChainBreak.MissingEntries
            ? $"before entry {entry.Sequence.ToString(CultureInfo.InvariantCulture)} ({at}, {entry.Action})"
            : $"at entry {entry.Sequence.ToString(CultureInfo.InvariantCulture)} ({at}, {entry.Action})";
        return $"Audit chain BROKEN {where}: first broken sequence {result.FirstBrokenSequence}: {result.Reason}. " +
            $"{result.Count} entries before it verified.";
    }
}

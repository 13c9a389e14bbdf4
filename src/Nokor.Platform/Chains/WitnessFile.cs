using Nokor.Platform.Signing;

namespace Nokor.Platform.Chains;

/// <summary>
/// The exit codes of <c>nokor audit verify</c> and <c>nokor verification verify-ledger</c>:
/// 0 the chain holds (and contains the witnessed head), 1 it is broken or no longer contains the
/// witnessed head, 2 the witness file cannot be read or is not a witness, 10 the witness is not
/// genuine (bad signature, unknown key, edited fields) or of another chain.
/// </summary>
public static class ChainExitCodes
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int Misuse = 2;
    public const int WitnessRefused = 10;
}

/// <summary>The outcome of reading a witness file: the head, or the exit code and one line saying why not.</summary>
public sealed record WitnessRead(ChainHead? Head, int ExitCode, string Error);

/// <summary>Reads and writes the witness files of <c>export-head</c> and <c>verify --witness</c>.</summary>
public static class WitnessFile
{
    /// <summary>Reads and checks a witness file (size first, then <see cref="ChainHead.TryRead(ReadOnlySpan{byte}, string, PublicKeySet, out ChainHead?, out ChainHeadProblem, out string)"/>).</summary>
    public static async Task<WitnessRead> ReadAsync(string path, string chain, PublicKeySet keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new WitnessRead(null, ChainExitCodes.Misuse, $"Witness file '{path}' does not exist.");
            }

            if (info.Length > ChainHead.MaxBytes)
            {
                return new WitnessRead(null, ChainExitCodes.Misuse, $"Witness file '{path}' is larger than {ChainHead.MaxBytes / 1024} KiB: it is not a witness.");
            }

            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new WitnessRead(null, ChainExitCodes.Misuse, $"Witness file '{path}' cannot be read: {ex.Message}");
        }

        if (!ChainHead.TryRead(bytes, chain, keys, out var head, out var problem, out var error))
        {
            return problem == ChainHeadProblem.Malformed
                ? new WitnessRead(null, ChainExitCodes.Misuse, $"Witness file '{path}' is not a witness: {error}.")
                : new WitnessRead(null, ChainExitCodes.WitnessRefused, $"Witness REFUSED: {error}.");
        }

        return new WitnessRead(head, ChainExitCodes.Intact, "");
    }

    /// <summary>Writes the witness to <paramref name="path"/> (replacing the file), or returns its text when the path is null.</summary>
    public static async Task<string> WriteAsync(ChainHead head, string? path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(head);
        var json = head.ToJson() + "\n";
        if (path is not null)
        {
            await File.WriteAllTextAsync(path, json, ct);
        }

        return json;
    }
}

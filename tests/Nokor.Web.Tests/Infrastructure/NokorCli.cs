using System.Diagnostics;

namespace Nokor.Web.Tests.Infrastructure;

/// <summary>The built `nokor` command line, run against a test host's database and keys.</summary>
public static class NokorCli
{
    /// <summary>Runs the built `nokor` command against this host's database and keys.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(NokorHost host, params string[] args) => RunCoreAsync(host, null, args);

    /// <summary>Runs the command with <paramref name="input"/> on its standard input (a password for --password-stdin).</summary>
    public static Task<(int ExitCode, string Output)> RunWithInputAsync(NokorHost host, string input, params string[] args) => RunCoreAsync(host, input, args);

    private static async Task<(int ExitCode, string Output)> RunCoreAsync(NokorHost host, string? input, string[] args)
    {
        var settings = host.Database.ConfigurationValues.Select(kv => $"--{kv.Key}={kv.Value}")
            .Append($"--Signing:KeyDirectory={Path.Combine(host.DataDirectory, "keys")}");
        var (exitCode, output, error) = await RunAsync(args.Concat(settings).ToArray(), input: input);
        return (exitCode, output + error);
    }

    /// <summary>
    /// Runs the built `nokor` command with exactly these arguments, in <paramref name="workingDirectory"/>
    /// (default: the current one), with <paramref name="input"/> on its standard input when given.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? workingDirectory = null, string? input = null)
    {
        var cli = Path.Combine(RepositoryRoot(), "src", "Nokor.Cli", "bin", Configuration, "net10.0", "nokor.dll");
        Assert.True(File.Exists(cli), $"Build the CLI first: {cli}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The folder holding Nokor.slnx.</summary>
    public static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Nokor.slnx")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        }

        return root;
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
}

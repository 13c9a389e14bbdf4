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
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Nokor.slnx")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        }

        var cli = Path.Combine(root, "src", "Nokor.Cli", "bin", configuration, "net10.0", "nokor.dll");
        Assert.True(File.Exists(cli), $"Build the CLI first: {cli}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in host.Database.ConfigurationValues)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.ArgumentList.Add($"--Signing:KeyDirectory={Path.Combine(host.DataDirectory, "keys")}");
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }
}

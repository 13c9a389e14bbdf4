using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Signing;

namespace Nokor.Cli.Commands;

/// <summary>
/// <c>nokor keys rotate</c> makes a new active signing key (the old ones keep verifying what they
/// signed); <c>nokor keys export [--out FILE]</c> writes the public key set, the file an offline
/// verifier needs. Both work on the key directory <c>Signing:KeyDirectory</c> (default
/// <c>keys</c> under the data root); neither touches the database. Private keys are never printed.
/// </summary>
internal static class KeyCommands
{
    public static Command Create(CliContext context)
    {
        var rotate = new Command("rotate", "Create a new signing key and make it the active one; older keys are kept for verification.");
        rotate.SetAction(_ =>
        {
            var ring = context.Services.GetRequiredService<SigningKeyRing>();
            var previous = ring.GetPublicKeySet().ActiveKey?.KeyId;
            var created = ring.Rotate();
            var count = ring.GetPublicKeySet().Keys.Count;
            Console.WriteLine($"Active signing key is now {created} (was {previous ?? "none"}); {count} key(s) in {ring.KeyDirectory}.");
            Console.WriteLine("Publish the new public key set (nokor keys export) to offline verifiers.");
            return ExitCodes.Ok;
        });

        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "Write the public key set JSON to this file instead of standard output.",
        };
        var export = new Command("export", "Print the public key set (JSON) that verifies signed tokens and certificate QR codes offline.")
        {
            output,
        };
        export.SetAction(parse =>
        {
            var json = context.Services.GetRequiredService<SigningKeyRing>().GetPublicKeySet().ToJson();
            var file = parse.GetValue(output);
            if (file is null)
            {
                Console.Out.WriteLine(json);
                return ExitCodes.Ok;
            }

            if (file.Directory is { Exists: false } directory)
            {
                directory.Create();
            }

            File.WriteAllText(file.FullName, json + "\n");
            Console.Error.WriteLine($"Wrote the public key set to {file.FullName}.");
            return ExitCodes.Ok;
        });

        var keys = new Command("keys", "The platform's document-signing keys (ECDSA P-256).");
        keys.Subcommands.Add(rotate);
        keys.Subcommands.Add(export);
        return keys;
    }
}

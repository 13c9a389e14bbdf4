using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Audit;
using Spectre.Console;

namespace Nokor.Cli.Commands;

internal static class AuditCommands
{
    public static Command Create(CliContext context)
    {
        var witness = new Option<string?>("--witness")
        {
            Description = "A witness file from 'nokor audit export-head' (or GET /api/audit/head): fail unless the database's history still holds that head.",
        };
        var verify = new Command("verify",
            "Walk the whole audit chain, recompute every hash and check the chained, signed checkpoints (one must close every " +
            "Audit:CheckpointMinutes period that had entries). Exit 0 when it holds, 1 naming the first break (or when the witnessed " +
            "head is no longer in the history), 2 when the witness file cannot be read, 10 when the witness is not genuine.")
        {
            witness,
        };
        verify.SetAction(async (parse, ct) => await VerifyAsync(context.Services, parse.GetValue(witness), ct));

        var output = new Option<string?>("--out")
        {
            Description = "Write the witness to this file (replaced if it exists) instead of printing it.",
        };
        var exportHead = new Command("export-head",
            "Record the export in the chain, sign its head and write it as a witness (JSON): keep it outside this database, " +
            "then 'nokor audit verify --witness FILE' fails if the history is later rewritten or cut short.")
        {
            output,
        };
        exportHead.SetAction(async (parse, ct) =>
        {
            var head = await AuditHeadExport.RunAsync(context.Services, Nokor.Platform.Staff.Actor.Platform("cli:audit"), ct);
            var path = parse.GetValue(output);
            var json = await Nokor.Platform.Chains.WitnessFile.WriteAsync(head, path, ct);
            if (path is null)
            {
                Console.Write(json);
            }
            else
            {
                Console.WriteLine($"Audit head written to {path}: entry {head.Sequence}, checkpoint {head.Checkpoint}, key {head.KeyId}.");
            }

            return ExitCodes.Ok;
        });

        var checkpoint = new Command("checkpoint",
            "Sign the chain's current head with the platform key (the web host does this every Audit:CheckpointMinutes). " +
            "Prints the signed token: keep a copy outside this database.");
        checkpoint.SetAction(async (_, ct) =>
        {
            await using var scope = context.Services.CreateAsyncScope();
            var made = await scope.ServiceProvider.GetRequiredService<AuditCheckpointer>().CreateAsync(ct);
            if (made is null)
            {
                Console.WriteLine("The audit chain is empty: nothing to checkpoint.");
                return ExitCodes.Ok;
            }

            Console.WriteLine($"Checkpoint of entry {made.Sequence} ({made.Hash}):");
            Console.WriteLine(made.Token);
            return ExitCodes.Ok;
        });

        var audit = new Command("audit", "The tamper-evident audit log.");
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(checkpoint);
        audit.Subcommands.Add(exportHead);
        return audit;
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, string? witness, CancellationToken cancellationToken)
    {
        AuditVerifyOutcome outcome;
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            outcome = await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Verifying audit chain");
                    var result = await AuditVerifyCommand.RunAsync(services, witness, total =>
                    {
                        task.MaxValue = Math.Max(total, 1);
                        return new SyncProgress(n => task.Value = n);
                    }, cancellationToken);
                    task.Value = task.MaxValue;
                    return result;
                });
        }
        else
        {
            outcome = await AuditVerifyCommand.RunAsync(services, witness, total =>
            {
                var lastPercent = -1L;
                return new SyncProgress(n =>
                {
                    var percent = total == 0 ? 100 : n * 100 / total;
                    if (percent != lastPercent)
                    {
                        lastPercent = percent;
                        Console.Error.WriteLine($"Verified {n} of {total} audit entries ({percent}%)");
                    }
                });
            }, cancellationToken);
        }

        if (outcome.ExitCode == AuditVerifyCommand.Intact)
        {
            Console.WriteLine(outcome.Message);
        }
        else
        {
            Console.Error.WriteLine(outcome.Message);
        }

        return outcome.ExitCode;
    }

    /// <summary>Reports on the caller's thread, so progress lines never arrive out of order.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

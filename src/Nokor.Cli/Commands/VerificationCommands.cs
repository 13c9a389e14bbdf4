using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Chains;
using Nokor.Platform.Data;
using Nokor.Platform.Dates;
using Nokor.Platform.Staff;
using Nokor.Verification.Contracts;

namespace Nokor.Cli.Commands;

/// <summary>
/// <c>nokor verification client create</c> registers an institution with its contract and prints
/// its client id and secret once; <c>nokor verification rebuild</c> builds the verification store
/// from the Population Registry (with progress); <c>nokor verification verify-ledger</c> proves the
/// query ledger's chain.
/// </summary>
internal static class VerificationCommands
{
    public static Command Create(CliContext context)
    {
        var verification = new Command("verification", "The identity verification service for authorized institutions.");
        verification.Subcommands.Add(Client(context));
        verification.Subcommands.Add(Rebuild(context));
        verification.Subcommands.Add(VerifyLedger(context));
        verification.Subcommands.Add(ExportHead(context));
        return verification;
    }

    private static Command Client(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The institution's name.", Required = true };
        var code = new Option<string?>("--code") { Description = "A short code for statements (default: from the name)." };
        var nameKm = new Option<string?>("--name-km") { Description = "The name in Khmer." };
        var kind = new Option<string>("--kind") { Description = "Bank, Microfinance, Telecom, Ministry, PublicAgency or Other.", DefaultValueFactory = _ => "Bank" };
        var xroad = new Option<string?>("--xroad-client") { Description = "The CamDX subsystem it calls from (INSTANCE/CLASS/MEMBER/SUBSYSTEM)." };
        var reference = new Option<string?>("--contract") { Description = "The contract reference (default: generated)." };
        var purposes = new Option<string>("--purposes") { Description = "Comma-separated purpose codes, e.g. account-opening,kyc-refresh.", Required = true };
        var types = new Option<string>("--query-types") { Description = "Comma-separated: verify, attributes, bulk.", DefaultValueFactory = _ => "verify" };
        var attributes = new Option<string?>("--attributes") { Description = "Comma-separated attributes it may receive (only with the attributes query type)." };
        var quota = new Option<long>("--quota") { Description = "Queries per month.", DefaultValueFactory = _ => 100_000 };
        var priceVerify = new Option<long>("--price-verify") { Description = "Riel per yes/no verification.", DefaultValueFactory = _ => 0 };
        var priceAttributes = new Option<long>("--price-attributes") { Description = "Riel per attribute release.", DefaultValueFactory = _ => 0 };
        var priceBulk = new Option<long>("--price-bulk") { Description = "Riel per bulk row.", DefaultValueFactory = _ => 0 };
        var from = new Option<string?>("--from") { Description = "First day of the contract, yyyy-MM-dd (default: today)." };
        var until = new Option<string?>("--until") { Description = "Last day of the contract, yyyy-MM-dd (default: a year from today)." };
        var create = new Command("create", "Register an institution with its contract and print its client id and secret (shown once).")
        {
            name, code, nameKm, kind, xroad, reference, purposes, types, attributes, quota, priceVerify, priceAttributes, priceBulk, from, until,
        };
        create.SetAction(async (parse, ct) =>
        {
            await DatabaseMigrator.MigrateAllAsync(context.Services, ct);
            await using var scope = context.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<IInstitutionRegistry>();
            var actor = Actor.Platform("cli:verification");
            var today = CambodiaTime.Today(TimeProvider.System);
            var institutionName = parse.GetValue(name)!;
            var input = new InstitutionInput(
                parse.GetValue(code) ?? new string(institutionName.Where(char.IsAsciiLetterOrDigit).Take(16).ToArray()).ToUpperInvariant(),
                institutionName,
                parse.GetValue(nameKm),
                parse.GetValue(kind),
                parse.GetValue(xroad),
                new ContractInput(
                    parse.GetValue(reference) ?? $"DD-{today:yyyy}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}",
                    List(parse.GetValue(purposes)),
                    List(parse.GetValue(types)),
                    List(parse.GetValue(attributes)),
                    parse.GetValue(quota),
                    parse.GetValue(priceVerify),
                    parse.GetValue(priceAttributes),
                    parse.GetValue(priceBulk),
                    parse.GetValue(from) ?? today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    parse.GetValue(until) ?? today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            var created = await service.CreateAsync(input, actor, ct);
            if (!created.IsOk)
            {
                foreach (var (field, messages) in created.Errors)
                {
                    Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
                }

                return ExitCodes.Misuse;
            }

            var institution = created.Value!;
            var credential = (await service.IssueCredentialAsync(institution.Id, rotate: false, actor, ct)).Value!;
            Console.WriteLine($"institution_id={institution.Id}");
            Console.WriteLine($"code={institution.Code}");
            Console.WriteLine($"contract={institution.Contract!.Reference}");
            Console.WriteLine($"client_id={credential.ClientId}");
            Console.WriteLine($"client_secret={credential.ClientSecret}");
            Console.Error.WriteLine("The secret is shown only now: give it to the institution over a safe channel.");
            return ExitCodes.Ok;
        });

        var client = new Command("client", "Institutions allowed to query, with their contracts and credentials.");
        client.Subcommands.Add(create);
        return client;
    }

    private static Command Rebuild(CliContext context)
    {
        var ifNotBuilt = new Option<bool>("--if-not-built")
        {
            Description = "Only when the store was never built (a new database): otherwise say where it stands and copy nothing.",
        };
        var rebuild = new Command("rebuild", "Copy every person from the Population Registry into the verification store (the store stays answerable meanwhile).");
        rebuild.Options.Add(ifNotBuilt);
        rebuild.SetAction(async (parse, ct) =>
        {
            await DatabaseMigrator.MigrateAllAsync(context.Services, ct);
            await using var scope = context.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IVerificationStore>();
            if (parse.GetValue(ifNotBuilt))
            {
                var state = await store.StateAsync(ct);
                if (state is { Ready: true })
                {
                    Console.WriteLine($"Verification store: already built, at change {state.Position:N0} of the registry; nothing copied.");
                    return ExitCodes.Ok;
                }
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var progress = new Progress<long>(n =>
            {
                if (n % 50_000 < 5000)
                {
                    Console.Error.Write($"\r{n:N0} persons copied ({n / Math.Max(0.001, watch.Elapsed.TotalSeconds):N0}/s)   ");
                }
            });
            var copied = await store.RebuildAsync(progress, ct);
            Console.Error.WriteLine();
            Console.WriteLine($"Verification store: {copied:N0} persons in {watch.Elapsed.TotalSeconds:F1} s.");
            return ExitCodes.Ok;
        });
        return rebuild;
    }

    private static Command VerifyLedger(CliContext context)
    {
        var witness = new Option<string?>("--witness")
        {
            Description = "A witness file from 'nokor verification export-head' (or GET /api/verification/ledger/head): fail unless the ledger still holds that head.",
        };
        var command = new Command("verify-ledger",
            "Check the hash chain of the verification query ledger and its chained, signed checkpoints (one must close every " +
            "Verification:CheckpointMinutes period that had records). Exit 0 when it holds, 1 naming the first broken record (or when the " +
            "witnessed head is no longer in the history), 2 when the witness file cannot be read, 10 when the witness is not genuine.")
        {
            witness,
        };
        command.SetAction(async (parse, ct) =>
        {
            ChainHead? head = null;
            if (parse.GetValue(witness) is { } path)
            {
                var read = await WitnessFile.ReadAsync(path, IVerificationLedger.ChainName,
                    context.Services.GetRequiredService<Nokor.Platform.Signing.SigningKeyRing>().GetPublicKeySet(), ct);
                if (read.Head is null)
                {
                    Console.Error.WriteLine(read.Error);
                    return read.ExitCode;
                }

                head = read.Head;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var ledger = scope.ServiceProvider.GetRequiredService<IVerificationLedger>();
            var check = await ledger.VerifyAsync(head, new Progress<long>(n => Console.Error.Write($"\r{n:N0} records checked   ")), ct);
            Console.Error.WriteLine();
            if (check.Intact)
            {
                var witnessed = head is null ? "" : $" The witnessed head (record {head.Sequence}, checkpoint {head.Checkpoint}) is in the history.";
                Console.WriteLine($"The query ledger is intact: {check.Records:N0} records.{witnessed}");
                return ChainExitCodes.Intact;
            }

            Console.WriteLine($"The query ledger is broken at record {check.FirstBroken}: {check.Problem}");
            return ChainExitCodes.Broken;
        });
        return command;
    }

    private static Command ExportHead(CliContext context)
    {
        var output = new Option<string?>("--out") { Description = "Write the witness to this file (replaced if it exists) instead of printing it." };
        var command = new Command("export-head",
            "Sign the query ledger's head and write it as a witness (JSON): keep it outside this database, then " +
            "'nokor verification verify-ledger --witness FILE' fails if the ledger is later rewritten or cut short.")
        {
            output,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = context.Services.CreateAsyncScope();
            var checkpoint = await scope.ServiceProvider.GetRequiredService<IVerificationLedger>().SignHeadAsync(ct);
            if (checkpoint is null)
            {
                Console.Error.WriteLine("The query ledger is empty: there is no head to witness yet.");
                return ExitCodes.Failed;
            }

            var head = ChainHead.From(IVerificationLedger.ChainName, checkpoint);
            var path = parse.GetValue(output);
            var json = await WitnessFile.WriteAsync(head, path, ct);
            if (path is null)
            {
                Console.Write(json);
            }
            else
            {
                Console.WriteLine($"Query ledger head written to {path}: record {head.Sequence}, checkpoint {head.Checkpoint}, key {head.KeyId}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Legislation.Contracts;
using Nokor.Platform.Data;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Cli.Commands;

/// <summary>
/// <c>nokor legislation import FILE --type act|bill</c> enters a text (structured plain text or
/// Akoma Ntoso XML) in the legal database or registers a bill; <c>nokor legislation export URI
/// --out FILE.xml</c> writes a text as AKN XML (checked against the schema first);
/// <c>nokor legislation generate --acts N</c> adds synthetic acts for the benchmark;
/// <c>search-failures</c> lists the texts the search feeder retries or set aside and
/// <c>search-retry TEXT-ID</c> queues one again after a fix.
/// <para>
/// Exit codes of <c>import</c>: 0 stored; 1 refused (the text does not conform, nests deeper
/// than <c>Legislation:MaxNestingDepth</c>, or is larger than the limits: one line per problem on
/// standard error, naming the field, the element and its line); 2 misuse (a bad option, a
/// missing file).
/// </para>
/// </summary>
internal static class LegislationCommands
{
    public static Command Create(CliContext context)
    {
        var legislation = new Command("legislation", "The E-Senate's bills and legal database (Akoma Ntoso texts).");
        legislation.Subcommands.Add(Import(context));
        legislation.Subcommands.Add(Export(context));
        legislation.Subcommands.Add(Generate(context));
        legislation.Subcommands.Add(SearchFailuresCommand(context));
        legislation.Subcommands.Add(SearchRetry(context));
        return legislation;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The text: structured plain text (UTF-8) or Akoma Ntoso 3.0 XML." };
        var type = new Option<string>("--type") { Description = "act (the legal database) or bill (a law received from the National Assembly).", Required = true };
        var date = new Option<string?>("--date") { Description = "act: the law's date (promulgation), yyyy-MM-dd." };
        var number = new Option<string?>("--number") { Description = "act: the royal kram number, e.g. NS/RKM/0524/012 (constitution: omit)." };
        var subtype = new Option<string?>("--subtype") { Description = "act: a subtype, e.g. constitution." };
        var language = new Option<string>("--language") { Description = "act: khm (the original) or eng (a translation of the version in force on --valid-from).", DefaultValueFactory = _ => "khm" };
        var validFrom = new Option<string?>("--valid-from") { Description = "act: the day the text takes effect (default: --date)." };
        var titleEn = new Option<string?>("--title-en") { Description = "The English title." };
        var adopted = new Option<string?>("--adopted") { Description = "bill: the National Assembly's adoption date (default: today)." };
        var received = new Option<string?>("--received") { Description = "bill: the day the Senate received it (default: today)." };
        var urgent = new Option<bool>("--urgent") { Description = "bill: declared urgent (five days)." };
        var budget = new Option<bool>("--budget") { Description = "bill: the budget law." };
        var import = new Command("import", "Enter a law in the legal database, or register a bill. Exit codes: 0 stored; 1 refused (one line per problem: the field, the element and its line); 2 misuse.")
        {
            file, type, date, number, subtype, language, validFrom, titleEn, adopted, received, urgent, budget,
        };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"No such file: {path.FullName}");
                return ExitCodes.Misuse;
            }

            // Never read more than the largest text accepted can take in UTF-8 (three bytes a character, and a BOM).
            var limits = context.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LegislationOptions>>().Value;
            var maxBytes = limits.MaxTextCharacters * 3L + 3;
            if (path.Length > maxBytes)
            {
                Console.Error.WriteLine($"text: the file has {path.Length:N0} bytes; a text has at most {limits.MaxTextCharacters:N0} characters ({maxBytes:N0} bytes).");
                return ExitCodes.Failed;
            }

            var text = await File.ReadAllTextAsync(path.FullName, ct);
            if (!TryDate(parse.GetValue(date), "--date", out var actDate) || !TryDate(parse.GetValue(validFrom), "--valid-from", out var from)
                || !TryDate(parse.GetValue(adopted), "--adopted", out var adoptedOn) || !TryDate(parse.GetValue(received), "--received", out var receivedOn))
            {
                return ExitCodes.Misuse;
            }

            await DatabaseMigrator.MigrateAllAsync(context.Services, ct);
            await using var scope = context.Services.CreateAsyncScope();
            var actor = Actor.Platform("cli:legislation");
            switch (parse.GetValue(type))
            {
                case "act":
                    var act = await scope.ServiceProvider.GetRequiredService<ILegalDatabase>().ImportActAsync(
                        new ImportActRequest(text, parse.GetValue(number), actDate, parse.GetValue(subtype), parse.GetValue(language), from, parse.GetValue(titleEn), null, null),
                        actor, ct);
                    if (!Report(act))
                    {
                        return ExitCodes.Failed;
                    }

                    Console.WriteLine($"work={act.Value!.WorkUri}");
                    foreach (var v in act.Value.Versions)
                    {
                        Console.WriteLine($"expression={v.ExpressionUri} valid_from={v.ValidFrom:yyyy-MM-dd}");
                    }

                    return ExitCodes.Ok;
                case "bill":
                    var today = CambodiaTime.Today(TimeProvider.System);
                    var bill = await scope.ServiceProvider.GetRequiredService<IBillBook>().RegisterAsync(
                        new RegisterBillRequest(null, parse.GetValue(titleEn), adoptedOn ?? today, receivedOn ?? today, parse.GetValue(urgent), parse.GetValue(budget), text, null),
                        actor, ct);
                    if (!Report(bill))
                    {
                        return ExitCodes.Failed;
                    }

                    Console.WriteLine($"bill={bill.Value!.Number} work={bill.Value.WorkUri} deadline={bill.Value.Deadline.DeadlineOn:yyyy-MM-dd}");
                    return ExitCodes.Ok;
                default:
                    Console.Error.WriteLine("--type is act or bill.");
                    return ExitCodes.Misuse;
            }
        });
        return import;
    }

    private static Command Export(CliContext context)
    {
        var uri = new Argument<string>("FRBR-URI") { Description = "A work URI (the version in force, or on --date) or an expression URI." };
        var output = new Option<FileInfo>("--out") { Description = "The XML file to write.", Required = true };
        var date = new Option<string?>("--date") { Description = "For a work URI: the law as it stood that day, yyyy-MM-dd." };
        var language = new Option<string?>("--language") { Description = "For a work URI: khm (default) or eng." };
        var export = new Command("export", "Write a text as Akoma Ntoso 3.0 XML, checked against the schema.") { uri, output, date, language };
        export.SetAction(async (parse, ct) =>
        {
            if (!TryDate(parse.GetValue(date), "--date", out var asOf))
            {
                return ExitCodes.Misuse;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var text = await scope.ServiceProvider.GetRequiredService<ILegalDatabase>().ExportTextAsync(parse.GetValue(uri)!, parse.GetValue(language), asOf, ct);
            if (text is null)
            {
                Console.Error.WriteLine($"No text {parse.GetValue(uri)}{(asOf is null ? "" : $" on {asOf:yyyy-MM-dd}")}.");
                return ExitCodes.Failed;
            }

            var problems = text.SchemaProblems;
            if (problems.Count > 0)
            {
                Console.Error.WriteLine($"The stored text does not validate: {problems[0]}");
                return ExitCodes.Failed;
            }

            var file = parse.GetValue(output)!;
            await File.WriteAllTextAsync(file.FullName, text.Xml, new System.Text.UTF8Encoding(false), ct);
            Console.WriteLine($"{text.ExpressionUri} -> {file.FullName} ({new FileInfo(file.FullName).Length:N0} bytes, valid Akoma Ntoso 3.0)");
            return ExitCodes.Ok;
        });
        return export;
    }

    private static Command Generate(CliContext context)
    {
        var acts = new Option<int>("--acts") { Description = "How many synthetic acts (each with its Khmer original and English translation).", Required = true };
        var seed = new Option<int>("--seed") { Description = "The random seed (same seed, same acts).", DefaultValueFactory = _ => 2026 };
        var generate = new Command("generate", "Add synthetic acts (fictional texts, mixed Khmer and English) for benchmarks.") { acts, seed };
        generate.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(acts);
            if (count is < 1 or > 1_000_000)
            {
                Console.Error.WriteLine("--acts is between 1 and 1,000,000.");
                return ExitCodes.Misuse;
            }

            await DatabaseMigrator.MigrateAllAsync(context.Services, ct);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = context.Services.CreateAsyncScope();
            var added = await scope.ServiceProvider.GetRequiredService<ILegalDatabase>().GenerateActsAsync(count, parse.GetValue(seed),
                new Progress<int>(n => Console.Error.Write($"\r{n:N0} / {count:N0} acts ({n / Math.Max(0.001, watch.Elapsed.TotalSeconds):N0}/s)   ")), ct);
            Console.Error.WriteLine();
            Console.WriteLine($"{added:N0} acts added in {watch.Elapsed.TotalSeconds:F1} s.");
            return ExitCodes.Ok;
        });
        return generate;
    }

    private static Command SearchFailuresCommand(CliContext context)
    {
        var command = new Command("search-failures", "The texts the search feeder could not index: retried, or set aside with the reason.");
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = context.Services.CreateAsyncScope();
            var (retrying, setAside, latest) = await scope.ServiceProvider.GetRequiredService<ILegalSearch>().FailuresAsync(ct);
            Console.WriteLine($"retrying={retrying} set_aside={setAside}");
            foreach (var f in latest)
            {
                Console.WriteLine($"{(f.SetAsideAt is null ? "retrying" : "set_aside")} {f.ExpressionUri} text_id={f.TextId:D} attempts={f.Attempts} reason={f.Reason}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SearchRetry(CliContext context)
    {
        var id = new Argument<string>("TEXT-ID") { Description = "The text_id shown by search-failures." };
        var command = new Command("search-retry", "Queue a text that failed to index again, with a fresh count of attempts (after its cause was fixed). Exit codes: 0 queued; 1 no such failure; 2 misuse.") { id };
        command.SetAction(async (parse, ct) =>
        {
            if (!Guid.TryParse(parse.GetValue(id), out var textId))
            {
                Console.Error.WriteLine("TEXT-ID: a text id as shown by search-failures.");
                return ExitCodes.Misuse;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var retried = await scope.ServiceProvider.GetRequiredService<ILegalSearch>().RetryAsync(textId, Actor.Platform("cli:legislation"), ct);
            if (!Report(retried))
            {
                return ExitCodes.Failed;
            }

            Console.WriteLine($"queued {retried.Value!.ExpressionUri}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool Report<T>(Outcome<T> outcome)
    {
        if (outcome.IsOk)
        {
            return true;
        }

        foreach (var (field, messages) in outcome.Errors)
        {
            foreach (var m in messages)
            {
                Console.Error.WriteLine($"{field}: {m}");
            }
        }

        if (outcome.Message is not null)
        {
            Console.Error.WriteLine(outcome.Message);
        }

        return false;
    }

    private static bool TryDate(string? value, string option, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        Console.Error.WriteLine($"{option}: a date as yyyy-MM-dd.");
        return false;
    }
}

using System.CommandLine;
using Nokor.Population.Contracts;

namespace Nokor.Cli.Commands;

/// <summary>
/// <c>nokor kidc validate CODE</c> checks a Khmer Identification Code against the NSPI 6.3 rule
/// (exit 0 valid, 1 invalid, 2 misuse); <c>nokor kidc generate --count N</c> prints fresh codes
/// that are valid but neither checked against nor stored in the register (for test data).
/// Neither command touches the database.
/// </summary>
internal static class KidcCommands
{
    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "The ten-digit KIDC to check." };
        var validate = new Command("validate", "Check a KIDC: length, digits, reserved first digit and Modulus 11 check digit.") { code };
        validate.SetAction(parse =>
        {
            var value = parse.GetValue(code) ?? "";
            var result = KidcRule.Validate(value);
            if (result.IsValid)
            {
                var category = result.Category == KidcCategory.Citizen ? "citizen" : "foreign resident";
                Console.WriteLine($"{value}: valid KIDC ({category}).");
                return ExitCodes.Ok;
            }

            Console.WriteLine($"{value}: not a valid KIDC. {result.Reason}");
            return ExitCodes.Failed;
        });

        var count = new Option<int>("--count") { Description = "How many codes to print (1 to 1,000,000).", DefaultValueFactory = _ => 1 };
        var foreign = new Option<bool>("--foreign") { Description = "Foreign-resident codes (first digit 2) instead of citizen codes (1)." };
        var generate = new Command("generate", "Print fresh random KIDCs (not stored, not checked against issued codes).") { count, foreign };
        generate.SetAction(parse =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > 1_000_000)
            {
                Console.Error.WriteLine("--count must be between 1 and 1,000,000.");
                return ExitCodes.Misuse;
            }

            var category = parse.GetValue(foreign) ? KidcCategory.ForeignResident : KidcCategory.Citizen;
            var generator = new KidcGenerator();
            using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            for (var i = 0; i < n; i++)
            {
                output.WriteLine(generator.Next(category));
            }

            return ExitCodes.Ok;
        });

        var kidc = new Command("kidc", "Khmer Identification Codes (NSPI 6.3).");
        kidc.Subcommands.Add(validate);
        kidc.Subcommands.Add(generate);
        return kidc;
    }
}

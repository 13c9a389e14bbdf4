using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Staff;
using Spectre.Console;

namespace Nokor.Cli.Commands;

/// <summary>
/// Staff accounts from the command line. In production this is how the first administrator is
/// made: there is no default password anywhere.
/// </summary>
internal static class UserCommands
{
    public static Command Create(CliContext context)
    {
        var user = new Option<string>("--user") { Description = "Account name used to sign in.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}.", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the UI (defaults to the account name)." };
        var national = new Option<bool>("--national") { Description = "Bind the account to the national office." };
        var level = new Option<OfficeLevel?>("--office-level") { Description = "Province, District or Commune." };
        var area = new Option<string?>("--area") { Description = "Zero-padded gazetteer code of the office's area (2, 4 or 6 digits)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };

        var create = new Command("create", "Create a staff or system account bound to an office.")
        {
            user, role, displayName, national, level, area, passwordStdin,
        };
        create.SetAction(async (parse, ct) =>
        {
            var isNational = parse.GetValue(national);
            var officeLevel = parse.GetValue(level);
            var areaCode = parse.GetValue(area);
            if (isNational == (officeLevel is not null) || (isNational && areaCode is not null) || (officeLevel is { } l && (l == OfficeLevel.National || areaCode is null)))
            {
                Console.Error.WriteLine("Give either --national, or --office-level (Province, District, Commune) with --area CODE.");
                return ExitCodes.Misuse;
            }

            string? password;
            if (parse.GetValue(passwordStdin))
            {
                password = Console.In.ReadLine();
            }
            else if (!Console.IsInputRedirected)
            {
                password = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
            }
            else
            {
                Console.Error.WriteLine("Standard input is not a terminal: pass --password-stdin and send the password on stdin.");
                return ExitCodes.Misuse;
            }

            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("No password given.");
                return ExitCodes.Misuse;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var name = parse.GetValue(user)!;
            var errors = await accounts.CreateAsync(new NewStaffAccount(
                name, parse.GetValue(displayName) ?? name, password, parse.GetValue(role)!,
                isNational ? OfficeLevel.National : officeLevel!.Value, isNational ? null : areaCode), ct);
            if (errors.Count > 0)
            {
                foreach (var e in errors)
                {
                    Console.Error.WriteLine(e);
                }

                return ExitCodes.Failed;
            }

            Console.WriteLine($"Created account '{name}' ({parse.GetValue(role)}).");
            return ExitCodes.Ok;
        });

        var users = new Command("users", "Staff accounts.");
        users.Subcommands.Add(create);
        return users;
    }
}

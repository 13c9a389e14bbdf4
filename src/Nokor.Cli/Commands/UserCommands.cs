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
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password (a system account: its client secret) from the first line of standard input." };

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

            var isSystem = Roles.IsSystemRole(parse.GetValue(role)!);
            string? password;
            string? generatedSecret = null;
            if (parse.GetValue(passwordStdin))
            {
                password = Console.In.ReadLine();
            }
            else if (isSystem)
            {
                // A system account signs in with client credentials: a strong secret, shown once.
                password = generatedSecret = StaffAccounts.NewClientSecret();
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
            if (isSystem)
            {
                Console.WriteLine($"Client id: {name}");
                if (generatedSecret is not null)
                {
                    Console.WriteLine($"Client secret (shown once, keep it in the other system's secret store): {generatedSecret}");
                }

                Console.WriteLine("It signs in with POST /api/auth/token {\"grantType\":\"client_credentials\",\"clientId\":...,\"clientSecret\":...}.");
            }

            return ExitCodes.Ok;
        });

        var users = new Command("users", "Staff accounts.");
        users.Subcommands.Add(create);
        users.Subcommands.Add(Lock(context, "lock", "Lock an account for a while (--minutes) and end its sessions and tokens."));
        users.Subcommands.Add(Lock(context, "disable", "Disable an account until 'users unlock', and end its sessions and tokens."));
        users.Subcommands.Add(Simple(context, "unlock", "Unlock or re-enable an account.", (a, n, ct) => a.UnlockAsync(n, ct), "Unlocked '{0}'."));
        users.Subcommands.Add(Simple(context, "revoke", "End every session and bearer token of an account.", (a, n, ct) => a.RevokeSessionsAsync(n, ct), "Ended the sessions and tokens of '{0}'."));
        users.Subcommands.Add(Password(context));
        users.Subcommands.Add(Totp(context));
        return users;
    }

    private static Option<string> UserOption() => new("--user") { Description = "Account name.", Required = true };

    private static Command Lock(CliContext context, string name, string description)
    {
        var user = UserOption();
        var minutes = new Option<int?>("--minutes") { Description = "How long the lock lasts (lock only; default 60)." };
        var command = new Command(name, description) { user };
        if (name == "lock")
        {
            command.Options.Add(minutes);
        }

        command.SetAction(async (parse, ct) =>
        {
            var forMinutes = parse.GetValue(minutes) ?? 60;
            if (name == "lock" && forMinutes is < 1 or > 525_600)
            {
                Console.Error.WriteLine("--minutes must be between 1 and 525600.");
                return ExitCodes.Misuse;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var until = name == "lock" ? DateTimeOffset.UtcNow.AddMinutes(forMinutes) : (DateTimeOffset?)null;
            var account = parse.GetValue(user)!;
            return Report(await accounts.LockAsync(account, until, ct),
                until is null ? $"Disabled '{account}'; its sessions and tokens no longer work." : $"Locked '{account}' until {until:yyyy-MM-dd HH:mm} UTC; its sessions and tokens no longer work.");
        });
        return command;
    }

    private static Command Simple(CliContext context, string name, string description, Func<StaffAccounts, string, CancellationToken, Task<IReadOnlyList<string>>> act, string done)
    {
        var user = UserOption();
        var command = new Command(name, description) { user };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = context.Services.CreateAsyncScope();
            var account = parse.GetValue(user)!;
            return Report(await act(scope.ServiceProvider.GetRequiredService<StaffAccounts>(), account, ct), string.Format(System.Globalization.CultureInfo.InvariantCulture, done, account));
        });
        return command;
    }

    private static Command Password(CliContext context)
    {
        var user = UserOption();
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the new password from the first line of standard input (a system account without it gets a new generated client secret)." };
        var command = new Command("password", "Set a new password (system account: a new client secret); ends the account's sessions and tokens.") { user, stdin };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = context.Services.CreateAsyncScope();
            var account = parse.GetValue(user)!;
            var isSystem = (await scope.ServiceProvider.GetRequiredService<StaffDirectory>().FindByUserNameAsync(account, ct))?.Roles.Any(Roles.IsSystemRole) == true;
            string? password;
            string? generated = null;
            if (parse.GetValue(stdin))
            {
                password = Console.In.ReadLine();
            }
            else if (isSystem)
            {
                password = generated = StaffAccounts.NewClientSecret();
            }
            else if (!Console.IsInputRedirected)
            {
                password = AnsiConsole.Prompt(new TextPrompt<string>("New password:").Secret());
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

            var code = Report(await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetPasswordAsync(account, password, ct),
                $"Changed the {(isSystem ? "client secret" : "password")} of '{account}'; its sessions and tokens no longer work.");
            if (code == ExitCodes.Ok && generated is not null)
            {
                Console.WriteLine($"Client secret (shown once): {generated}");
            }

            return code;
        });
        return command;
    }

    private static Command Totp(CliContext context)
    {
        var user = UserOption();
        var remove = new Option<bool>("--remove") { Description = "Remove the account's second factor instead." };
        var command = new Command("totp",
            "Set up (or replace) an account's second factor: prints the authenticator secret as an otpauth URI and a QR code, and 10 one-time recovery codes.")
        {
            user, remove,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = context.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var account = parse.GetValue(user)!;
            if (parse.GetValue(remove))
            {
                return Report(await accounts.RemoveTotpAsync(account, ct), $"Removed the second factor of '{account}'.");
            }

            var (enrolment, errors) = await accounts.EnrolTotpAsync(account, ct);
            if (enrolment is null)
            {
                return Report(errors, "");
            }

            Console.WriteLine($"Second factor of '{account}' set up; its sessions ended. Scan this in the authenticator app:");
            Console.WriteLine(Nokor.Platform.Pdf.QrCode.Text(enrolment.OtpAuthUri));
            Console.WriteLine(enrolment.OtpAuthUri);
            Console.WriteLine($"Secret (to type in by hand): {enrolment.Secret}");
            Console.WriteLine("Recovery codes (each works once; give them to the account holder, keep them offline):");
            foreach (var code in enrolment.RecoveryCodes)
            {
                Console.WriteLine("  " + code);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Report(IReadOnlyList<string> errors, string done)
    {
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                Console.Error.WriteLine(e);
            }

            return errors.Any(e => e.StartsWith("No account", StringComparison.Ordinal)) ? ExitCodes.Misuse : ExitCodes.Failed;
        }

        Console.WriteLine(done);
        return ExitCodes.Ok;
    }
}

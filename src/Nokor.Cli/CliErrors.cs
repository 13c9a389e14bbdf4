using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Nokor.Platform.Errors;
using Npgsql;

namespace Nokor.Cli;

/// <summary>
/// The exit codes of every <c>nokor</c> command (documented in docs/cli.md): a script can tell a
/// failed check from a mistyped option, an unmigrated database, an unreachable one, missing data
/// and a fault of the program.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but what was asked failed: a check found a fault, a file or record was rejected or not found.</summary>
    public const int Failed = 1;

    /// <summary>Invalid arguments, options or configuration.</summary>
    public const int Misuse = 2;

    /// <summary>The database has not been migrated (or not to this version): run <c>nokor db migrate</c>.</summary>
    public const int NotMigrated = 3;

    /// <summary>The database cannot be opened or reached.</summary>
    public const int DatabaseUnavailable = 4;

    /// <summary>The data the command works on is not there yet (a population to draw from, a loaded gazetteer).</summary>
    public const int MissingData = 5;

    /// <summary>An unexpected error, a fault of the program: run again with <c>--verbose</c> for the details.</summary>
    public const int Internal = 70;

    /// <summary>Interrupted (Ctrl+C), as shells report a process ended by SIGINT.</summary>
    public const int Interrupted = 130;
}

/// <summary>A user error a command reports in one line with its exit code, never with a stack trace.</summary>
internal sealed class UserError(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>The one place that turns an exception from any command into a line on stderr and an exit code.</summary>
internal static class CliErrors
{
    /// <summary>The message to show and the exit code for an exception a command let through.</summary>
    public static (int ExitCode, string Message, bool Expected) Classify(Exception exception)
    {
        foreach (var ex in Chain(exception))
        {
            switch (ex)
            {
                case UserError user:
                    return (user.ExitCode, user.Message, true);
                case OperationCanceledException:
                    return (ExitCodes.Interrupted, "Interrupted.", true);
                case SqliteException { SqliteErrorCode: 1 } sqlite when sqlite.Message.Contains("no such table", StringComparison.Ordinal):
                case PostgresException { SqlState: PostgresErrorCodes.UndefinedTable }:
                    return (ExitCodes.NotMigrated, "The database is not migrated: run `nokor db migrate`.", true);
                case SqliteException { SqliteErrorCode: 1 } sqlite when sqlite.Message.Contains("no such column", StringComparison.Ordinal):
                case PostgresException { SqlState: PostgresErrorCodes.UndefinedColumn }:
                    return (ExitCodes.NotMigrated, "The database is not migrated to this version: run `nokor db migrate`.", true);
                case SqliteException { SqliteErrorCode: 5 or 8 or 14 or 26 } sqlite:
                    // SQLITE_BUSY, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_NOTADB.
                    return (ExitCodes.DatabaseUnavailable, "Cannot use the database: " + FirstLine(sqlite.Message), true);
                case PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } postgres:
                    return (ExitCodes.DatabaseUnavailable, "Cannot connect to the database: " + FirstLine(postgres.MessageText), true);
                case NpgsqlException { InnerException: SocketException or TimeoutException or IOException } npgsql:
                    return (ExitCodes.DatabaseUnavailable, "Cannot connect to the database: " + FirstLine(npgsql.Message), true);
                case PreconditionException precondition:
                    return (ExitCodes.MissingData, precondition.Message, true);
                case FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException:
                    // A file named on the command line that is missing or unreadable.
                    return (ExitCodes.Failed, FirstLine(ex.Message), true);
            }
        }

        // Configuration a command cannot run with (an unknown provider, a missing connection string).
        if (exception is InvalidOperationException { Source: { } source } configuration && source.StartsWith("Nokor", StringComparison.Ordinal))
        {
            return (ExitCodes.Misuse, FirstLine(configuration.Message), true);
        }

        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        return (ExitCodes.Internal, $"Unexpected error ({inner.GetType().Name}): {FirstLine(inner.Message)}", false);
    }

    /// <summary>
    /// Writes the one line (and, with <paramref name="verbose"/>, the whole exception with its stack
    /// trace) to <paramref name="error"/> and returns the exit code.
    /// </summary>
    public static int Report(Exception exception, bool verbose, TextWriter error)
    {
        var (code, message, expected) = Classify(exception);
        error.WriteLine(message);
        if (verbose)
        {
            error.WriteLine(exception.ToString());
        }
        else if (!expected)
        {
            error.WriteLine("Run the command again with --verbose for details.");
        }

        return code;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var seen = 0;
        for (var ex = exception; ex is not null && seen < 16; seen++)
        {
            yield return ex;
            ex = ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : ex.InnerException;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? message : message[..end]).Trim();
    }
}

using System.Text.RegularExpressions;

namespace Nokor.Verification.Queries;

/// <summary>A purpose is a code the contract lists, such as <c>account-opening</c> or <c>sim-registration</c>.</summary>
internal static partial class Purposes
{
    public static bool IsWellFormed(string? code) => code is { Length: >= 2 and <= 60 } && Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

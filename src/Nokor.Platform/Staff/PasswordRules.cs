using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Data;

namespace Nokor.Platform.Staff;

/// <summary>
/// Refuses passwords an attacker tries first (NIST SP 800-63B 5.1.1.2), on top of Identity's
/// length rule (12): a password of the shipped list of the 30,000 most common ones
/// (Staff/Data/common-passwords.txt, from zxcvbn, MIT) alone or dressed with digits and symbols at
/// either end ("Password1234!"); one containing the account name; and one that is little more
/// than context or patterns: once the word "nokor", the words of the office's name and of the
/// account's display name and every run of three or more repeated or consecutive characters ("aaa", "123", "cba")
/// are taken out, fewer than 8 characters may not remain ("nokor-2026-aaaa" is refused,
/// "Nokor-demo-2026" is not).
/// </summary>
internal sealed class PasswordRules(PlatformDbContext db) : IPasswordValidator<StaffUser>
{
    public const int MinimumRemainder = 8;
    public const string Code = "PasswordTooCommon";

    private static readonly Lazy<FrozenSet<string>> _common = new(Load);
    private static readonly string[] _platformWords = ["nokor"];

    public static FrozenSet<string> CommonPasswords => _common.Value;

    public async Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }

        var officeName = user.OfficeId == Guid.Empty
            ? null
            : await db.Offices.AsNoTracking().Where(o => o.Id == user.OfficeId).Select(o => o.Name).FirstOrDefaultAsync();
        var reason = Check(password, user.UserName, user.DisplayName, officeName);
        return reason is null ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Code = Code, Description = reason });
    }

    /// <summary>Why the password is refused, in one line, or null when it is acceptable.</summary>
    public static string? Check(string password, string? userName, string? displayName, string? officeName)
    {
        var lower = password.ToLowerInvariant();
        var core = lower.Trim(Trimmable);
        if (CommonPasswords.Contains(lower) || (core.Length > 0 && CommonPasswords.Contains(core)))
        {
            return "password: this password is one of the most common passwords; choose another (a few unrelated words make a good one).";
        }

        if (!string.IsNullOrEmpty(userName) && lower.Contains(userName.Trim().ToLowerInvariant(), StringComparison.Ordinal))
        {
            return "password: the password may not contain the account name.";
        }

        var remainder = lower;
        foreach (var word in _platformWords.Concat(Words(displayName)).Concat(Words(officeName)))
        {
            remainder = remainder.Replace(word, "", StringComparison.Ordinal);
        }

        remainder = WithoutRuns(remainder);
        if (remainder.Length < MinimumRemainder)
        {
            return "password: the password is mostly the platform's, the office's or the account's name, or repeated or consecutive characters (aaa, 123, abc); choose one less predictable.";
        }

        return null;
    }

    private static readonly char[] Trimmable = "0123456789!@#$%^&*()-_=+.,;:?/\\|'\"`~[]{}<> ".ToCharArray();

    /// <summary>Words of four letters or more of a name ("Registration agent, Phnom Penh" → registration, agent, phnom, penh).</summary>
    private static IEnumerable<string> Words(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4).Distinct();

    private static readonly char[] Separators = " .,-_@()'\"/\\:;".ToCharArray();

    /// <summary>The text without runs of three or more equal or consecutive characters (ascending or descending).</summary>
    internal static string WithoutRuns(string text)
    {
        var keep = new bool[text.Length];
        Array.Fill(keep, true);
        var start = 0;
        while (start < text.Length)
        {
            var end = start + 1;
            if (end < text.Length)
            {
                var step = text[end] - text[start];
                if (step is -1 or 0 or 1)
                {
                    while (end + 1 < text.Length && text[end + 1] - text[end] == step)
                    {
                        end++;
                    }

                    if (end - start + 1 >= 3)
                    {
                        for (var i = start; i <= end; i++)
                        {
                            keep[i] = false;
                        }

                        start = end + 1;
                        continue;
                    }
                }
            }

            start++;
        }

        return new string(text.Where((_, i) => keep[i]).ToArray());
    }

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Nokor.Platform.Staff.common-passwords.txt")
                           ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}

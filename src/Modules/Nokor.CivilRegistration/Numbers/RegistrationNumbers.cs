using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;

namespace Nokor.CivilRegistration.Numbers;

/// <summary>
/// Registration numbers, unique nationally without a national counter: <c>B120101-2026-000042</c> is
/// the 42nd birth of 2026 registered by the office of area 120101 (D for deaths; area 00 for the
/// national office). The office code makes numbers of different offices disjoint, and each office's
/// sequence is one row that only that office increments, so an office never waits on, or collides
/// with, another — the row can equally live in an office's own offline store and be synchronized.
/// </summary>
internal static class RegistrationNumbers
{
    public const string NationalOffice = "00";

    public static string Format(VitalEvent e, string officeCode, int year, long sequence) =>
        $"{Letter(e)}{officeCode}-{year:D4}-{sequence:D6}";

    /// <summary>
    /// The number's first letter, one per event: B birth, D death, M marriage, V divorce, A annulment,
    /// S legal separation, P adoption, R recognition, L legitimization, F foetal death, N name change.
    /// </summary>
    public static char Letter(VitalEvent e) => e switch
    {
        VitalEvent.Birth => 'B',
        VitalEvent.Death => 'D',
        VitalEvent.Marriage => 'M',
        VitalEvent.Divorce => 'V',
        VitalEvent.Annulment => 'A',
        VitalEvent.LegalSeparation => 'S',
        VitalEvent.Adoption => 'P',
        VitalEvent.Recognition => 'R',
        VitalEvent.Legitimization => 'L',
        VitalEvent.FoetalDeath => 'F',
        VitalEvent.NameChange => 'N',
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };

    private const string Letters = "BDMVASPRLFN";

    public static bool LooksLikeNumber(string? text) =>
        text is { Length: >= 15 and <= 24 } &&
        Letters.Contains(text[0]) &&
        text.Count(c => c == '-') == 2 &&
        text.Where(c => c != '-').Skip(1).All(char.IsAsciiDigit);

    /// <summary>
    /// Takes the office's next sequence for the event and year in one atomic upsert.
    /// </summary>
    public static async Task<string> NextAsync(CivilDbContext db, VitalEvent e, string officeCode, int year, CancellationToken ct)
    {
        var eventName = e.ToString();
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO crvs_number_counters ("OfficeCode", "Event", "Year", "Next")
            VALUES ({officeCode}, {eventName}, {year}, 1)
            ON CONFLICT ("OfficeCode", "Event", "Year") DO UPDATE SET "Next" = crvs_number_counters."Next" + 1
            RETURNING "Next" AS "Value"
            """).ToListAsync(ct);
        return Format(e, officeCode, year, next[0]);
    }
}

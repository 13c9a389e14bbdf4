using Nokor.CivilRegistration.Contracts;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// Protection of published tables (NSPI 5.2.7: "protection of rights and privacy"): in a small
/// area a count of one to four events can point at a family. Public output therefore suppresses
/// counts of 1-4, rounds every other count (totals included) to the nearest 5 so that suppressed
/// cells cannot be recovered from the totals, and withholds a rate or a percentage whose count of
/// events is suppressed. Staff tables inside an office's own area are exact.
/// </summary>
internal static class Disclosure
{
    public const int SmallestShown = 5;
    public const int RoundingBase = 5;

    public static readonly StatLabel Note = VitalStatisticsTables.ProtectionNote;

    public static StatTable Protect(StatTable table)
    {
        if (table.Protected)
        {
            return table;
        }

        var rows = new List<StatRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var values = row.Values.ToArray();
            var few = false;
            for (var i = 0; i < values.Length; i++)
            {
                if (table.KindOf(row, i) == StatValueKind.Count && !IsDenominator(table.Columns[i].Key))
                {
                    few |= row.Values[i] is > 0 and < SmallestShown;
                    values[i] = Count(row.Values[i]);
                }
            }

            // A rate or share computed from events too few to show is withheld with them: with its
            // own count when the table names it, otherwise with any few count of the row.
            for (var i = 0; i < values.Length; i++)
            {
                if (table.KindOf(row, i) == StatValueKind.Count || table.Columns[i].Key == "Target")
                {
                    continue;
                }

                var withheld = table.CountOf.TryGetValue(table.Columns[i].Key, out var source) && table.ColumnIndex(source) is >= 0 and var s
                    ? row.Values[s] is > 0 and < SmallestShown
                    : few;
                if (withheld)
                {
                    values[i] = null;
                }
            }

            rows.Add(row with { Values = values });
        }

        return table with { Rows = rows, Notes = [.. table.Notes, Note], Protected = true };
    }

    /// <summary>A count as published: 1-4 withheld, the rest rounded to the nearest 5 (halves up).</summary>
    public static double? Count(double? value) => value switch
    {
        null => null,
        <= 0 => value,
        < SmallestShown => null,
        var v => Math.Floor((v.Value / RoundingBase) + 0.5) * RoundingBase,
    };

    /// <summary>Populations and expected events are not counts of registered persons.</summary>
    private static bool IsDenominator(string key) => key is "Denominator" or "Expected";
}

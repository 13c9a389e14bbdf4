using Nokor.Platform.Charts;

namespace Nokor.CivilRegistration.Contracts;

/// <summary>A label in both languages, with a stable key for machines (CSV, JSON, tests).</summary>
public sealed record StatLabel(string Key, string Km, string En)
{
    /// <summary>The Khmer label, or the English one.</summary>
    public string In(bool khmer) => khmer ? Km : En;
}

/// <summary>What a table's cells hold.</summary>
public enum StatValueKind
{
    Count,
    /// <summary>Per 1,000 (crude and age-specific rates, infant mortality), or a plain number such as the TFR.</summary>
    Rate,
    Percent,
}

/// <summary>One row of a table: its label and one value per column (null: suppressed or not available).</summary>
public sealed record StatRow(StatLabel Label, IReadOnlyList<double?> Values, StatValueKind? Kind = null);

/// <summary>
/// One statistical table, as computed (exact) or as published (small cells suppressed, counts
/// rounded: see <see cref="VitalStatisticsTables.ProtectionNote"/>). Rows and columns are in the
/// order of the tabulation plan.
/// </summary>
public sealed record StatTable(
    string Name,
    StatLabel Title,
    StatLabel RowHeading,
    IReadOnlyList<StatLabel> Columns,
    IReadOnlyList<StatRow> Rows,
    StatValueKind Kind,
    IReadOnlyList<StatLabel> Notes)
{
    /// <summary>True when the counts were protected for publication.</summary>
    public bool Protected { get; init; }

    /// <summary>Columns whose cells are counts of events in a table of rates or percentages (e.g. "Registered").</summary>
    public IReadOnlyList<string> CountColumns { get; init; } = [];

    /// <summary>
    /// For a percentage column computed from one count column of the same row (e.g. "Marriages" from
    /// "MarriagesRegistered"), that count column's key: protection withholds the percentage only
    /// when its own count is too few to show. Columns not listed are withheld with any few count of the row.
    /// </summary>
    public IReadOnlyDictionary<string, string> CountOf { get; init; } = new Dictionary<string, string>();

    /// <summary>What the cell of this row and column holds.</summary>
    public StatValueKind KindOf(StatRow row, int column) =>
        CountColumns.Contains(Columns[column].Key) ? StatValueKind.Count : row.Kind ?? Kind;

    /// <summary>The position of the column with this key, or -1.</summary>
    public int ColumnIndex(string columnKey)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == columnKey)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The value at a row key and a column key; null when either is missing or the cell is empty.</summary>
    public double? Cell(string rowKey, string columnKey)
    {
        var row = Rows.FirstOrDefault(r => r.Label.Key == rowKey);
        var column = ColumnIndex(columnKey);
        return row is null || column < 0 ? null : row.Values[column];
    }
}

/// <summary>Whether a year's tables count the events that happened in it or those registered in it (UN P&amp;R Rev. 3, 4.4).</summary>
public enum TabulationBasis
{
    Occurrence,
    Registration,
}

/// <summary>The tables of one year for one area, as computed or as published.</summary>
public sealed record StatisticsSet(int Year, TabulationBasis Basis, string AreaCode, StatLabel Area, bool Protected, IReadOnlyList<StatTable> Tables)
{
    /// <summary>The table with this name, or null.</summary>
    public StatTable? Table(string name) => Tables.FirstOrDefault(t => t.Name == name);
}

/// <summary>The published tables of a year: the nation and each province, protected, by year of occurrence and of registration.</summary>
public sealed record PublishedYear(int Year, DateTimeOffset PublishedAt, IReadOnlyList<StatisticsSet> Sets)
{
    /// <summary>The set of an area ("" for the nation) and basis, or null when it is not published.</summary>
    public StatisticsSet? Set(string area, TabulationBasis basis) => Sets.FirstOrDefault(s => s.AreaCode == area && s.Basis == basis);
}

/// <summary>What a denominators file held.</summary>
public sealed record DenominatorsLoaded(string Kind, int Rows, IReadOnlyList<int> Years, IReadOnlyList<string> Areas);

/// <summary>
/// One chart of a statistics set: the element id the pages give it, the table it is drawn from,
/// and the chart — null when the table has nothing to draw (no deaths with a cause, say).
/// </summary>
public sealed record StatChartDefinition(string Id, string Table, Chart? Chart, bool Wide);

/// <summary>The names of the tables a statistics set holds, and the note that protected tables carry.</summary>
public static class VitalStatisticsTables
{
    /// <summary>Names of the tables beside the tabulation plan.</summary>
    public static readonly string[] IndicatorTables = ["rates", "coverage", "coverage-areas", "escap", "timeliness"];

    /// <summary>Every table of a set, in order: the tabulation plan, then the indicators.</summary>
    public static IEnumerable<string> AllNames => Statistics.Tabulator.Names.Concat(IndicatorTables);

    /// <summary>
    /// The note of a protected (published) table (NSPI 5.2.7: "protection of rights and privacy"):
    /// counts of 1-4 are withheld and the others rounded to the nearest 5.
    /// </summary>
    public static readonly StatLabel ProtectionNote = new("protected",
        "តួលេខត្រូវបានការពារ៖ ចំនួន ១-៤ មិនបង្ហាញ (–) ហើយចំនួនផ្សេងទៀតត្រូវបានបង្គត់ទៅ ៥ ជិតបំផុត",
        "Protected figures: counts of 1-4 are not shown (–) and other counts are rounded to the nearest 5");
}

namespace Nokor.CivilRegistration.Statistics;

/// <summary>A label in both languages, with a stable key for machines (CSV, JSON, tests).</summary>
public sealed record StatLabel(string Key, string Km, string En)
{
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
/// rounded: see <see cref="Disclosure"/>). Rows and columns are in the order of the tabulation plan.
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

    public double? Cell(string rowKey, string columnKey)
    {
        var row = Rows.FirstOrDefault(r => r.Label.Key == rowKey);
        var column = ColumnIndex(columnKey);
        return row is null || column < 0 ? null : row.Values[column];
    }
}

using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Spreadsheets;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>A statistical table as a spreadsheet table (CSV and XLSX downloads), in Khmer or English.</summary>
internal static class StatExport
{
    public static SheetTable Sheet(StatTable table, StatisticsSet set, bool khmer)
    {
        var area = set.Area.In(khmer);
        var basis = set.Basis == TabulationBasis.Occurrence
            ? (khmer ? "តាមឆ្នាំកើតហេតុ" : "by year of occurrence")
            : (khmer ? "តាមឆ្នាំចុះបញ្ជី" : "by year of registration");
        return new SheetTable
        {
            SheetName = table.Name,
            Titles = [table.Title.In(khmer), $"{area} · {set.Year} · {basis}"],
            HeaderRows = [[table.RowHeading.In(khmer), .. table.Columns.Select(c => new SheetHeader(c.In(khmer)))]],
            Rows = table.Rows.Select(r => (IReadOnlyList<SheetCell>)[SheetCell.Text(r.Label.In(khmer)), .. r.Values.Select((v, i) => Cell(table, r, i, v))]).ToList(),
            Footnotes = table.Notes.Select(n => n.In(khmer)).ToList(),
        };
    }

    /// <summary>The machine-readable form: row keys rather than labels, so programs can join tables across years and languages.</summary>
    public static SheetTable Data(StatTable table) => new()
    {
        SheetName = table.Name,
        HeaderRows = [["key", .. table.Columns.Select(c => new SheetHeader(c.Key))]],
        Rows = table.Rows.Select(r => (IReadOnlyList<SheetCell>)[SheetCell.Text(r.Label.Key), .. r.Values.Select((v, i) => Cell(table, r, i, v))]).ToList(),
    };

    private static SheetCell Cell(StatTable table, StatRow row, int column, double? value)
    {
        if (value is not { } v)
        {
            return table.Protected ? SheetCell.Suppressed() : SheetCell.Empty;
        }

        return table.KindOf(row, column) switch
        {
            StatValueKind.Count => SheetCell.Integer((long)Math.Round(v)),
            StatValueKind.Percent => SheetCell.Percent((decimal)v / 100m),
            _ => SheetCell.Decimal((decimal)v, row.Label.Key == "tfr" ? 2 : 1),
        };
    }
}

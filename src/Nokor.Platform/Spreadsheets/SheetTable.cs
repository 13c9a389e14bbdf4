namespace Nokor.Platform.Spreadsheets;

/// <summary>
/// A statistical table as a neutral model, so that one table built by a statistics module can be
/// offered as XLSX (<see cref="XlsxWriter"/>) and CSV (<see cref="CsvTableWriter"/>) without either
/// format leaking into the module. Top to bottom: title lines (titles in Khmer and English, area,
/// year, notes such as "cells 1–4 suppressed"), up to two header rows (a column-group row over the
/// columns' own headings), the body, and footnotes.
/// </summary>
public sealed class SheetTable
{
    /// <summary>Header rows a table may have: one, or a column-group row over the columns' own headings.</summary>
    public const int MaxHeaderRows = 2;

    /// <summary>The worksheet's name; writers make it fit Excel's rules (<see cref="XlsxWriter.SanitizeSheetNames"/>).</summary>
    public required string SheetName { get; init; }

    /// <summary>Lines above the table, one cell each.</summary>
    public IReadOnlyList<string> Titles { get; init; } = [];

    /// <summary>Zero to two rows of headings; every row covers the same number of columns.</summary>
    public IReadOnlyList<IReadOnlyList<SheetHeader>> HeaderRows { get; init; } = [];

    /// <summary>The body; a row shorter than the table is padded with empty cells.</summary>
    public IReadOnlyList<IReadOnlyList<SheetCell>> Rows { get; init; } = [];

    /// <summary>Lines below the table, one cell each.</summary>
    public IReadOnlyList<string> Footnotes { get; init; } = [];

    /// <summary>The number of columns: the headers' width, or the widest body row when there are no headers.</summary>
    public int ColumnCount
    {
        get
        {
            var width = HeaderRows.Count > 0 ? HeaderRows[0].Sum(h => h.Span) : 0;
            foreach (var row in Rows)
            {
                width = Math.Max(width, row.Count);
            }

            return width;
        }
    }

    /// <summary>
    /// For each column, the header cell of <paramref name="headerRow"/> that covers it and whether
    /// the column is the first one the cell covers.
    /// </summary>
    public IReadOnlyList<(SheetHeader Header, bool IsFirst)> HeaderColumns(int headerRow)
    {
        var columns = new List<(SheetHeader, bool)>();
        foreach (var header in HeaderRows[headerRow])
        {
            for (var i = 0; i < header.Span; i++)
            {
                columns.Add((header, i == 0));
            }
        }

        return columns;
    }

    /// <summary>
    /// Each column's heading on one line: the group heading and the column's own joined by ": "
    /// ("Male: 0-4"), either alone when the other is empty. Empty when the table has no header rows.
    /// </summary>
    public IReadOnlyList<string> FlattenedHeaders()
    {
        var count = ColumnCount;
        var headings = new string[count];
        Array.Fill(headings, "");
        for (var r = 0; r < HeaderRows.Count; r++)
        {
            var columns = HeaderColumns(r);
            for (var c = 0; c < columns.Count; c++)
            {
                var text = columns[c].Header.Text.Trim();
                if (text.Length == 0 || text == headings[c])
                {
                    continue;
                }

                headings[c] = headings[c].Length == 0 ? text : headings[c] + ": " + text;
            }
        }

        return count == 0 || HeaderRows.Count == 0 ? [] : headings;
    }

    /// <summary>Throws when the table cannot be written: too many header rows, header rows of different widths, body rows wider than the headers.</summary>
    /// <exception cref="ArgumentException">The table is inconsistent; the message says how.</exception>
    public void Validate()
    {
        if (HeaderRows.Count > MaxHeaderRows)
        {
            throw new ArgumentException($"Table '{SheetName}' has {HeaderRows.Count} header rows; at most {MaxHeaderRows} are supported.");
        }

        if (HeaderRows.Count == 0)
        {
            return;
        }

        var width = HeaderRows[0].Sum(h => h.Span);
        for (var r = 1; r < HeaderRows.Count; r++)
        {
            var other = HeaderRows[r].Sum(h => h.Span);
            if (other != width)
            {
                throw new ArgumentException($"Table '{SheetName}': header row {r + 1} covers {other} columns, header row 1 covers {width}.");
            }
        }

        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Count > width)
            {
                throw new ArgumentException($"Table '{SheetName}': body row {i + 1} has {Rows[i].Count} cells, the headers cover {width} columns.");
            }
        }
    }
}

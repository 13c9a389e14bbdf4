using System.Xml;

namespace Nokor.Platform.Spreadsheets;

/// <summary>
/// The workbook's styles part: a fixed set of cell formats (default, bold title, bold header,
/// integer, suppressed marker) followed by one number format per count of decimals the tables use.
/// A 1-decimal number and a 1-decimal percent format are always present.
/// </summary>
internal sealed class XlsxStyles
{
    public const int Default = 0;
    public const int Title = 1;
    public const int Header = 2;
    public const int Integer = 3;
    public const int Suppressed = 4;

    private const int FirstCustomFormat = 164;
    private const int BuiltinThousands = 3;
    private const int BuiltinPercent = 9;

    private readonly List<(int Id, string Code)> _formats = [];
    private readonly List<Xf> _xfs =
    [
        new(0, 0, 0, null, false),
        new(0, 1, 0, null, false),
        new(0, 1, 1, "center", true),
        new(BuiltinThousands, 0, 0, null, false),
        new(0, 0, 0, "right", false),
    ];

    private readonly Dictionary<int, int> _decimalStyles = [];
    private readonly Dictionary<int, int> _percentStyles = [];

    public XlsxStyles(IEnumerable<SheetTable> tables)
    {
        var decimals = new SortedSet<int> { 1 };
        var percents = new SortedSet<int> { 1 };
        foreach (var cell in tables.SelectMany(t => t.Rows).SelectMany(r => r))
        {
            if (cell.Kind == SheetCellKind.Decimal)
            {
                decimals.Add(cell.Decimals);
            }
            else if (cell.Kind == SheetCellKind.Percent)
            {
                percents.Add(cell.Decimals);
            }
        }

        foreach (var d in decimals)
        {
            _decimalStyles[d] = AddNumberStyle(d == 0 ? BuiltinThousands : AddFormat("#,##0." + new string('0', d)));
        }

        foreach (var d in percents)
        {
            _percentStyles[d] = AddNumberStyle(d == 0 ? BuiltinPercent : AddFormat("0." + new string('0', d) + "%"));
        }
    }

    public int For(SheetCell cell) => cell.Kind switch
    {
        SheetCellKind.Integer => Integer,
        SheetCellKind.Decimal => _decimalStyles[cell.Decimals],
        SheetCellKind.Percent => _percentStyles[cell.Decimals],
        SheetCellKind.Suppressed => Suppressed,
        _ => Default,
    };

    private int AddFormat(string code)
    {
        var id = FirstCustomFormat + _formats.Count;
        _formats.Add((id, code));
        return id;
    }

    private int AddNumberStyle(int formatId)
    {
        _xfs.Add(new(formatId, 0, 0, null, false));
        return _xfs.Count - 1;
    }

    public void Write(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", XlsxNamespaces.Main);

        w.WriteStartElement("numFmts");
        w.WriteAttributeString("count", Count(_formats.Count));
        foreach (var (id, code) in _formats)
        {
            w.WriteStartElement("numFmt");
            w.WriteAttributeString("numFmtId", Count(id));
            w.WriteAttributeString("formatCode", code);
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("fonts");
        w.WriteAttributeString("count", "2");
        WriteFont(w, bold: false);
        WriteFont(w, bold: true);
        w.WriteEndElement();

        w.WriteStartElement("fills");
        w.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            w.WriteStartElement("fill");
            w.WriteStartElement("patternFill");
            w.WriteAttributeString("patternType", pattern);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("borders");
        w.WriteAttributeString("count", "2");
        WriteBorder(w, bottom: false);
        WriteBorder(w, bottom: true);
        w.WriteEndElement();

        w.WriteStartElement("cellStyleXfs");
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("xf");
        w.WriteAttributeString("numFmtId", "0");
        w.WriteAttributeString("fontId", "0");
        w.WriteAttributeString("fillId", "0");
        w.WriteAttributeString("borderId", "0");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cellXfs");
        w.WriteAttributeString("count", Count(_xfs.Count));
        foreach (var xf in _xfs)
        {
            xf.Write(w);
        }

        w.WriteEndElement();

        w.WriteStartElement("cellStyles");
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("cellStyle");
        w.WriteAttributeString("name", "Normal");
        w.WriteAttributeString("xfId", "0");
        w.WriteAttributeString("builtinId", "0");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteEndElement();
    }

    private static void WriteFont(XmlWriter w, bool bold)
    {
        w.WriteStartElement("font");
        if (bold)
        {
            w.WriteElementString("b", "");
        }

        WriteVal(w, "sz", "11");
        WriteVal(w, "name", "Calibri");
        WriteVal(w, "family", "2");
        w.WriteEndElement();
    }

    private static void WriteBorder(XmlWriter w, bool bottom)
    {
        w.WriteStartElement("border");
        w.WriteElementString("left", "");
        w.WriteElementString("right", "");
        w.WriteElementString("top", "");
        w.WriteStartElement("bottom");
        if (bottom)
        {
            w.WriteAttributeString("style", "thin");
            w.WriteStartElement("color");
            w.WriteAttributeString("auto", "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteElementString("diagonal", "");
        w.WriteEndElement();
    }

    private static void WriteVal(XmlWriter w, string element, string value)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("val", value);
        w.WriteEndElement();
    }

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Xf(int NumFmtId, int FontId, int BorderId, string? Horizontal, bool Wrap)
    {
        public void Write(XmlWriter w)
        {
            w.WriteStartElement("xf");
            w.WriteAttributeString("numFmtId", Count(NumFmtId));
            w.WriteAttributeString("fontId", Count(FontId));
            w.WriteAttributeString("fillId", "0");
            w.WriteAttributeString("borderId", Count(BorderId));
            w.WriteAttributeString("xfId", "0");
            if (NumFmtId != 0)
            {
                w.WriteAttributeString("applyNumberFormat", "1");
            }

            if (FontId != 0)
            {
                w.WriteAttributeString("applyFont", "1");
            }

            if (BorderId != 0)
            {
                w.WriteAttributeString("applyBorder", "1");
            }

            if (Horizontal is not null || Wrap)
            {
                w.WriteAttributeString("applyAlignment", "1");
                w.WriteStartElement("alignment");
                if (Horizontal is not null)
                {
                    w.WriteAttributeString("horizontal", Horizontal);
                }

                if (Wrap)
                {
                    w.WriteAttributeString("vertical", "center");
                    w.WriteAttributeString("wrapText", "1");
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }
    }
}

/// <summary>The namespaces, relationship types and content types of the package's parts.</summary>
internal static class XlsxNamespaces
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    public const string CoreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    public const string ExtendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string DublinCoreTerms = "http://purl.org/dc/terms/";
    public const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    public const string OfficeDocumentType = OfficeRelationships + "/officeDocument";
    public const string WorksheetType = OfficeRelationships + "/worksheet";
    public const string StylesType = OfficeRelationships + "/styles";
    public const string SharedStringsType = OfficeRelationships + "/sharedStrings";
    public const string ExtendedPropertiesType = OfficeRelationships + "/extended-properties";
    public const string CorePropertiesType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

    public const string RelationshipsContent = "application/vnd.openxmlformats-package.relationships+xml";
    public const string WorkbookContent = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string WorksheetContent = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    public const string StylesContent = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    public const string SharedStringsContent = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    public const string CorePropertiesContent = "application/vnd.openxmlformats-package.core-properties+xml";
    public const string ExtendedPropertiesContent = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
}

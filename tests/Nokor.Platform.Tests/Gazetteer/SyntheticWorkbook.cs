using System.IO.Compression;
using System.Security;
using System.Text;

namespace Nokor.Platform.Tests.Gazetteer;

/// <summary>
/// Writes a minimal .xlsx: each sheet a list of rows, strings as shared strings, numbers as numeric
/// cells, with the content types and the package relationship that every workbook has (the Open XML
/// SDK that reads it finds the workbook through them).
/// </summary>
internal static class SyntheticWorkbook
{
    public static MemoryStream Create(params (string Name, object?[][] Rows)[] sheets)
    {
        var shared = new List<string>();
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var workbook = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
            var rels = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
            for (var i = 0; i < sheets.Length; i++)
            {
                var id = i + 1;
                workbook.Append($"""<sheet name="{SecurityElement.Escape(sheets[i].Name)}" sheetId="{id}" r:id="rId{id}"/>""");
                rels.Append($"""<Relationship Id="rId{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{id}.xml"/>""");
                Write(zip, $"xl/worksheets/sheet{id}.xml", Sheet(sheets[i].Rows, shared));
            }

            Write(zip, "xl/workbook.xml", workbook.Append("</sheets></workbook>").ToString());
            rels.Append($"""<Relationship Id="rId{sheets.Length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""");
            Write(zip, "xl/_rels/workbook.xml.rels", rels.Append("</Relationships>").ToString());
            var sst = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
            foreach (var s in shared)
            {
                // Rich text runs and a phonetic hint, as Excel writes them; the hint must not be read.
                var half = s.Length / 2;
                sst.Append($"""<si><r><t xml:space="preserve">{SecurityElement.Escape(s[..half])}</t></r><r><t xml:space="preserve">{SecurityElement.Escape(s[half..])}</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>""");
            }

            Write(zip, "xl/sharedStrings.xml", sst.Append("</sst>").ToString());
            var types = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""");
            for (var i = 0; i < sheets.Length; i++)
            {
                types.Append($"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
            }

            Write(zip, "[Content_Types].xml", types.Append("</Types>").ToString());
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        }

        stream.Position = 0;
        return stream;
    }

    private static string Sheet(object?[][] rows, List<string> shared)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (var r = 0; r < rows.Length; r++)
        {
            xml.Append($"""<row r="{r + 1}">""");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string s:
                        shared.Add(s);
                        xml.Append($"""<c r="{reference}" t="s"><v>{shared.Count - 1}</v></c>""");
                        break;
                    case var number:
                        xml.Append($"""<c r="{reference}"><v>{number}</v></c>""");
                        break;
                }
            }

            xml.Append("</row>");
        }

        return xml.Append("</sheetData></worksheet>").ToString();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}

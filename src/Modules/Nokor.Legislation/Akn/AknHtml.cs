using System.Net;
using System.Text;

namespace Nokor.Legislation.Akn;

/// <summary>
/// Renders a text as an HTML fragment for the public pages: the title, a table of contents
/// linking to every part, chapter, section and article (anchors are the eIds, so a link to
/// <c>#art_12</c> survives re-rendering and new versions), the preamble and the body. Every piece
/// of text and every attribute is HTML-encoded and nothing executable is emitted: texts come
/// from uploads and must not be able to inject markup into the Senate's site.
/// </summary>
internal static class AknHtml
{
    /// <summary>The fragment, rooted in <c>&lt;article class="akn-document" lang="km|en"&gt;</c>.</summary>
    public static string Render(LegalText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var khmer = text.Language == AknLanguages.Khmer;
        var html = new StringBuilder();
        html.Append("<article class=\"akn-document akn-").Append(FrbrUri.TypeName(text.Work.Type))
            .Append("\" lang=\"").Append(khmer ? "km" : "en").Append("\">\n");
        html.Append("<header class=\"akn-preface\"><h1 class=\"akn-title\">").Append(Encode(text.Title)).Append("</h1></header>\n");

        html.Append("<nav class=\"akn-toc\" aria-label=\"").Append(khmer ? "មាតិកា" : "Table of contents").Append("\">\n");
        AppendToc(html, text.Body);
        html.Append("</nav>\n");

        if (text.Preamble.Count > 0)
        {
            html.Append("<div class=\"akn-preamble\">\n");
            foreach (var line in text.Preamble)
            {
                html.Append("<p>").Append(Encode(line)).Append("</p>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("<div class=\"akn-body\">\n");
        foreach (var unit in text.Body)
        {
            AppendUnit(html, unit, 2);
        }

        html.Append("</div>\n</article>\n");
        return html.ToString();
    }

    /// <summary>The nested table of contents, walked with an explicit stack (no recursion a deep text could exhaust).</summary>
    private static void AppendToc(StringBuilder html, IReadOnlyList<TextUnit> units)
    {
        // A list frame writes its next entry (or "</ol>" when done); a closing frame writes its text.
        var stack = new Stack<(List<TextUnit>? Entries, int Index, string? Close)>();
        void OpenList(IReadOnlyList<TextUnit> list)
        {
            var entries = list.Where(u => u.Kind != TextUnitKind.Paragraph).ToList();
            if (entries.Count > 0)
            {
                html.Append("<ol>\n");
                stack.Push((entries, 0, null));
            }
        }

        OpenList(units);
        while (stack.Count > 0)
        {
            var (entries, index, close) = stack.Pop();
            if (entries is null)
            {
                html.Append(close);
                continue;
            }

            if (index >= entries.Count)
            {
                html.Append("</ol>\n");
                continue;
            }

            stack.Push((entries, index + 1, null));
            var unit = entries[index];
            html.Append("<li class=\"akn-toc-").Append(Css(unit.Kind)).Append("\"><a href=\"#").Append(Encode(unit.EId)).Append("\">")
                .Append(Encode(Label(unit))).Append("</a>");
            stack.Push((null, 0, "</li>\n"));
            if (unit.Kind != TextUnitKind.Article)
            {
                OpenList(unit.Children);
            }
        }
    }

    /// <summary>A unit and everything below it, walked with an explicit stack.</summary>
    private static void AppendUnit(StringBuilder html, TextUnit top, int topLevel)
    {
        var open = new Stack<(TextUnit Unit, int Level, int Next)>();
        Open(html, top, topLevel);
        open.Push((top, topLevel, 0));
        while (open.Count > 0)
        {
            var (unit, level, next) = open.Pop();
            if (next < unit.Children.Count)
            {
                open.Push((unit, level, next + 1));
                var child = unit.Children[next];
                var childLevel = unit.Kind == TextUnitKind.Paragraph ? level : level + 1;
                Open(html, child, childLevel);
                open.Push((child, childLevel, 0));
            }
            else
            {
                html.Append(unit.Kind == TextUnitKind.Paragraph ? "</div>\n" : "</section>\n");
            }
        }
    }

    /// <summary>A unit's opening tag, number, heading and own text; its children and closing tag follow.</summary>
    private static void Open(StringBuilder html, TextUnit unit, int level)
    {
        var css = Css(unit.Kind);
        if (unit.Kind == TextUnitKind.Paragraph)
        {
            html.Append("<div class=\"akn-paragraph\" id=\"").Append(Encode(unit.EId)).Append("\">");
            if (unit.Num.Length > 0)
            {
                html.Append("<span class=\"akn-num\">").Append(Encode(unit.Num)).Append("</span> ");
            }

            AppendLines(html, unit.Text);
            return;
        }

        var h = Math.Min(level, 6);
        html.Append("<section class=\"akn-").Append(css).Append("\" id=\"").Append(Encode(unit.EId)).Append("\">\n");
        html.Append("<h").Append(h).Append(" class=\"akn-heading\">");
        if (unit.Num.Length > 0)
        {
            html.Append("<span class=\"akn-num\">").Append(Encode(unit.Num)).Append("</span>");
        }

        if (unit.Heading is { Length: > 0 } heading)
        {
            html.Append(unit.Num.Length > 0 ? " " : "").Append("<span class=\"akn-heading-text\">").Append(Encode(heading)).Append("</span>");
        }

        html.Append("</h").Append(h).Append(">\n");
        AppendLines(html, unit.Text);
    }

    private static void AppendLines(StringBuilder html, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            html.Append("<p class=\"akn-p\">").Append(Encode(line)).Append("</p>");
        }

        if (lines.Count > 0)
        {
            html.Append('\n');
        }
    }

    private static string Label(TextUnit unit) =>
        unit.Heading is { Length: > 0 } heading ? (unit.Num.Length > 0 ? $"{unit.Num} – {heading}" : heading) : unit.Num.Length > 0 ? unit.Num : unit.EId;

    private static string Css(TextUnitKind kind) => AknWriter.ElementName(kind);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

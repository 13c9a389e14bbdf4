using System.Xml;
using System.Xml.Linq;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Akn;

/// <summary>
/// Reads an Akoma Ntoso 3.0 act or bill back into a <see cref="LegalText"/>. The document is
/// first validated against the official schema, so a non-conforming upload is refused with the
/// line and the reason and nothing is stored; then the FRBR work and expression IRIs give the
/// work, the language and the version date, and the body gives the units. Text is normalized
/// (<see cref="KhmerText.Normalize"/>) so that what is read compares and searches like what was
/// imported.
/// </summary>
/// <remarks>
/// The platform's model has parts, chapters, sections, articles and paragraphs; a document
/// using other hierarchical elements (book, title, subsection, point…) is refused with the
/// element and its line rather than silently flattened, because dropping a level would change
/// the eIds that comments and amendments refer to.
/// </remarks>
internal static class AknReader
{
    private static readonly XNamespace _ns = AknSchema.Namespace;

    private static readonly Dictionary<string, TextUnitKind> _kinds = new(StringComparer.Ordinal)
    {
        ["part"] = TextUnitKind.Part,
        ["chapter"] = TextUnitKind.Chapter,
        ["section"] = TextUnitKind.Section,
        ["article"] = TextUnitKind.Article,
        ["paragraph"] = TextUnitKind.Paragraph,
    };

    private static readonly HashSet<string> _blockHolders = new(StringComparer.Ordinal) { "intro", "content", "wrapUp" };

    private static readonly HashSet<string> _labels = new(StringComparer.Ordinal) { "num", "heading", "subheading" };

    /// <summary>Validates and reads <paramref name="xml"/> within the default limits; never throws on bad input.</summary>
    public static AknResult Read(string? xml) => Read(xml, AknLimits.Default);

    /// <summary>
    /// Validates and reads <paramref name="xml"/>; never throws on bad input. The nesting is
    /// checked against <paramref name="limits"/> on the raw stream first, so a document nesting
    /// deeper is refused (naming the element, its line and the limit) before the schema validator
    /// or the tree loader spends anything on it.
    /// </summary>
    public static AknResult Read(string? xml, AknLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return AknResult.Failure(0, 0, "The document is empty.");
        }

        if (AknSchema.CheckDepth(xml, limits) is { } tooDeep)
        {
            return AknResult.Failure([tooDeep]);
        }

        var schemaErrors = AknSchema.ValidateChecked(xml);
        return schemaErrors.Count > 0 ? AknResult.Failure(schemaErrors) : Parse(xml);
    }

    /// <summary>
    /// Reads a document this system wrote and validated when it stored it, without validating it
    /// again (a page view of a long law should not pay for a schema validation). The nesting is
    /// still checked, against <see cref="AknLimits.Stored"/>: a row written before the limits
    /// existed, or altered in the database, is refused like an upload, never walked.
    /// </summary>
    public static AknResult ReadStored(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > AknSchema.MaxDocumentCharacters)
        {
            return AknResult.Failure(0, 0, $"The document has {xml.Length:N0} characters; at most {AknSchema.MaxDocumentCharacters:N0} are read.");
        }

        return AknSchema.CheckDepth(xml, AknLimits.Stored) is { } tooDeep ? AknResult.Failure([tooDeep]) : Parse(xml);
    }

    /// <summary>Loads and reads a document whose nesting <see cref="AknSchema.CheckDepth"/> has accepted.</summary>
    private static AknResult Parse(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), AknSchema.SafeReaderSettings());
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return AknResult.Failure(e.LineNumber, e.LinePosition, "The document is not well-formed XML: " + e.Message);
        }

        var errors = new List<AknError>();
        var text = new Reader(errors).Read(document.Root!);
        return errors.Count > 0 || text is null ? AknResult.Failure(errors) : AknResult.Success(text);
    }

    private static AknError Error(XObject at, string message)
    {
        var info = (IXmlLineInfo)at;
        return new AknError(info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0, message);
    }

    private static string Clean(string value) => KhmerText.Normalize(value);

    private sealed class Reader(List<AknError> errors)
    {
        public LegalText? Read(XElement root)
        {
            var doc = root.Elements().FirstOrDefault();
            if (doc is null || FrbrUri.TypeFromName(doc.Name.LocalName) is not { } type)
            {
                errors.Add(Error((XObject?)doc ?? root, $"The document is a <{doc?.Name.LocalName}>: only <act> and <bill> are held."));
                return null;
            }

            var identification = doc.Element(_ns + "meta")!.Element(_ns + "identification")!;
            var workUri = identification.Element(_ns + "FRBRWork")!.Element(_ns + "FRBRuri")!;
            var expressionUri = identification.Element(_ns + "FRBRExpression")!.Element(_ns + "FRBRuri")!;
            if (!FrbrUri.TryParse((string?)workUri.Attribute("value"), out var work, out var error) || work.Level != FrbrLevel.Work)
            {
                errors.Add(Error(workUri, work is null ? "FRBRWork/FRBRuri: " + error : $"FRBRWork/FRBRuri \"{work}\" is not a work IRI."));
                return null;
            }

            if (work.Work.Type != type)
            {
                errors.Add(Error(workUri, $"The work IRI names a {FrbrUri.TypeName(work.Work.Type)} but the document is an <{doc.Name.LocalName}>."));
                return null;
            }

            if (!FrbrUri.TryParse((string?)expressionUri.Attribute("value"), out var expression, out error) || expression.Level != FrbrLevel.Expression)
            {
                errors.Add(Error(expressionUri, expression is null ? "FRBRExpression/FRBRuri: " + error : $"FRBRExpression/FRBRuri \"{expression}\" is not an expression IRI."));
                return null;
            }

            if (expression.Work != work.Work)
            {
                errors.Add(Error(expressionUri, $"The expression \"{expression}\" is not an expression of the work \"{work}\"."));
                return null;
            }

            if (!AknLanguages.IsSupported(expression.Language))
            {
                errors.Add(Error(expressionUri, $"The language \"{expression.Language}\" is not held: texts are in Khmer (khm) or English (eng)."));
                return null;
            }

            var preface = doc.Element(_ns + "preface");
            var titleElement = preface?.Descendants(_ns + "docTitle").FirstOrDefault() ?? preface?.Element(_ns + "longTitle");
            var title = titleElement is null ? "" : Clean(titleElement.Value);
            if (title.Length == 0)
            {
                errors.Add(Error((XObject?)preface ?? doc, "The document has no title: put it in <preface> as <docTitle>."));
                return null;
            }

            var preamble = doc.Element(_ns + "preamble") is { } p ? Blocks(p) : [];
            var body = doc.Element(_ns + "body")!.Elements().Select(ReadUnit).OfType<TextUnit>().ToArray();
            if (errors.Count > 0)
            {
                return null;
            }

            return new LegalText(work.Work, expression.Language!, expression.VersionDate, title, preamble, body);
        }

        /// <summary>
        /// Reads one unit and, recursively, its sub-units. The recursion is bounded: every caller
        /// has passed the document through <see cref="AknSchema.CheckDepth"/>, so the element tree
        /// is at most <see cref="AknLimits.HardMaxDepth"/> + <see cref="AknLimits.ElementAllowance"/>
        /// deep (the same bound holds for <see cref="XElement.Value"/> in <see cref="Blocks"/>).
        /// </summary>
        private TextUnit? ReadUnit(XElement element)
        {
            if (element.Name.Namespace != _ns || !_kinds.TryGetValue(element.Name.LocalName, out var kind))
            {
                errors.Add(Error(element, $"<{element.Name.LocalName}> is not supported here: texts are made of part, chapter, section, article and paragraph."));
                return null;
            }

            var eId = (string?)element.Attribute("eId");
            if (string.IsNullOrEmpty(eId))
            {
                errors.Add(Error(element, $"The <{element.Name.LocalName}> has no eId: every unit needs one for comments and comparisons."));
                return null;
            }

            var num = element.Element(_ns + "num") is { } n ? Clean(n.Value) : "";
            var heading = element.Element(_ns + "heading") is { } h && Clean(h.Value) is { Length: > 0 } cleaned ? cleaned : null;
            var text = new List<string>();
            var children = new List<TextUnit>();
            foreach (var child in element.Elements())
            {
                var name = child.Name.LocalName;
                if (child.Name.Namespace == _ns && _labels.Contains(name))
                {
                    continue;
                }

                if (child.Name.Namespace == _ns && _blockHolders.Contains(name))
                {
                    text.AddRange(Blocks(child));
                    continue;
                }

                if (ReadUnit(child) is { } unit)
                {
                    children.Add(unit);
                }
            }

            return new TextUnit(kind, eId, num, heading, text.ToArray(), children.ToArray());
        }

        private static string[] Blocks(XElement holder) => holder.Elements()
            .SelectMany(b => b.Name.LocalName == "p" || !b.Descendants(_ns + "p").Any() ? [b] : b.Descendants(_ns + "p"))
            .Select(b => Clean(b.Value))
            .Where(t => t.Length > 0)
            .ToArray();
    }
}

using System.Xml;
using System.Xml.Schema;

namespace Nokor.Legislation.Akn;

/// <summary>
/// Validates documents against the official Akoma Ntoso 3.0 schema (OASIS LegalDocML, shipped
/// in <c>Akn/Schema</c> with its CC-BY 4.0 notice). The schema set is compiled once from the
/// embedded resources; the import of <c>xml.xsd</c> is served from the embedded copy, nothing is
/// fetched from the network, DTDs are refused and no external entity is ever resolved, so a
/// hostile upload can neither reach other hosts nor expand entities.
/// </summary>
internal static class AknSchema
{
    /// <summary>The Akoma Ntoso 3.0 namespace.</summary>
    public const string Namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    /// <summary>At most this many errors are reported for one document.</summary>
    public const int MaxErrors = 50;

    /// <summary>The most characters a document may have; no reader of this library reads more.</summary>
    public const int MaxDocumentCharacters = 50_000_000;

    /// <summary>The hierarchical elements of Akoma Ntoso 3.0 (ANhier), each one level of a text's structure.</summary>
    private static readonly HashSet<string> _hierarchy = new(StringComparer.Ordinal)
    {
        "alinea", "article", "book", "chapter", "clause", "division", "indent", "level", "list", "paragraph", "part", "point",
        "proviso", "rule", "section", "subchapter", "subclause", "subdivision", "sublist", "subparagraph", "subpart", "subrule",
        "subsection", "subtitle", "title", "tome", "transitional",
    };

    private const string ResourcePrefix = "Nokor.Legislation.Akn.Schema.";

    /// <summary>
    /// Compiled schema sets ready for use. XmlSchemaSet promises no thread safety for its instance
    /// members, so a validation rents a set of its own and gives it back; the pool grows to the
    /// number of validations ever running at once and keeps at most <see cref="PoolLimit"/>.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentBag<XmlSchemaSet> _pool = [];

    private static readonly int PoolLimit = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>
    /// The validation errors of <paramref name="xml"/>, each with its line and column; empty when
    /// the document is well-formed, has <c>akomaNtoso</c> in the AKN namespace as its root and
    /// conforms to the schema.
    /// </summary>
    public static IReadOnlyList<AknError> Validate(string xml) => Validate(xml, AknLimits.Default);

    /// <summary>
    /// As <see cref="Validate(string)"/>, with the nesting checked against <paramref name="limits"/>
    /// first: a document nesting deeper is refused before the validator builds anything for it.
    /// </summary>
    public static IReadOnlyList<AknError> Validate(string xml, AknLimits limits)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(limits);
        return CheckDepth(xml, limits) is { } tooDeep ? [tooDeep] : ValidateChecked(xml);
    }

    /// <summary>
    /// Streams through <paramref name="xml"/> without building anything and reports the first
    /// element nested deeper than <paramref name="limits"/> allow: more hierarchical units (part,
    /// chapter, article, paragraph, point…) inside one another than <see cref="AknLimits.MaxDepth"/>,
    /// or more elements of any kind than <see cref="AknLimits.MaxElementDepth"/>. The error names the
    /// element, its path (repeated names counted: <c>article/paragraph×33</c>), its eId or the
    /// nearest enclosing one, its line and the limit. Null when the nesting is within the limits;
    /// also null for input that is not well-formed, which the schema validation reports with its
    /// line. Memory is bounded by the limit: the walk keeps only the open elements, and stops at
    /// the first one too deep.
    /// </summary>
    public static AknError? CheckDepth(string xml, AknLimits limits)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(limits);
        var capacity = limits.MaxElementDepth + 1;
        var names = new string[capacity];
        var eIds = new string?[capacity];
        var units = new int[capacity];
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), SafeReaderSettings());
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                // reader.Depth counts the open ancestors: the element goes at that index and
                // everything the stack held from there on has been closed.
                var index = reader.Depth;
                var name = Cut(reader.LocalName);
                var hierarchical = reader.NamespaceURI == Namespace && _hierarchy.Contains(reader.LocalName);
                var level = (index > 0 ? units[index - 1] : 0) + (hierarchical ? 1 : 0);
                var tooManyUnits = level > limits.MaxDepth;
                if (tooManyUnits || index + 1 > limits.MaxElementDepth)
                {
                    var own = reader.GetAttribute("eId");
                    var enclosing = index > 0 ? eIds[index - 1] : null;
                    var path = Path(names.AsSpan(0, Math.Min(index, capacity)), name);
                    var where = own is not null ? $" (eId {Quote(own)})" : enclosing is not null ? $" (inside {Quote(enclosing)})" : "";
                    var message = tooManyUnits
                        ? $"The <{name}> at {path}{where} is nested {level} hierarchical levels deep; at most {limits.MaxDepth} are accepted."
                        : $"The <{name}> at {path}{where} is nested {index + 1} elements deep; at most {limits.MaxElementDepth} are accepted.";
                    return new AknError(info.LineNumber, info.LinePosition, message);
                }

                names[index] = name;
                eIds[index] = reader.GetAttribute("eId") ?? (index > 0 ? eIds[index - 1] : null);
                units[index] = level;
            }
        }
        catch (XmlException)
        {
            // Not well-formed: the validation that follows reports where it breaks.
        }

        return null;
    }

    /// <summary>An element path with runs of the same name counted: akomaNtoso/act/body/article/paragraph×33.</summary>
    private static string Path(ReadOnlySpan<string> ancestors, string name)
    {
        var path = new System.Text.StringBuilder();
        string? run = null;
        var count = 0;
        void Flush()
        {
            if (run is null)
            {
                return;
            }

            path.Append(path.Length > 0 ? "/" : "").Append(run);
            if (count > 1)
            {
                path.Append('×').Append(count);
            }
        }

        for (var i = 0; i <= ancestors.Length; i++)
        {
            var element = i < ancestors.Length ? ancestors[i] : name;
            if (element == run)
            {
                count++;
                continue;
            }

            Flush();
            (run, count) = (element, 1);
        }

        Flush();
        return path.ToString();
    }

    /// <summary>An identifier from the document for a message: quoted, and cut when long.</summary>
    private static string Quote(string value) => "\"" + (value.Length <= 80 ? value : value[..80] + "…") + "\"";

    /// <summary>An element name for a message, cut when long (a hostile document may use names of any length).</summary>
    private static string Cut(string name) => name.Length <= 40 ? name : name[..40] + "…";

    /// <summary>Validates a document whose nesting <see cref="CheckDepth"/> has accepted.</summary>
    internal static IReadOnlyList<AknError> ValidateChecked(string xml)
    {
        var schemas = _pool.TryTake(out var pooled) ? pooled : Load();
        try
        {
            return ValidateWith(xml, schemas);
        }
        finally
        {
            if (_pool.Count < PoolLimit)
            {
                _pool.Add(schemas);
            }
        }
    }

    private static List<AknError> ValidateWith(string xml, XmlSchemaSet schemas)
    {
        var errors = new List<AknError>();
        var settings = SafeReaderSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = schemas;
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints;
        settings.ValidationEventHandler += (_, e) =>
        {
            if (errors.Count < MaxErrors)
            {
                errors.Add(new AknError(e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0, e.Message));
            }
        };

        IXmlLineInfo? position = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            position = reader as IXmlLineInfo;
            var rootChecked = false;
            while (reader.Read())
            {
                if (!rootChecked && reader.NodeType == XmlNodeType.Element)
                {
                    rootChecked = true;
                    if (reader.LocalName != "akomaNtoso" || reader.NamespaceURI != Namespace)
                    {
                        var info = (IXmlLineInfo)reader;
                        var ns = reader.NamespaceURI.Length == 0 ? "no namespace" : $"the namespace \"{reader.NamespaceURI}\"";
                        return [new AknError(info.LineNumber, info.LinePosition, $"The root element is <{reader.LocalName}> in {ns}; an Akoma Ntoso document has <akomaNtoso> in \"{Namespace}\".")];
                    }
                }
            }

            if (!rootChecked)
            {
                errors.Add(new AknError(0, 0, "The document has no root element."));
            }
        }
        catch (XmlException e)
        {
            // Validation messages about a document that is not even XML are noise: report the break alone.
            var (line, column) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition)
                : position is { LineNumber: > 0 } ? (position.LineNumber, position.LinePosition)
                : LineOf(xml, xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal));
            return [new AknError(line, column, "The document is not well-formed XML: " + e.Message)];
        }

        return errors;
    }

    private static (int Line, int Column) LineOf(string text, int index)
    {
        if (index < 0)
        {
            return (0, 0);
        }

        var line = 1 + text.AsSpan(0, index).Count('\n');
        return (line, index - text.LastIndexOf('\n', Math.Max(0, index - 1)));
    }

    /// <summary>Reader settings that refuse DTDs and never resolve anything external.</summary>
    internal static XmlReaderSettings SafeReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxDocumentCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedResolver() };
        var warnings = new List<string>();
        set.ValidationEventHandler += (_, e) => warnings.Add(e.Message);
        using (var stream = OpenResource("akomantoso30.xsd"))
        using (var reader = XmlReader.Create(stream, SafeReaderSettings(), "embedded:///akn/akomantoso30.xsd"))
        {
            set.Add(Namespace, reader);
        }

        set.Compile();
        if (warnings.Count > 0)
        {
            throw new InvalidOperationException("The embedded Akoma Ntoso schema does not compile cleanly: " + string.Join("; ", warnings));
        }

        return set;
    }

    private static Stream OpenResource(string fileName) =>
        typeof(AknSchema).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
        ?? throw new InvalidOperationException($"The embedded schema resource {ResourcePrefix}{fileName} is missing.");

    /// <summary>Serves the schema's import of xml.xsd from the embedded copy and refuses everything else.</summary>
    private sealed class EmbeddedResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (absoluteUri.Scheme == "embedded" && absoluteUri.AbsolutePath == "/akn/xml.xsd")
            {
                return OpenResource("xml.xsd");
            }

            throw new XmlException($"The schema may not load \"{absoluteUri}\".");
        }

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            new(baseUri is { IsAbsoluteUri: true } ? baseUri : new Uri("embedded:///akn/"), relativeUri ?? "");
    }
}

using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Nokor.Legislation.Akn;

/// <summary>One event of the work's life (AKN <c>lifecycle/eventRef</c>).</summary>
/// <param name="Date">When it happened.</param>
/// <param name="Type">"generation" (the text's birth), "amendment" or "repeal".</param>
/// <param name="SourceUri">The FRBR IRI of the document that caused it (the amending act), or null for this text itself.</param>
internal sealed record AknLifecycleEvent(DateOnly Date, string Type = "generation", string? SourceUri = null);

/// <summary>What <see cref="AknWriter"/> records in the metadata besides the text itself.</summary>
internal sealed record AknWriterOptions
{
    /// <summary>The work's author (FRBRWork/FRBRauthor): the body that adopted the text.</summary>
    public string WorkAuthor { get; init; } = "#nationalAssembly";

    /// <summary>The author of this expression (the version or the translation).</summary>
    public string ExpressionAuthor { get; init; } = "#senate";

    /// <summary>The date the XML was produced (FRBRManifestation/FRBRdate); the expression date when null.</summary>
    public DateOnly? ManifestationDate { get; init; }

    /// <summary>A name for this version (FRBRversionNumber), e.g. "as adopted by the National Assembly".</summary>
    public string? VersionName { get; init; }

    /// <summary>Events written to <c>meta/lifecycle</c>; none when empty.</summary>
    public IReadOnlyList<AknLifecycleEvent> Events { get; init; } = [];
}

/// <summary>
/// Writes a <see cref="LegalText"/> as an Akoma Ntoso 3.0 document (UTF-8, one element per line) that
/// validates against the official schema: <c>meta</c> with the FRBR identification of work,
/// expression and manifestation in the naming convention, the references (TLCs) for every
/// <c>href</c> it uses and an optional lifecycle; <c>preface</c> with the title; the preamble;
/// and the <c>body</c> of parts, chapters, sections, articles and paragraphs.
/// </summary>
/// <remarks>
/// An English text is written as a translation of the Khmer expression of the same version
/// (<c>FRBRtranslation fromLanguage="khm"</c>, not authoritative, and <c>FRBRmasterExpression</c>
/// pointing at the Khmer one), because only the Khmer text is law in Cambodia. The original
/// version is <c>contains="originalVersion"</c>, a later version <c>singleVersion</c> (one
/// point-in-time text, not a multi-version document).
/// <para>
/// Elements start on a line of their own but are not indented: indentation grows with the depth
/// of every line, so a deep text would be written in space (and XmlWriter's indenting in time)
/// quadratic in its depth; a text 8,000 levels deep once took 128 MB. The units are written with
/// an explicit stack, not recursion.
/// </para>
/// </remarks>
internal static partial class AknWriter
{
    private const string Source = "#nokor";

    private static readonly Dictionary<string, string> _knownOrganizations = new(StringComparer.Ordinal)
    {
        ["nokor"] = "Nokor legislative platform",
        ["senate"] = "Senate of the Kingdom of Cambodia",
        ["nationalAssembly"] = "National Assembly of the Kingdom of Cambodia",
        ["constitutionalCouncil"] = "Constitutional Council of the Kingdom of Cambodia",
        ["constituentAssembly"] = "Constituent Assembly of the Kingdom of Cambodia",
        ["royalGovernment"] = "Royal Government of Cambodia",
        ["king"] = "The King of Cambodia",
    };

    [GeneratedRegex("^#[A-Za-z][A-Za-z0-9_-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgentRegex();

    /// <summary>Writes the document; throws <see cref="ArgumentException"/> for a text that cannot be one (bad work number, language or eId).</summary>
    public static string Write(LegalText text, AknWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new AknWriterOptions();
        if (!AknLanguages.IsSupported(text.Language))
        {
            throw new ArgumentException($"The language must be \"khm\" or \"eng\", not \"{text.Language}\".", nameof(text));
        }

        foreach (var agent in new[] { options.WorkAuthor, options.ExpressionAuthor })
        {
            if (!AgentRegex().IsMatch(agent))
            {
                throw new ArgumentException($"The author \"{agent}\" must be a local reference such as \"#senate\".", nameof(options));
            }
        }

        var events = options.Events;
        foreach (var e in events)
        {
            if (e.Type is not ("generation" or "amendment" or "repeal"))
            {
                throw new ArgumentException($"The event type \"{e.Type}\" must be generation, amendment or repeal.", nameof(options));
            }
        }

        if (text.Body.Count == 0)
        {
            throw new ArgumentException("The text has no unit: an Akoma Ntoso body needs at least one.", nameof(text));
        }

        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = false,
            CheckCharacters = true,
        };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            new DocumentWriter(writer, text, options).Write();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    internal static string ElementName(TextUnitKind kind) => kind switch
    {
        TextUnitKind.Part => "part",
        TextUnitKind.Chapter => "chapter",
        TextUnitKind.Section => "section",
        TextUnitKind.Article => "article",
        TextUnitKind.Paragraph => "paragraph",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private sealed class DocumentWriter(XmlWriter writer, LegalText text, AknWriterOptions options)
    {
        private readonly SortedSet<string> _organizations = new(StringComparer.Ordinal) { "nokor" };

        /// <summary>For each open element, whether it holds elements (its end tag then goes on a line of its own).</summary>
        private readonly Stack<bool> _open = new();

        public void Write()
        {
            var work = text.Work;
            _organizations.Add(options.WorkAuthor[1..]);
            _organizations.Add(options.ExpressionAuthor[1..]);

            writer.WriteStartDocument();
            writer.WriteWhitespace("\n");
            writer.WriteStartElement("akomaNtoso", AknSchema.Namespace);
            _open.Push(false);
            Start(work.Type == AknDocType.Act ? "act" : "bill");
            writer.WriteAttributeString("name", work.Subtype ?? FrbrUri.TypeName(work.Type));
            writer.WriteAttributeString("contains", text.VersionDate is null ? "originalVersion" : "singleVersion");

            WriteMeta();

            Start("preface");
            Start("longTitle");
            Start("p");
            writer.WriteElementString("docTitle", text.Title); // inside <p>: no line break before it
            End();
            End();
            End();

            if (text.Preamble.Count > 0)
            {
                Start("preamble");
                foreach (var line in text.Preamble)
                {
                    Element("p", line);
                }

                End();
            }

            Start("body");
            foreach (var unit in text.Body)
            {
                WriteUnit(unit);
            }

            End();
            End();
            End();
            writer.WriteEndDocument();
        }

        private void WriteMeta()
        {
            var work = text.Work;
            var language = text.Language;
            var expressionDate = text.VersionDate ?? work.Date;
            Start("meta");
            Start("identification");
            writer.WriteAttributeString("source", Source);

            Start("FRBRWork");
            Value("FRBRthis", FrbrUri.WorkThis(work));
            Value("FRBRuri", FrbrUri.Work(work));
            Date(work.Date, work.Type == AknDocType.Act ? "promulgation" : "adoption");
            Author(options.WorkAuthor);
            Value("FRBRcountry", AknWork.Country);
            if (work.Subtype is not null)
            {
                Value("FRBRsubtype", work.Subtype);
            }

            Value("FRBRnumber", work.Number);
            End();

            Start("FRBRExpression");
            Value("FRBRthis", FrbrUri.ExpressionThis(work, language, text.VersionDate));
            Value("FRBRuri", FrbrUri.Expression(work, language, text.VersionDate));
            Date(expressionDate, text.VersionDate is null ? "original" : "version");
            Author(options.ExpressionAuthor);
            if (options.VersionName is { Length: > 0 } versionName)
            {
                Value("FRBRversionNumber", versionName);
            }

            var original = FrbrUri.Expression(work, AknLanguages.Khmer, text.VersionDate);
            if (language != AknLanguages.Khmer)
            {
                Start("FRBRauthoritative");
                writer.WriteAttributeString("value", "false");
                End();
                Start("FRBRmasterExpression");
                writer.WriteAttributeString("href", original);
                writer.WriteAttributeString("showAs", "Khmer original");
                End();
            }

            Start("FRBRlanguage");
            writer.WriteAttributeString("language", language);
            End();
            if (language != AknLanguages.Khmer)
            {
                Start("FRBRtranslation");
                writer.WriteAttributeString("href", original);
                writer.WriteAttributeString("fromLanguage", AknLanguages.Khmer);
                writer.WriteAttributeString("authoritative", "false");
                writer.WriteAttributeString("by", options.ExpressionAuthor);
                End();
            }

            End();

            Start("FRBRManifestation");
            Value("FRBRthis", FrbrUri.ManifestationThis(work, language, text.VersionDate));
            Value("FRBRuri", FrbrUri.Manifestation(work, language, text.VersionDate));
            Date(options.ManifestationDate ?? expressionDate, "transformation");
            Author(Source);
            Value("FRBRformat", "application/akn+xml");
            End();

            End();

            if (options.Events.Count > 0)
            {
                Start("lifecycle");
                writer.WriteAttributeString("source", Source);
                var index = 0;
                foreach (var e in options.Events.OrderBy(e => e.Date))
                {
                    index++;
                    Start("eventRef");
                    writer.WriteAttributeString("eId", $"lc_{index}");
                    writer.WriteAttributeString("date", FrbrUri.FormatDate(e.Date));
                    writer.WriteAttributeString("source", e.SourceUri is null ? "#original" : $"#lc_{index}_source");
                    writer.WriteAttributeString("type", e.Type);
                    End();
                }

                End();
            }

            Start("references");
            writer.WriteAttributeString("source", Source);
            if (options.Events.Count > 0)
            {
                Start("original");
                writer.WriteAttributeString("eId", "original");
                writer.WriteAttributeString("href", FrbrUri.Expression(work, AknLanguages.Khmer, null));
                writer.WriteAttributeString("showAs", text.Title);
                End();
                var index = 0;
                foreach (var e in options.Events.OrderBy(e => e.Date))
                {
                    index++;
                    if (e.SourceUri is not null)
                    {
                        Start("passiveRef");
                        writer.WriteAttributeString("eId", $"lc_{index}_source");
                        writer.WriteAttributeString("href", e.SourceUri);
                        writer.WriteAttributeString("showAs", e.SourceUri);
                        End();
                    }
                }
            }

            foreach (var organization in _organizations)
            {
                Start("TLCOrganization");
                writer.WriteAttributeString("eId", organization);
                writer.WriteAttributeString("href", $"/ontology/organization/{AknWork.Country}/{organization}");
                writer.WriteAttributeString("showAs", _knownOrganizations.GetValueOrDefault(organization, organization));
                End();
            }

            End();
            End();
        }

        /// <summary>Writes a top-level unit and everything below it, depth first, with an explicit stack.</summary>
        private void WriteUnit(TextUnit top)
        {
            var open = new Stack<(TextUnit Unit, int Next)>();
            Open(top);
            open.Push((top, 0));
            while (open.Count > 0)
            {
                var (unit, next) = open.Pop();
                if (next < unit.Children.Count)
                {
                    open.Push((unit, next + 1));
                    var child = unit.Children[next];
                    Open(child);
                    open.Push((child, 0));
                }
                else
                {
                    End();
                }
            }
        }

        /// <summary>Writes a unit's start tag, number, heading and own text; its children and end tag follow.</summary>
        private void Open(TextUnit unit)
        {
            if (string.IsNullOrEmpty(unit.EId) || unit.EId.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"The unit \"{unit.Num}\" has no valid eId.", nameof(text));
            }

            Start(ElementName(unit.Kind));
            writer.WriteAttributeString("eId", unit.EId);
            if (unit.Num.Length > 0)
            {
                Element("num", unit.Num);
            }

            if (unit.Heading is { Length: > 0 } heading)
            {
                Element("heading", heading);
            }

            if (unit.Children.Count == 0 || unit.Text.Count > 0)
            {
                Start(unit.Children.Count == 0 ? "content" : "intro");
                foreach (var line in unit.Text)
                {
                    Element("p", line);
                }

                End();
            }
        }

        /// <summary>
        /// Starts an element on a new line. Not XmlWriter's indentation: it writes the indent
        /// string once per level for every line, which costs time quadratic in the depth even
        /// when the string is empty.
        /// </summary>
        private void Start(string name)
        {
            writer.WriteWhitespace("\n");
            writer.WriteStartElement(name);
            HasChild();
            _open.Push(false);
        }

        /// <summary>A text-only element on a new line.</summary>
        private void Element(string name, string value)
        {
            writer.WriteWhitespace("\n");
            writer.WriteElementString(name, value);
            HasChild();
        }

        /// <summary>Ends the element; on a line of its own when it holds elements.</summary>
        private void End()
        {
            if (_open.Pop())
            {
                writer.WriteWhitespace("\n");
            }

            writer.WriteEndElement();
        }

        private void HasChild()
        {
            if (_open.TryPop(out _))
            {
                _open.Push(true);
            }
        }

        private void Value(string element, string value)
        {
            Start(element);
            writer.WriteAttributeString("value", value);
            End();
        }

        private void Date(DateOnly date, string name)
        {
            Start("FRBRdate");
            writer.WriteAttributeString("date", FrbrUri.FormatDate(date));
            writer.WriteAttributeString("name", name);
            End();
        }

        private void Author(string href)
        {
            Start("FRBRauthor");
            writer.WriteAttributeString("href", href);
            End();
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Texts;

/// <summary>
/// Turns what a clerk submits (structured plain text or Akoma Ntoso XML) into a checked
/// <see cref="LegalText"/>, and stores an expression as conforming AKN XML with its articles.
/// The identification (FRBR URIs) is always the Senate's: an imported AKN document keeps its
/// content, not its metadata.
/// </summary>
internal static class TextStore
{
    public static bool LooksLikeXml(string input) => input.TrimStart().StartsWith('<');

    /// <summary>
    /// Parses <paramref name="input"/> for the given work within the limits of
    /// <paramref name="limits"/> (its length, and for XML its nesting, checked before anything
    /// else reads it); errors name <paramref name="field"/> and the line.
    /// </summary>
    public static Outcome<LegalText> Parse(string field, string? input, AknWork work, string language, DateOnly? versionDate, LegislationOptions limits)
    {
        var maxCharacters = limits.MaxTextCharacters;
        if (string.IsNullOrWhiteSpace(input))
        {
            return Outcome<LegalText>.Invalid(field, "The text is required.");
        }

        if (input.Length > maxCharacters)
        {
            return Outcome<LegalText>.Invalid(field, $"The text has {input.Length:N0} characters; at most {maxCharacters:N0} are accepted.");
        }

        // Plain text nests at most five units deep (part, chapter, section, article, paragraph):
        // the importer has no other levels, so only XML needs the depth check.
        var (text, errors) = LooksLikeXml(input) ? AknFormats.ReadXml(input, limits.AknLimits) : AknFormats.ReadPlain(input, work, language, versionDate);
        if (errors.Count > 0 || text is null)
        {
            var fieldErrors = new FieldErrors();
            foreach (var e in errors.Take(20))
            {
                fieldErrors.Add(field, e);
            }

            if (!fieldErrors.Any)
            {
                fieldErrors.Add(field, "The text could not be read.");
            }

            return Outcome<LegalText>.Invalid(fieldErrors);
        }

        return Outcome<LegalText>.Ok(text with { Work = work, Language = language, VersionDate = versionDate });
    }

    /// <summary>
    /// Adds the expression and its articles to the context (saved by the caller), or refuses it,
    /// naming <paramref name="field"/> and the expression, when it nests deeper than
    /// <see cref="LegislationOptions.MaxNestingDepth"/> or its Akoma Ntoso XML would be longer than
    /// <see cref="LegislationOptions.MaxStoredCharacters"/>: every stored text is one the reader
    /// reads back, the search index takes and the public URI serves at a bounded size. Nothing is
    /// added to the context when it is refused.
    /// </summary>
    public static Outcome<TextEntity> Add(LegislationDbContext db, LegislationOptions limits, string field, LegalText text, DateOnly validFrom, string? label, Guid? actId, Guid? billId, Actor actor, DateTimeOffset now, AknWriterOptions? meta = null)
    {
        var checkedXml = Check(limits, field, text, meta);
        if (!checkedXml.IsOk)
        {
            return Outcome<TextEntity>.Invalid(checkedXml.Errors);
        }

        var xml = checkedXml.Value!;
        var expressionUri = AknFormats.ExpressionUri(text.Work, text.Language, text.VersionDate);
        var entity = new TextEntity
        {
            Id = Guid.NewGuid(),
            WorkUri = AknFormats.WorkUri(text.Work),
            ExpressionUri = expressionUri,
            DocType = text.Work.Type,
            Language = text.Language,
            VersionDate = text.VersionDate,
            ValidFrom = validFrom,
            Title = Truncate(text.Title, 1000),
            VersionLabel = label is null ? null : Truncate(label, 300),
            Xml = xml,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml))),
            ActId = actId,
            BillId = billId,
            CreatedAt = now,
            CreatedBy = actor.Id,
        };
        db.Texts.Add(entity);
        var ordinal = 0;
        foreach (var article in Articles(text))
        {
            db.TextArticles.Add(new TextArticleEntity
            {
                TextId = entity.Id,
                EId = article.EId,
                Ordinal = ordinal++,
                Num = Truncate(article.Num, 100),
                Heading = article.Heading is null ? null : Truncate(article.Heading, 1000),
                Text = ArticleText(article),
            });
        }

        return Outcome<TextEntity>.Ok(entity);
    }

    /// <summary>
    /// The Akoma Ntoso XML <paramref name="text"/> is stored as, or why it cannot be stored: it
    /// nests deeper than <see cref="LegislationOptions.MaxNestingDepth"/> (the unit named), or the
    /// XML would be longer than <see cref="LegislationOptions.MaxStoredCharacters"/> (the
    /// expression named). The writer does not indent, so the XML grows with the text, never with
    /// the square of its depth.
    /// </summary>
    public static Outcome<string> Check(LegislationOptions limits, string field, LegalText text, AknWriterOptions? meta)
    {
        var expressionUri = AknFormats.ExpressionUri(text.Work, text.Language, text.VersionDate);
        if (TextUnits.FirstDeeperThan(text.Body, limits.MaxNestingDepth) is (var deep, var depth))
        {
            return Outcome<string>.Invalid(field, $"{expressionUri}: the {AknWriter.ElementName(deep.Kind)} {deep.EId} is nested {depth} levels deep; at most {limits.MaxNestingDepth} are accepted.");
        }

        var xml = AknFormats.Write(text, meta);
        return xml.Length > limits.MaxStoredCharacters
            ? Outcome<string>.Invalid(field, $"{expressionUri} would be stored as {xml.Length:N0} characters of Akoma Ntoso XML; at most {limits.MaxStoredCharacters:N0} are accepted.")
            : Outcome<string>.Ok(xml);
    }

    /// <summary>
    /// A bill version's metadata: the work is the National Assembly's (it adopted the law), the
    /// version is the Assembly's or, for the Senate's proposed amendments, the Senate's; its life
    /// begins with the Assembly's adoption.
    /// </summary>
    public static AknWriterOptions BillMeta(AknWork work, bool bySenate) => new()
    {
        WorkAuthor = NationalAssembly,
        ExpressionAuthor = bySenate ? Senate : NationalAssembly,
        Events = [new AknLifecycleEvent(work.Date)],
    };

    /// <summary>
    /// A law's metadata for the version valid from <paramref name="versionDate"/> (null: the
    /// original): the work is the Constituent Assembly's for the Constitution and the National
    /// Assembly's otherwise; the original Khmer expression is the work's author's, a consolidated
    /// version or a translation is the Senate's legal database's; the lifecycle is the law's
    /// generation and every amendment in force by that date, each naming the amending law
    /// (<paramref name="pending"/>: amendments added in this unit of work, not yet saved).
    /// </summary>
    public static async Task<AknWriterOptions> ActMetaAsync(LegislationDbContext db, ActEntity act, DateOnly? versionDate, string language, IReadOnlyList<AknLifecycleEvent> pending, CancellationToken ct)
    {
        var workAuthor = act.Subtype == "constitution" ? ConstituentAssembly : NationalAssembly;
        var events = new List<AknLifecycleEvent> { new(act.Date) };
        if (versionDate is { } upTo)
        {
            var amendments = await (
                from a in db.Amendments
                where a.TargetActId == act.Id && a.EffectiveOn <= upTo
                join source in db.Acts on a.AmendingActId equals source.Id
                select new { a.EffectiveOn, source.WorkUri }).Distinct().ToListAsync(ct);
            events.AddRange(amendments.Select(a => new AknLifecycleEvent(a.EffectiveOn, "amendment", a.WorkUri)));
        }

        events.AddRange(pending);
        return new AknWriterOptions
        {
            WorkAuthor = workAuthor,
            ExpressionAuthor = language == AknLanguages.Khmer && versionDate is null ? workAuthor : Senate,
            Events = events.Distinct().OrderBy(e => e.Date).ThenBy(e => e.SourceUri, StringComparer.Ordinal).ToList(),
        };
    }

    private const string NationalAssembly = "#nationalAssembly";
    private const string ConstituentAssembly = "#constituentAssembly";
    private const string Senate = "#senate";

    /// <summary>
    /// Reads a stored expression back. A row that does not read (written before the limits, or
    /// altered in the database) throws <see cref="UnreadableTextException"/> naming the expression
    /// and the first problem; the search feeder sets such a text aside.
    /// </summary>
    public static LegalText Load(TextEntity entity)
    {
        var result = AknReader.ReadStored(entity.Xml);
        return result.Succeeded
            ? result.Text
            : throw new UnreadableTextException(entity.ExpressionUri, result.Errors.FirstOrDefault()?.ToString() ?? "it does not read back");
    }

    /// <summary>The stored expression read back, or null when it does not read (see <see cref="Load"/>).</summary>
    public static LegalText? LoadOrNull(TextEntity entity) => AknReader.ReadStored(entity.Xml) is { Succeeded: true } result ? result.Text : null;

    /// <summary>The message for a stored expression that does not read back.</summary>
    public static string Unreadable(TextEntity entity) =>
        $"{entity.ExpressionUri} is held but does not read back; the Secretariat of the Senate has to correct it (see the search status).";

    public static async Task<bool> ExpressionExistsAsync(LegislationDbContext db, string expressionUri, CancellationToken ct) =>
        await db.Texts.AnyAsync(t => t.ExpressionUri == expressionUri, ct);

    /// <summary>Every article of the text in document order, wherever it sits (parts, chapters, sections).</summary>
    public static IEnumerable<TextUnit> Articles(LegalText text) => text.Articles();

    /// <summary>
    /// An article's words as stored for display and search: its own paragraphs, then each
    /// numbered paragraph (and sub-paragraph) as "num text", one per line.
    /// </summary>
    public static string ArticleText(TextUnit article)
    {
        var lines = new List<string>(article.Text);
        foreach (var (unit, _) in TextUnits.DepthFirst(article.Children))
        {
            var body = string.Join(' ', unit.Text);
            lines.Add(string.IsNullOrEmpty(unit.Num) ? body : unit.Num + " " + body);
        }

        return string.Join('\n', lines);
    }

    public static ArticleView ToView(TextArticleEntity a) => new(a.EId, a.Num, a.Heading, a.Text);

    public static TextView ToView(TextEntity t, IEnumerable<TextArticleEntity> articles) =>
        new(t.Id, t.WorkUri, t.ExpressionUri, t.DocType == AknDocType.Act ? "act" : "bill", t.Language, t.Title, t.ValidFrom, t.ValidTo, t.VersionLabel,
            articles.OrderBy(a => a.Ordinal).Select(ToView).ToList());

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>A stored expression that does not read back as a text.</summary>
internal sealed class UnreadableTextException(string expressionUri, string problem)
    : InvalidOperationException($"Stored text {expressionUri} does not read back: {problem}")
{
    public string ExpressionUri { get; } = expressionUri;
}

using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Akn;
using Nokor.Platform.Dates;
using Nokor.Platform.Khmer;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Nokor.Legislation.Search;

/// <summary>
/// The full-text index of the legal database: one Lucene document per article and one per text
/// for its title and preamble, each carrying the text's identity and validity so that a hit can
/// be shown without going to the database.
/// <para>
/// The database is the source of truth; this index is a cache each host keeps for itself and can
/// rebuild. The feed that fills it records how far it got in the commit user data
/// (<see cref="Commit(long)"/>, <see cref="GetCursor"/>), written atomically with the documents,
/// so a restarted host continues from the last commit and never skips or half-applies a change.
/// An index written by another <see cref="SchemaVersion"/> (other fields or analysis) or found
/// corrupt is dropped on open: the cursor is then null and the feed starts over.
/// </para>
/// <para>
/// Thread-safe singleton: one IndexWriter (Lucene's writer is thread-safe), a SearcherManager
/// refreshed from the writer after each commit (near-real-time, no reopening of files), and
/// searches on acquired searchers that never block writes.
/// </para>
/// </summary>
internal sealed class LegalSearchIndex : IDisposable
{
    /// <summary>The largest page a search returns.</summary>
    public const int MaxPageSize = 50;

    /// <summary>How deep paging goes (page × size); deeper pages come back empty.</summary>
    public const int MaxResultWindow = ILegalSearch.MaxResultWindow;

    /// <summary>Bump when fields or analysis change: an older index is then rebuilt from the database.</summary>
    public const string SchemaVersion = "2";

    internal const string ContentField = "content";
    private const string IdField = "id";
    private const string ExpressionField = "expr";
    private const string WorkField = "work";
    private const string TypeField = "type";
    private const string LanguageField = "lang";
    private const string KindField = "kind";
    private const string TitleField = "title";
    private const string EIdField = "eid";
    private const string NumField = "num";
    private const string HeadingField = "heading";
    private const string TextField = "text";
    private const string FromField = "from";
    private const string ToField = "to";
    private const string CursorKey = "nokor.cursor";
    private const string SchemaKey = "nokor.schema";

    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly TimeProvider _clock;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _commitLock = new();
    private long? _cursor;
    private bool _disposed;

    public LegalSearchIndex(IOptions<LegislationSearchOptions> options, TimeProvider clock)
        : this(options.Value, clock)
    {
    }

    public LegalSearchIndex(LegislationSearchOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _directory = string.IsNullOrEmpty(options.IndexPath)
            ? new RAMDirectory()
            : FSDirectory.Open(Nokor.Platform.Data.PrivateFiles.CreateDirectory(options.IndexPath));

        var create = !DirectoryReader.IndexExists(_directory) || !IsCurrentSchema(_directory, out _cursor);
        if (create)
        {
            _cursor = null;
        }

        var config = new IndexWriterConfig(Version, new LegalTextAnalyzer())
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = options.RamBufferSizeMb,
        };
        _writer = new IndexWriter(_directory, config);
        if (create)
        {
            _writer.SetCommitData(UserData(null));
            _writer.Commit();
        }

        _searchers = new SearcherManager(_writer, true, null);
    }

    /// <summary>The number of Lucene documents (articles plus one per text) visible to searches.</summary>
    public int DocumentCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>The number of texts (expressions) visible to searches.</summary>
    public int TextCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.Search(new TermQuery(new Term(KindField, "text")), 1).TotalHits;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>The feed position of the last commit, or null for an empty or rebuilt index.</summary>
    public long? GetCursor()
    {
        lock (_commitLock)
        {
            return _cursor;
        }
    }

    /// <summary>
    /// Adds texts, replacing every document previously indexed under the same text id (an
    /// atomic delete-and-add per text). Not visible to searches until <see cref="Commit()"/>.
    /// </summary>
    public void Upsert(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var document in documents)
        {
            _writer.UpdateDocuments(new Term(IdField, Key(document.TextId)), ToLucene(document));
        }
    }

    /// <summary>Removes a text's documents. Not visible to searches until <see cref="Commit()"/>.</summary>
    public void Delete(Guid textId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer.DeleteDocuments(new Term(IdField, Key(textId)));
    }

    /// <summary>Removes everything and forgets the cursor (a full rebuild follows). Committed at once.</summary>
    public void Clear()
    {
        lock (_commitLock)
        {
            _writer.DeleteAll();
            CommitLocked(null);
        }
    }

    /// <summary>Makes the changes durable and visible, keeping the current cursor.</summary>
    public void Commit()
    {
        lock (_commitLock)
        {
            CommitLocked(_cursor);
        }
    }

    /// <summary>Makes the changes durable and visible, and records the feed position they reach.</summary>
    public void Commit(long cursor)
    {
        lock (_commitLock)
        {
            CommitLocked(cursor);
        }
    }

    /// <summary>Runs a search. Never throws for odd input: a query with nothing searchable has no hits.</summary>
    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var parsed = LegalQuery.Parse(query.Text ?? "");
        if (parsed.Query is null || (long)(page - 1) * size >= MaxResultWindow)
        {
            return SearchResults.Empty(page, size);
        }

        var (restricted, filter) = Restrict(parsed.Query, query);
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(restricted, filter, page * size);
            var hits = new List<SearchHit>(size);
            for (var i = (page - 1) * size; i < top.ScoreDocs.Length; i++)
            {
                var scoreDoc = top.ScoreDocs[i];
                hits.Add(ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, parsed));
            }

            return new SearchResults(top.TotalHits, page, size, hits);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Closes the index, dropping changes not yet committed: closing a Lucene writer would commit
    /// them under the previous cursor, and then the index would hold changes its cursor does not
    /// account for. The feed re-applies them after the restart.
    /// </summary>
    public void Dispose()
    {
        lock (_commitLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _searchers.Dispose();
            _writer.Rollback();
            _directory.Dispose();
        }
    }

    private void CommitLocked(long? cursor)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer.SetCommitData(UserData(cursor));
        _writer.Commit();
        _cursor = cursor;
        _searchers.MaybeRefreshBlocking();
    }

    private static Dictionary<string, string> UserData(long? cursor)
    {
        var data = new Dictionary<string, string> { [SchemaKey] = SchemaVersion };
        if (cursor is { } value)
        {
            data[CursorKey] = value.ToString(CultureInfo.InvariantCulture);
        }

        return data;
    }

    /// <summary>Reads the last commit's user data; false when the index is of another schema or cannot be read.</summary>
    private static bool IsCurrentSchema(LuceneDirectory directory, out long? cursor)
    {
        cursor = null;
        try
        {
            var commits = DirectoryReader.ListCommits(directory);
            var data = commits[^1].UserData;
            if (!data.TryGetValue(SchemaKey, out var schema) || schema != SchemaVersion)
            {
                return false;
            }

            if (data.TryGetValue(CursorKey, out var text)
                && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                cursor = value;
            }

            return true;
        }
        catch (CorruptIndexException)
        {
            return false;
        }
    }

    private static string Key(Guid textId) => textId.ToString("D");

    private static string TypeName(AknDocType type) => type == AknDocType.Act ? "act" : "bill";

    /// <summary>
    /// The Lucene documents of one text. Every stored string is normalized here, so the tokenizer's
    /// offsets and the snippet ranges are offsets into exactly what a hit returns.
    /// </summary>
    private static List<Document> ToLucene(SearchDocument document)
    {
        var from = document.ValidFrom.DayNumber;
        var to = document.ValidTo?.DayNumber ?? int.MaxValue;
        var title = KhmerText.Normalize(document.Title);
        var docs = new List<Document>(document.Articles.Count + 1);

        var head = Common(document, title, from, to, "text");
        var preamble = string.Join('\n', document.Preamble.Select(KhmerText.Normalize));
        head.Add(new StoredField(TextField, preamble));
        head.Add(new TextField(ContentField, title, Field.Store.NO));
        head.Add(new TextField(ContentField, preamble, Field.Store.NO));
        docs.Add(head);

        foreach (var article in document.Articles)
        {
            var doc = Common(document, title, from, to, "article");
            var num = KhmerText.Normalize(article.Num);
            var heading = article.Heading is null ? null : KhmerText.Normalize(article.Heading);
            var text = NormalizeLines(article.Text);
            doc.Add(new StoredField(EIdField, article.EId));
            doc.Add(new StoredField(NumField, num));
            doc.Add(new TextField(ContentField, num, Field.Store.NO));
            if (heading is not null)
            {
                doc.Add(new StoredField(HeadingField, heading));
                doc.Add(new TextField(ContentField, heading, Field.Store.NO));
            }

            doc.Add(new StoredField(TextField, text));
            doc.Add(new TextField(ContentField, text, Field.Store.NO));
            docs.Add(doc);
        }

        return docs;
    }

    /// <summary>Normalize collapses line breaks too; an article's paragraphs keep theirs.</summary>
    private static string NormalizeLines(string text) =>
        text.Contains('\n') ? string.Join('\n', text.Split('\n').Select(KhmerText.Normalize)) : KhmerText.Normalize(text);

    private static Document Common(SearchDocument document, string title, int from, int to, string kind) =>
    [
        new StringField(IdField, Key(document.TextId), Field.Store.YES),
        new StringField(ExpressionField, document.ExpressionUri, Field.Store.YES),
        new StringField(WorkField, document.WorkUri, Field.Store.YES),
        new StringField(TypeField, TypeName(document.DocType), Field.Store.YES),
        new StringField(LanguageField, document.Language, Field.Store.YES),
        new StringField(KindField, kind, Field.Store.NO),
        new StoredField(TitleField, title),
        new StoredField(FromField, from),
        new StoredField(ToField, to),
        new NumericDocValuesField(FromField, from),
        new NumericDocValuesField(ToField, to),
    ];

    /// <summary>
    /// The query with the request's restrictions. Language, type and work are required term
    /// clauses with boost 0: the conjunction skips straight to their documents and they add
    /// nothing to the score. The as-of date is a filter reading the validity columns (doc values)
    /// of the candidate documents only, so a date that no earlier query used costs nothing extra;
    /// a range query would first collect every document valid on that date.
    /// </summary>
    private (Query Query, Filter? Filter) Restrict(Query text, SearchQuery query)
    {
        var restrictions = new List<Term>(3);
        if (query.DocType is { } docType)
        {
            restrictions.Add(new Term(TypeField, TypeName(docType)));
        }

        if (!string.IsNullOrEmpty(query.Language))
        {
            restrictions.Add(new Term(LanguageField, query.Language));
        }

        if (!string.IsNullOrEmpty(query.WorkUri))
        {
            restrictions.Add(new Term(WorkField, query.WorkUri));
        }

        var restricted = text;
        if (restrictions.Count > 0)
        {
            var all = new BooleanQuery { { text, Occur.MUST } };
            foreach (var term in restrictions)
            {
                all.Add(new TermQuery(term) { Boost = 0 }, Occur.MUST);
            }

            restricted = all;
        }

        Filter? filter = query.AllVersions
            ? null
            : new ValidOnFilter((query.AsOf ?? CambodiaTime.Today(_clock)).DayNumber);
        return (restricted, filter);
    }

    private static SearchHit ToHit(Document doc, float score, LegalQuery query)
    {
        var eid = doc.Get(EIdField);
        var title = doc.Get(TitleField) ?? "";
        var text = doc.Get(TextField) ?? "";
        var heading = doc.Get(HeadingField);
        var num = doc.Get(NumField);
        SearchSnippet snippet;
        if (eid is null)
        {
            snippet = Snippets.Around("text", text, query.Patterns)
                      ?? Snippets.Around("title", title, query.Patterns)
                      ?? Snippets.Head("text", text);
        }
        else
        {
            snippet = Snippets.Around("text", text, query.Patterns)
                      ?? (heading is null ? null : Snippets.Around("heading", heading, query.Patterns))
                      ?? (num is null ? null : Snippets.Around("num", num, query.Patterns))
                      ?? Snippets.Head("text", text);
        }

        var to = doc.GetField(ToField).GetInt32Value() ?? int.MaxValue;
        return new SearchHit(
            Guid.Parse(doc.Get(IdField)),
            doc.Get(ExpressionField),
            doc.Get(WorkField),
            doc.Get(TypeField) == "bill" ? AknDocType.Bill : AknDocType.Act,
            doc.Get(LanguageField),
            title,
            eid,
            num,
            heading,
            DateOnly.FromDayNumber(doc.GetField(FromField).GetInt32Value() ?? 0),
            to == int.MaxValue ? null : DateOnly.FromDayNumber(to),
            score,
            snippet);
    }
}

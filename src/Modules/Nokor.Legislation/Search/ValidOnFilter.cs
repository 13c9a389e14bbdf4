using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Nokor.Legislation.Search;

/// <summary>
/// Keeps the documents of expressions valid on one day: ValidFrom ≤ day &lt; ValidTo, read from
/// the "from"/"to" numeric doc values (day numbers; an open end is int.MaxValue). The check is
/// random access, so Lucene applies it to the documents the query matches instead of building a
/// set of every valid document first.
/// </summary>
internal sealed class ValidOnFilter(int day) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var from = reader.GetNumericDocValues("from");
        var to = reader.GetNumericDocValues("to");
        if (from is null || to is null)
        {
            return null;
        }

        return new ValidOnSet(reader.MaxDoc, acceptDocs, from, to, day);
    }

    public override bool Equals(object? obj) => obj is ValidOnFilter other && other.Day == Day;

    public override int GetHashCode() => Day;

    public override string ToString() => $"ValidOn({DateOnly.FromDayNumber(day):yyyy-MM-dd})";

    private int Day => day;

    private sealed class ValidOnSet(int maxDoc, IBits? acceptDocs, NumericDocValues from, NumericDocValues to, int day)
        : FieldCacheDocIdSet(maxDoc, acceptDocs)
    {
        protected override bool MatchDoc(int doc) => from.Get(doc) <= day && to.Get(doc) > day;
    }
}

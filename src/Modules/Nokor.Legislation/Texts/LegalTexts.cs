using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Data;
using Nokor.Platform.Dates;

namespace Nokor.Legislation.Texts;

/// <summary>
/// The steps the legal database's use cases share (master plan VI.5, Priority Objective 2,
/// Activity 1 B.1-2): a law read back as its view with its versions and amendments, and the
/// stored text a URI names.
/// </summary>
internal sealed class LegalTexts(LegislationDbContext db, TimeProvider clock)
{
    public const string Khmer = "khm";
    public const string English = "eng";

    /// <summary>
    /// Whether a URI from a request can name a text at all: an AKN path of printable characters. A
    /// NUL, which PostgreSQL cannot take in a text parameter, or any other control character is no
    /// URI of ours, so such a look-up finds nothing without asking the database.
    /// </summary>
    public static bool Plausible(string? uri) =>
        uri is { Length: > 5 and <= 1000 } && uri.StartsWith("/akn/", StringComparison.Ordinal) && !uri.Any(char.IsControl);

    public async Task<ActView?> GetActAsync(string workUri, CancellationToken ct)
    {
        if (!Plausible(workUri))
        {
            return null;
        }

        var act = await db.Acts.AsNoTracking().FirstOrDefaultAsync(a => a.WorkUri == workUri, ct);
        if (act is null)
        {
            return null;
        }

        var versions = await db.Texts.AsNoTracking().Where(t => t.ActId == act.Id).OrderBy(t => t.ValidFrom).ThenBy(t => t.Language)
            .Select(t => new TextVersionView(t.Id, t.ExpressionUri, t.Language, t.ValidFrom, t.ValidTo, t.VersionLabel)).ToListAsync(ct);
        var amendments = await AmendmentViewsAsync(db.Amendments.Where(a => a.TargetActId == act.Id), ct);
        var amends = await AmendmentViewsAsync(db.Amendments.Where(a => a.AmendingActId == act.Id), ct);
        var billNumber = act.BillId is { } billId ? await db.Bills.Where(b => b.Id == billId).Select(b => b.Number).FirstOrDefaultAsync(ct) : null;
        return new ActView(act.Id, act.WorkUri, act.Subtype, act.TitleKm, act.TitleEn, act.Date, act.PromulgatedOn, act.PublishedOn, act.GazetteReference,
            billNumber, versions, amendments, amends);
    }

    private async Task<IReadOnlyList<AmendmentView>> AmendmentViewsAsync(IQueryable<AmendmentEntity> query, CancellationToken ct)
    {
        var rows = await (from a in query.AsNoTracking()
                          join amending in db.Acts on a.AmendingActId equals amending.Id
                          join target in db.Acts on a.TargetActId equals target.Id
                          join t in db.Texts on a.ResultTextId equals t.Id
                          orderby a.EffectiveOn, a.TargetEId
                          select new AmendmentView(amending.WorkUri, amending.TitleKm, a.TargetEId, a.Kind, a.EffectiveOn, t.ExpressionUri))
            .ToListAsync(ct);
        return rows;
    }

    /// <summary>
    /// The text a URI names: an expression URI names one expression; a work URI names the
    /// version in force on <paramref name="asOf"/> (default today) in <paramref name="language"/>
    /// (default Khmer). A bill's work URI names its current version.
    /// </summary>
    public async Task<TextEntity?> ResolveAsync(string uri, string? language, DateOnly? asOf, CancellationToken ct)
    {
        uri = uri.Trim();
        if (!Plausible(uri))
        {
            return null;
        }

        var manifestation = uri.IndexOf('.', uri.LastIndexOf('/') + 1);
        if (manifestation > 0 && uri.Contains('@', StringComparison.Ordinal))
        {
            uri = uri[..manifestation];
        }

        var exact = await db.Texts.AsNoTracking().FirstOrDefaultAsync(t => t.ExpressionUri == uri, ct);
        if (exact is not null)
        {
            return exact;
        }

        var lang = string.IsNullOrWhiteSpace(language) ? Khmer : language.Trim().ToLowerInvariant();
        if (lang is not (Khmer or English))
        {
            return null;
        }

        var date = asOf ?? CambodiaTime.Today(clock);
        var bill = await db.Bills.AsNoTracking().FirstOrDefaultAsync(b => b.WorkUri == uri, ct);
        if (bill is not null)
        {
            var current = bill.CurrentTextId is { } id ? await db.Texts.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) : null;
            if (lang == Khmer || current is null)
            {
                return current;
            }

            // Only a translation of the current version: an English text of an earlier one says something else.
            return await db.Texts.AsNoTracking().FirstOrDefaultAsync(t => t.BillId == bill.Id && t.Language == lang && t.VersionDate == current.VersionDate, ct);
        }

        return await db.Texts.AsNoTracking()
            .Where(t => t.WorkUri == uri && t.Language == lang && t.ValidFrom <= date && (t.ValidTo == null || t.ValidTo > date))
            .OrderByDescending(t => t.ValidFrom).FirstOrDefaultAsync(ct);
    }

    public async Task<TextView> ToViewAsync(TextEntity text, CancellationToken ct)
    {
        var articles = await db.TextArticles.AsNoTracking().Where(a => a.TextId == text.Id).ToListAsync(ct);
        return TextStore.ToView(text, articles);
    }
}

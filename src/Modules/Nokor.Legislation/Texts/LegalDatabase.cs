using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Texts;

/// <summary>
/// The legal database (master plan VI.5, Priority Objective 2, Activity 1 B.1-2): laws and the
/// Constitution with their point-in-time versions, the amendments that made each version linked
/// to the articles they change, every text kept as Akoma Ntoso.
/// </summary>
internal sealed class LegalDatabase(
    LegislationDbContext db,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<LegislationOptions> options)
{
    public const string Khmer = "khm";
    public const string English = "eng";

    public async Task<Outcome<ActView>> ImportActAsync(ImportActRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var language = string.IsNullOrWhiteSpace(request.Language) ? Khmer : request.Language.Trim().ToLowerInvariant();
        if (language is not (Khmer or English))
        {
            errors.Add("language", "The language is khm (the original) or eng (a translation).");
        }

        if (request.Date is not { } date)
        {
            errors.Add("date", "The law's date (its promulgation) is required.");
            return Outcome<ActView>.Invalid(errors);
        }

        var subtype = request.Subtype?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(subtype) && !IsUriWord(subtype))
        {
            errors.Add("subtype", "The subtype is lower-case letters and hyphens, e.g. constitution.");
        }

        var number = string.IsNullOrWhiteSpace(request.Number) ? null : LawNumbers.Slug(request.Number);
        if (!string.IsNullOrWhiteSpace(request.Number) && number is null)
        {
            errors.Add("number", "The number may hold letters, digits, '/', '-' or '.' (e.g. NS/RKM/0524/012).");
        }

        if (errors.Any)
        {
            return Outcome<ActView>.Invalid(errors);
        }

        number ??= subtype == "constitution" ? "constitution" : null;
        if (number is null)
        {
            return Outcome<ActView>.Invalid("number", "The law's number is required (e.g. NS/RKM/0524/012).");
        }

        var work = new AknWork(AknDocType.Act, date, number, string.IsNullOrEmpty(subtype) ? null : subtype);
        var validFrom = request.ValidFrom ?? date;
        if (validFrom < date)
        {
            return Outcome<ActView>.Invalid("validFrom", "A law cannot take effect before its date.");
        }

        var workUri = AknFormats.WorkUri(work);
        var act = await db.Acts.FirstOrDefaultAsync(a => a.WorkUri == workUri, ct);
        var now = clock.GetUtcNow();
        if (language == English)
        {
            return await AddTranslationAsync(act, work, request, validFrom, actor, now, ct);
        }

        if (act is not null)
        {
            return Outcome<ActView>.Conflict($"The legal database already holds {workUri}; record its amendments instead.");
        }

        var parsed = TextStore.Parse("text", request.Text, work, Khmer, null, options.Value);
        if (!parsed.IsOk)
        {
            return Outcome<ActView>.Invalid(parsed.Errors);
        }

        act = new ActEntity
        {
            Id = Guid.NewGuid(),
            WorkUri = workUri,
            Subtype = work.Subtype,
            Number = number,
            Date = date,
            TitleKm = Cut(parsed.Value!.Title),
            TitleEn = string.IsNullOrWhiteSpace(request.TitleEn) ? null : Cut(Platform.Khmer.KhmerText.Normalize(request.TitleEn)),
            PromulgatedOn = date,
            PublishedOn = request.PublishedOn,
            GazetteReference = request.GazetteReference?.Trim() is { Length: > 0 and <= 100 } g ? g : null,
            CreatedAt = now,
            CreatedBy = actor.Id,
        };
        db.Acts.Add(act);
        var added = TextStore.Add(db, options.Value, "text", parsed.Value!, validFrom, "Original version", act.Id, null, actor, now, await TextStore.ActMetaAsync(db, act, null, Khmer, [], ct));
        if (!added.IsOk)
        {
            return Outcome<ActView>.Invalid(added.Errors);
        }

        await audit.AppendAsync(new AuditEvent(actor, "legislation.act.import", "act", act.Id.ToString("D"), "legal database",
            JsonSerializer.Serialize(new { act.WorkUri })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ActView>.Ok((await GetActAsync(workUri, ct))!);
    }

    private async Task<Outcome<ActView>> AddTranslationAsync(ActEntity? act, AknWork work, ImportActRequest request, DateOnly validFrom, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (act is null)
        {
            return Outcome<ActView>.Invalid("language", "An English translation needs the Khmer original in the legal database first.");
        }

        // The translation belongs to the Khmer version in force on its date.
        var original = await db.Texts.Where(t => t.ActId == act.Id && t.Language == Khmer && t.ValidFrom <= validFrom && (t.ValidTo == null || t.ValidTo > validFrom))
            .FirstOrDefaultAsync(ct);
        if (original is null)
        {
            return Outcome<ActView>.Invalid("validFrom", "No Khmer version of this law is in force on that date.");
        }

        var parsed = TextStore.Parse("text", request.Text, work, English, original.VersionDate, options.Value);
        if (!parsed.IsOk)
        {
            return Outcome<ActView>.Invalid(parsed.Errors);
        }

        var uri = AknFormats.ExpressionUri(work, English, original.VersionDate);
        if (await TextStore.ExpressionExistsAsync(db, uri, ct))
        {
            return Outcome<ActView>.Conflict($"The translation {uri} already exists.");
        }

        var added = TextStore.Add(db, options.Value, "text", parsed.Value!, original.ValidFrom, "English translation", act.Id, null, actor, now,
            await TextStore.ActMetaAsync(db, act, original.VersionDate, English, [], ct));
        if (!added.IsOk)
        {
            return Outcome<ActView>.Invalid(added.Errors);
        }

        added.Value!.ValidTo = original.ValidTo;
        act.TitleEn ??= Cut(parsed.Value!.Title);
        await audit.AppendAsync(new AuditEvent(actor, "legislation.act.translation", "act", act.Id.ToString("D"), "legal database",
            JsonSerializer.Serialize(new { uri })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ActView>.Ok((await GetActAsync(act.WorkUri, ct))!);
    }

    /// <summary>
    /// Applies an amending law to another: the version in force before the effective date is
    /// copied, each named article replaced, inserted or repealed, and the result stored as a new
    /// expression valid from that date; the earlier version stays, valid until then.
    /// </summary>
    public async Task<Outcome<ActView>> AmendAsync(string targetWorkUri, AmendActRequest request, Actor actor, CancellationToken ct)
    {
        var target = await db.Acts.FirstOrDefaultAsync(a => a.WorkUri == targetWorkUri, ct);
        if (target is null)
        {
            return Outcome<ActView>.NotFound("No such law.");
        }

        var errors = new FieldErrors();
        var amending = string.IsNullOrWhiteSpace(request.AmendingWorkUri)
            ? null
            : await db.Acts.FirstOrDefaultAsync(a => a.WorkUri == request.AmendingWorkUri.Trim(), ct);
        if (amending is null)
        {
            errors.Add("amendingWorkUri", "Name the amending law by its work URI; it must be in the legal database.");
        }
        else if (amending.Id == target.Id)
        {
            errors.Add("amendingWorkUri", "A law does not amend itself.");
        }

        if (request.EffectiveOn is not { } effectiveOn)
        {
            errors.Add("effectiveOn", "The day the amendment takes effect is required.");
            return Outcome<ActView>.Invalid(errors);
        }

        if (request.Changes is not { Count: > 0 } changes)
        {
            errors.Add("changes", "List at least one change.");
            return Outcome<ActView>.Invalid(errors);
        }

        var current = await db.Texts.Where(t => t.ActId == target.Id && t.Language == Khmer && t.ValidTo == null).FirstAsync(ct);
        if (effectiveOn <= current.ValidFrom)
        {
            errors.Add("effectiveOn", $"The latest version is valid from {current.ValidFrom:yyyy-MM-dd}; an amendment takes effect after it.");
        }

        if (errors.Any)
        {
            return Outcome<ActView>.Invalid(errors);
        }

        if (TextStore.LoadOrNull(current) is not { } text)
        {
            return Outcome<ActView>.Conflict(TextStore.Unreadable(current));
        }

        var body = text.Body.ToList();
        var applied = new List<(string EId, AmendmentKind Kind)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var field = $"changes[{i}]";
            var eId = change.ArticleEId?.Trim();
            if (string.IsNullOrEmpty(eId))
            {
                errors.Add(field + ".articleEId", "Name the article (its eId, e.g. art_12).");
                continue;
            }

            if (change.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add(field + ".kind", "The kind is Replace, Insert or Repeal.");
                continue;
            }

            var exists = Find(body, eId) is not null;
            if (kind != AmendmentKind.Insert && !exists)
            {
                errors.Add(field + ".articleEId", $"The law has no article {eId} on that date.");
                continue;
            }

            if (kind == AmendmentKind.Insert && exists)
            {
                errors.Add(field + ".articleEId", $"Article {eId} already exists; replace it instead.");
                continue;
            }

            TextUnit? article = null;
            if (kind != AmendmentKind.Repeal)
            {
                var parsed = TextStore.Parse(field + ".text", text.Title + "\n" + change.Text, text.Work, Khmer, effectiveOn, options.Value);
                var articles = parsed.IsOk ? TextStore.Articles(parsed.Value!).ToList() : [];
                if (!parsed.IsOk || articles.Count != 1)
                {
                    foreach (var (f, messages) in parsed.Errors)
                    {
                        foreach (var m in messages)
                        {
                            errors.Add(f, m);
                        }
                    }

                    if (parsed.IsOk)
                    {
                        errors.Add(field + ".text", "Give exactly one article: its heading line (e.g. \"Article 12 (new)\") and its paragraphs.");
                    }

                    continue;
                }

                article = Reidentify(articles[0], eId);
            }

            var after = change.After?.Trim();
            if (kind == AmendmentKind.Insert && !string.IsNullOrEmpty(after) && Find(body, after) is null)
            {
                errors.Add(field + ".after", $"The law has no article {after}.");
                continue;
            }

            body = kind switch
            {
                AmendmentKind.Replace => Replace(body, eId, article!),
                AmendmentKind.Repeal => Remove(body, eId),
                _ => Insert(body, after, article!),
            };
            applied.Add((eId, kind));
        }

        if (errors.Any)
        {
            return Outcome<ActView>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var newVersion = text with { VersionDate = effectiveOn, Body = body };
        var uri = AknFormats.ExpressionUri(text.Work, Khmer, effectiveOn);
        if (await TextStore.ExpressionExistsAsync(db, uri, ct))
        {
            return Outcome<ActView>.Conflict($"A version dated {effectiveOn:yyyy-MM-dd} already exists.");
        }

        current.ValidTo = effectiveOn;
        foreach (var translation in await db.Texts.Where(t => t.ActId == target.Id && t.Language == English && t.ValidTo == null).ToListAsync(ct))
        {
            translation.ValidTo = effectiveOn;
        }

        var meta = await TextStore.ActMetaAsync(db, target, effectiveOn, Khmer, [new AknLifecycleEvent(effectiveOn, "amendment", amending!.WorkUri)], ct);
        var added = TextStore.Add(db, options.Value, "changes", newVersion, effectiveOn, $"As amended by {amending.WorkUri}", target.Id, null, actor, now, meta);
        if (!added.IsOk)
        {
            return Outcome<ActView>.Invalid(added.Errors);
        }

        var stored = added.Value!;
        foreach (var (eId, kind) in applied)
        {
            db.Amendments.Add(new AmendmentEntity
            {
                Id = Guid.NewGuid(),
                AmendingActId = amending.Id,
                TargetActId = target.Id,
                TargetEId = eId,
                Kind = kind,
                EffectiveOn = effectiveOn,
                ResultTextId = stored.Id,
            });
        }

        if (!string.IsNullOrWhiteSpace(request.TextEn))
        {
            var english = TextStore.Parse("textEn", request.TextEn, text.Work, English, effectiveOn, options.Value);
            if (!english.IsOk)
            {
                return Outcome<ActView>.Invalid(english.Errors);
            }

            var addedEnglish = TextStore.Add(db, options.Value, "textEn", english.Value!, effectiveOn, "English translation", target.Id, null, actor, now, meta with { ExpressionAuthor = "#senate" });
            if (!addedEnglish.IsOk)
            {
                return Outcome<ActView>.Invalid(addedEnglish.Errors);
            }
        }

        await audit.AppendAsync(new AuditEvent(actor, "legislation.act.amend", "act", target.Id.ToString("D"), "legal database",
            JsonSerializer.Serialize(new { target = target.WorkUri, amending = amending.WorkUri, effectiveOn, changes = applied.Select(a => $"{a.Kind} {a.EId}") })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ActView>.Ok((await GetActAsync(target.WorkUri, ct))!);
    }

    public async Task<IReadOnlyList<ActSummary>> ListActsAsync(string? subtype, int page, int size, CancellationToken ct)
    {
        var query = db.Acts.AsNoTracking();
        if (!string.IsNullOrEmpty(subtype))
        {
            query = query.Where(a => a.Subtype == subtype);
        }

        var acts = await query.OrderByDescending(a => a.Date).ThenBy(a => a.WorkUri).Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync(ct);
        var ids = acts.Select(a => a.Id).ToList();
        var versions = await db.Texts.AsNoTracking().Where(t => t.ActId != null && ids.Contains(t.ActId.Value) && t.Language == Khmer)
            .GroupBy(t => t.ActId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        return acts.Select(a => new ActSummary(a.Id, a.WorkUri, a.Subtype, a.TitleKm, a.TitleEn, a.Date, a.PublishedOn, versions.GetValueOrDefault(a.Id))).ToList();
    }

    /// <summary>
    /// Whether a URI from a request can name a text at all: an AKN path of printable characters. A
    /// NUL, which PostgreSQL cannot take in a text parameter, or any other control character is no
    /// URI of ours, so such a look-up finds nothing without asking the database.
    /// </summary>
    private static bool Plausible(string? uri) =>
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

    public async Task<Outcome<TextComparison>> CompareAsync(string fromUri, string toUri, CancellationToken ct)
    {
        var from = await ResolveAsync(fromUri, null, null, ct);
        var to = await ResolveAsync(toUri, null, null, ct);
        if (from is null || to is null)
        {
            return Outcome<TextComparison>.NotFound(from is null ? $"No text {fromUri}." : $"No text {toUri}.");
        }

        if (from.WorkUri != to.WorkUri && from.BillId is null)
        {
            // Comparing a bill with the law it became is allowed; two unrelated laws are not.
            var fromAct = from.ActId is { } f ? await db.Acts.AsNoTracking().Where(a => a.Id == f).Select(a => a.BillId).FirstOrDefaultAsync(ct) : null;
            if (fromAct is null || fromAct != to.BillId)
            {
                return Outcome<TextComparison>.Invalid("to", "Compare two versions of the same text.");
            }
        }

        try
        {
            return Outcome<TextComparison>.Ok(TextComparer.Compare(TextStore.Load(from), TextStore.Load(to)));
        }
        catch (UnreadableTextException e)
        {
            return Outcome<TextComparison>.Conflict($"{e.ExpressionUri} is held but does not read back; the Secretariat of the Senate has to correct it.");
        }
    }

    private static TextUnit? Find(IReadOnlyList<TextUnit> units, string eId) =>
        TextUnits.DepthFirst(units, u => u.Kind != TextUnitKind.Article).Select(p => p.Unit).FirstOrDefault(u => u.EId == eId);

    // Replace, Remove and Insert recurse through the containers above the articles. The depth is
    // bounded: the text was read back from storage (AknReader.ReadStored refuses a document
    // nesting more than AknLimits.HardMaxDepth units) and the new article comes from the
    // plain-text importer, whose units nest at most five deep.
    private static List<TextUnit> Replace(IReadOnlyList<TextUnit> units, string eId, TextUnit replacement) =>
        units.Select(u => u.EId == eId ? replacement : u.Kind == TextUnitKind.Article ? u : u with { Children = Replace(u.Children, eId, replacement) }).ToList();

    private static List<TextUnit> Remove(IReadOnlyList<TextUnit> units, string eId) =>
        units.Where(u => u.EId != eId).Select(u => u.Kind == TextUnitKind.Article ? u : u with { Children = Remove(u.Children, eId) }).ToList();

    private static List<TextUnit> Insert(IReadOnlyList<TextUnit> units, string? after, TextUnit article)
    {
        if (string.IsNullOrEmpty(after))
        {
            // At the end: inside the last container, if the law has containers.
            var list = units.ToList();
            if (list.Count > 0 && list[^1].Kind != TextUnitKind.Article)
            {
                list[^1] = list[^1] with { Children = Insert(list[^1].Children, null, article) };
            }
            else
            {
                list.Add(article);
            }

            return list;
        }

        var result = new List<TextUnit>();
        foreach (var unit in units)
        {
            result.Add(unit.Kind == TextUnitKind.Article ? unit : unit with { Children = Insert(unit.Children, after, article) });
            if (unit.EId == after)
            {
                result.Add(article);
            }
        }

        return result;
    }

    /// <summary>The new wording takes the eId of the article it replaces, so comments and comparisons follow it.</summary>
    private static TextUnit Reidentify(TextUnit article, string eId)
    {
        var oldPrefix = article.EId;
        return article with
        {
            EId = eId,
            Children = article.Children.Select(c => c with { EId = c.EId.StartsWith(oldPrefix, StringComparison.Ordinal) ? eId + c.EId[oldPrefix.Length..] : c.EId }).ToList(),
        };
    }

    private static bool IsUriWord(string s) => s.Length <= 40 && s.All(c => c is >= 'a' and <= 'z' or '-');

    private static string Cut(string s) => s.Length <= 1000 ? s : s[..1000];
}

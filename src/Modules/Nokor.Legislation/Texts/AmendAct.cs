using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Texts;

/// <summary>
/// Records an amending law's changes to another law (master plan VI.5, Activity 1 B.2): a new
/// point-in-time version from the effective date, each amendment linked to the article it changes.
/// </summary>
internal static class AmendAct
{
    /// <summary>
    /// Applies an amending law to another: the version in force before the effective date is
    /// copied, each named article replaced, inserted or repealed, and the result stored as a new
    /// expression valid from that date; the earlier version stays, valid until then.
    /// </summary>
    public static async Task<Outcome<ActView>> HandleAsync(
        string targetWorkUri,
        AmendActRequest request,
        Actor actor,
        LegislationDbContext db,
        LegalTexts texts,
        IAuditLog audit,
        TimeProvider clock,
        LegislationOptions options,
        CancellationToken ct)
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

        var current = await db.Texts.Where(t => t.ActId == target.Id && t.Language == LegalTexts.Khmer && t.ValidTo == null).FirstAsync(ct);
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
                var parsed = TextStore.Parse(field + ".text", text.Title + "\n" + change.Text, text.Work, LegalTexts.Khmer, effectiveOn, options);
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
        var uri = AknFormats.ExpressionUri(text.Work, LegalTexts.Khmer, effectiveOn);
        if (await TextStore.ExpressionExistsAsync(db, uri, ct))
        {
            return Outcome<ActView>.Conflict($"A version dated {effectiveOn:yyyy-MM-dd} already exists.");
        }

        current.ValidTo = effectiveOn;
        foreach (var translation in await db.Texts.Where(t => t.ActId == target.Id && t.Language == LegalTexts.English && t.ValidTo == null).ToListAsync(ct))
        {
            translation.ValidTo = effectiveOn;
        }

        var meta = await TextStore.ActMetaAsync(db, target, effectiveOn, LegalTexts.Khmer, [new AknLifecycleEvent(effectiveOn, "amendment", amending!.WorkUri)], ct);
        var added = TextStore.Add(db, options, "changes", newVersion, effectiveOn, $"As amended by {amending.WorkUri}", target.Id, null, actor, now, meta);
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
            var english = TextStore.Parse("textEn", request.TextEn, text.Work, LegalTexts.English, effectiveOn, options);
            if (!english.IsOk)
            {
                return Outcome<ActView>.Invalid(english.Errors);
            }

            var addedEnglish = TextStore.Add(db, options, "textEn", english.Value!, effectiveOn, "English translation", target.Id, null, actor, now, meta with { ExpressionAuthor = "#senate" });
            if (!addedEnglish.IsOk)
            {
                return Outcome<ActView>.Invalid(addedEnglish.Errors);
            }
        }

        await audit.AppendAsync(new AuditEvent(actor, "legislation.act.amend", "act", target.Id.ToString("D"), "legal database",
            AuditDetails.Of(new { target = target.WorkUri, amending = amending.WorkUri, effectiveOn, changes = applied.Select(a => $"{a.Kind} {a.EId}") })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ActView>.Ok((await texts.GetActAsync(target.WorkUri, ct))!);
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

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/acts/amendments", async (string work, AmendActRequest request, HttpContext http, LegislationDbContext db, LegalTexts texts, IAuditLog audit, TimeProvider clock, IOptions<LegislationOptions> options, CancellationToken ct) =>
                (await HandleAsync(work, request, http.Actor(), db, texts, audit, clock, options.Value, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("AmendAct")
            .WithSummary("Record an amending law's changes to the law named by ?work=URI: a new point-in-time version from the effective date");
}

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
/// Enters a law (or the Constitution, subtype constitution) in the legal database with its
/// original version in Khmer, or adds the English translation of a version in force.
/// </summary>
internal static class ImportAct
{
    public static async Task<Outcome<ActView>> HandleAsync(
        ImportActRequest request,
        Actor actor,
        LegislationDbContext db,
        LegalTexts texts,
        IAuditLog audit,
        TimeProvider clock,
        LegislationOptions options,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var language = string.IsNullOrWhiteSpace(request.Language) ? LegalTexts.Khmer : request.Language.Trim().ToLowerInvariant();
        if (language is not (LegalTexts.Khmer or LegalTexts.English))
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
        if (language == LegalTexts.English)
        {
            return await AddTranslationAsync(db, texts, audit, options, act, work, request, validFrom, actor, now, ct);
        }

        if (act is not null)
        {
            return Outcome<ActView>.Conflict($"The legal database already holds {workUri}; record its amendments instead.");
        }

        var parsed = TextStore.Parse("text", request.Text, work, LegalTexts.Khmer, null, options);
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
        var added = TextStore.Add(db, options, "text", parsed.Value!, validFrom, "Original version", act.Id, null, actor, now, await TextStore.ActMetaAsync(db, act, null, LegalTexts.Khmer, [], ct));
        if (!added.IsOk)
        {
            return Outcome<ActView>.Invalid(added.Errors);
        }

        await audit.AppendAsync(new AuditEvent(actor, "legislation.act.import", "act", act.Id.ToString("D"), "legal database",
            AuditDetails.Of(new { act.WorkUri })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ActView>.Ok((await texts.GetActAsync(workUri, ct))!);
    }

    private static async Task<Outcome<ActView>> AddTranslationAsync(LegislationDbContext db, LegalTexts texts, IAuditLog audit, LegislationOptions options, ActEntity? act, AknWork work, ImportActRequest request, DateOnly validFrom, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (act is null)
        {
            return Outcome<ActView>.Invalid("language", "An English translation needs the Khmer original in the legal database first.");
        }

        // The translation belongs to the Khmer version in force on its date.
        var original = await db.Texts.Where(t => t.ActId == act.Id && t.Language == LegalTexts.Khmer && t.ValidFrom <= validFrom && (t.ValidTo == null || t.ValidTo > validFrom))
            .FirstOrDefaultAsync(ct);
        if (original is null)
        {
            return Outcome<ActView>.Invalid("validFrom", "No Khmer version of this law is in force on that date.");
        }

        var parsed = TextStore.Parse("text", request.Text, work, LegalTexts.English, original.VersionDate, options);
        if (!parsed.IsOk)
        {
            return Outcome<ActView>.Invalid(parsed.Errors);
        }

        var uri = AknFormats.ExpressionUri(work, LegalTexts.English, original.VersionDate);
        if (await TextStore.ExpressionExistsAsync(db, uri, ct))
        {
            return Outcome<ActView>.Conflict($"The translation {uri} already exists.");
        }

        var added = TextStore.Add(db, options, "text", parsed.Value!, original.ValidFrom, "English translation", act.Id, null, actor, now,
            await TextStore.ActMetaAsync(db, act, original.VersionDate, LegalTexts.English, [], ct));
        if (!added.IsOk)
        {
            return Outcome<ActView>.Invalid(added.Errors);
        }

        added.Value!.ValidTo = original.ValidTo;
        act.TitleEn ??= Cut(parsed.Value!.Title);
        await audit.AppendAsync(new AuditEvent(actor, "legislation.act.translation", "act", act.Id.ToString("D"), "legal database",
            AuditDetails.Of(new { uri })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ActView>.Ok((await texts.GetActAsync(act.WorkUri, ct))!);
    }

    private static bool IsUriWord(string s) => s.Length <= 40 && s.All(c => c is >= 'a' and <= 'z' or '-');

    private static string Cut(string s) => s.Length <= 1000 ? s : s[..1000];

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/acts", async (ImportActRequest request, HttpContext http, LegislationDbContext db, LegalTexts texts, IAuditLog audit, TimeProvider clock, IOptions<LegislationOptions> options, CancellationToken ct) =>
                (await HandleAsync(request, http.Actor(), db, texts, audit, clock, options.Value, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithMetadata(new BodySizeLimit(16 * 1024 * 1024))
            .WithName("ImportAct")
            .WithSummary("Enter a law (or the Constitution, subtype constitution) in the legal database, or its English translation");
}

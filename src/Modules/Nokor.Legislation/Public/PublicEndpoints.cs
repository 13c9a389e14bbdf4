using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Senate;
using Nokor.Legislation.Search;
using Nokor.Legislation.Texts;
using Microsoft.Extensions.Options;
using Nokor.Platform.Errors;

namespace Nokor.Legislation.Public;

/// <summary>
/// The Senate's public face without login (master plan III.3: laws disseminated "through the
/// digital data system (XML)"; Annex 1, open parliament): bills with their stage and deadline,
/// laws and the Constitution at any date, every text as JSON, AKN XML and HTML, and an Atom feed.
/// Nothing here is personal: staff names are not shown, only the bodies that acted.
/// </summary>
/// <summary>This host's search index: how much it holds and how far it has followed the database.</summary>
public sealed record SearchIndexStatus(int Texts, int Articles, long? Cursor);

internal static class PublicEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/public/legislation").WithTags("Legislation (public)").AllowAnonymous();

        group.MapGet("/bills", async (bool? open, BillStage? stage, int? page, BillService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(open ?? false, stage, page ?? 1, 50, ct)))
            .WithName("PublicListBills")
            .WithSummary("Bills with their stage, review deadline and days left");

        group.MapGet("/bills/{year:int}/{sequence:int}", async Task<Results<Ok<BillView>, NotFound>> (int year, int sequence, BillService service, CancellationToken ct) =>
                await service.GetByNumberAsync($"{year:D4}/{sequence:D4}", ct) is { } bill ? TypedResults.Ok(Public(bill)) : TypedResults.NotFound())
            .WithName("PublicGetBill")
            .WithSummary("A bill's public record: stages (dated, with the acting body), decision, versions");

        group.MapGet("/acts", async (string? subtype, int? page, LegalDatabase db, CancellationToken ct) =>
                TypedResults.Ok(await db.ListActsAsync(subtype, page ?? 1, 50, ct)))
            .WithName("PublicListActs")
            .WithSummary("Laws in the legal database, newest first (subtype=constitution for the Constitution)");

        group.MapGet("/act", async Task<Results<Ok<ActView>, NotFound>> (string work, LegalDatabase db, CancellationToken ct) =>
                await db.GetActAsync(work, ct) is { } act ? TypedResults.Ok(act) : TypedResults.NotFound())
            .WithName("PublicGetAct")
            .WithSummary("A law (?work=FRBR work URI) with its point-in-time versions and the amendments that made them");

        group.MapGet("/text", async Task<Results<Ok<TextView>, NotFound>> (string uri, string? lang, DateOnly? date, LegalDatabase db, CancellationToken ct) =>
                await db.ResolveAsync(uri, lang, date, ct) is { } text ? TypedResults.Ok(await db.ToViewAsync(text, ct)) : TypedResults.NotFound())
            .WithName("PublicGetText")
            .WithSummary("A text as JSON: ?uri=expression URI, or a work URI with ?date= (the law as it stood that day) and ?lang=khm|eng");

        group.MapGet("/text.html", async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> (string uri, string? lang, DateOnly? date, LegalDatabase db, IOptions<LegislationOptions> options, CancellationToken ct) =>
            {
                if (await db.ResolveAsync(uri, lang, date, ct) is not { } text)
                {
                    return TypedResults.NotFound();
                }

                if (Unservable(text, options.Value) is { } problem)
                {
                    return problem;
                }

                try
                {
                    return TypedResults.Content(AknHtml.Render(TextStore.Load(text)), "text/html; charset=utf-8");
                }
                catch (UnreadableTextException)
                {
                    return Unavailable(text.ExpressionUri, "it does not read back");
                }
            })
            .WithName("PublicGetTextHtml")
            .WithSummary("A text as an HTML fragment with its table of contents");

        group.MapGet("/compare", async (string from, string to, LegalDatabase db, CancellationToken ct) =>
                (await db.CompareAsync(from, to, ct)).ToHttp())
            .WithName("PublicCompareTexts")
            .WithSummary("Compare two versions of a text article by article (?from=&to= expression URIs)");

        group.MapGet("/search", (string? q, string? lang, string? type, DateOnly? date, bool? all, string? work, int? page, LegalSearchIndex index) =>
            {
                var errors = new FieldErrors();
                if (string.IsNullOrWhiteSpace(q))
                {
                    errors.Add("q", "Type what to search for.");
                }
                else if (q.Length > 200)
                {
                    errors.Add("q", "The search is longer than 200 characters.");
                }

                if (lang is not (null or "" or "khm" or "eng"))
                {
                    errors.Add("lang", "The language is khm or eng.");
                }

                AknDocType? docType = type switch { null or "" => null, "act" => AknDocType.Act, "bill" => AknDocType.Bill, _ => (AknDocType)(-1) };
                if (docType == (AknDocType)(-1))
                {
                    errors.Add("type", "The type is act or bill.");
                }

                if (page is < 1 or > 50)
                {
                    errors.Add("page", "The page is between 1 and 50.");
                }

                if (errors.Any)
                {
                    return Results.ValidationProblem(errors.ToDictionary(), type: Problems.Validation, title: "The request has invalid fields.");
                }

                var results = index.Search(new SearchQuery(q!)
                {
                    Language = string.IsNullOrEmpty(lang) ? null : lang,
                    DocType = docType,
                    AsOf = date,
                    AllVersions = all ?? false,
                    WorkUri = string.IsNullOrWhiteSpace(work) ? null : work.Trim(),
                    Page = page ?? 1,
                    PageSize = 20,
                });
                return Results.Ok(results);
            })
            .WithName("SearchLegislation")
            .WithSummary("Search every text, Khmer and English: Khmer words are found inside running Khmer text")
            .WithDescription("q: the words; lang=khm|eng; type=act|bill; date= (texts in force that day, default today) or all=true (every version); work= (within one text); page=.");

        group.MapGet("/search/status", (LegalSearchIndex index) => TypedResults.Ok(new SearchIndexStatus(index.TextCount, index.DocumentCount, index.GetCursor())))
            .WithName("SearchIndexStatus")
            .WithSummary("This host's search index: texts and articles indexed, and the outbox position it has applied (null while it builds)");

        group.MapGet("/feed.atom", async (HttpContext http, BillFeed feed, CancellationToken ct) =>
                Results.Content(await feed.WriteAsync($"{http.Request.Scheme}://{http.Request.Host}", 50, ct), "application/atom+xml; charset=utf-8"))
            .WithName("BillFeed")
            .WithSummary("Atom feed of the latest 50 bill events");

        group.MapGet("/senators", async (SenateDirectory senate, CancellationToken ct) => TypedResults.Ok(await senate.SenatorsAsync(ct)))
            .WithName("PublicListSenators")
            .WithSummary("The senators of the current legislature, with their seat and bodies");

        group.MapGet("/bodies", async (SenateDirectory senate, CancellationToken ct) => TypedResults.Ok(await senate.BodiesAsync(ct)))
            .WithName("PublicListBodies")
            .WithSummary("The Permanent Committee and the commissions, with their members");

        // FRBR URIs resolve where they say: /akn/kh/act/2024-05-01/12/khm@ answers with the AKN XML.
        endpoints.MapGet("/akn/{**path}", async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> (string path, string? date, LegalDatabase db, IOptions<LegislationOptions> options, CancellationToken ct) =>
            {
                var uri = "/akn/" + path;
                var lang = uri.Contains("/eng@", StringComparison.Ordinal) || uri.EndsWith("/eng", StringComparison.Ordinal) ? "eng" : null;
                if (uri.EndsWith("/khm", StringComparison.Ordinal) || uri.EndsWith("/eng", StringComparison.Ordinal))
                {
                    uri = uri[..^4];
                }

                if (await db.ResolveAsync(uri, lang, date is null ? null : DateOnly.TryParse(date, out var d) ? d : null, ct) is not { } text)
                {
                    return TypedResults.NotFound();
                }

                return Unservable(text, options.Value) is { } problem ? problem : TypedResults.Content(text.Xml, "application/akn+xml; charset=utf-8");
            })
            .AllowAnonymous()
            .WithTags("Legislation (public)")
            .WithName("ResolveAkn")
            .WithSummary("Resolve an Akoma Ntoso FRBR URI to its XML (a work URI gives the version in force, or on ?date=)");
    }

    /// <summary>
    /// Stored texts are bounded by <see cref="LegislationOptions.MaxStoredCharacters"/> when they
    /// are written; a row over it (stored before the limit existed, or the limit lowered since)
    /// is not sent, so no public answer is larger than the limit.
    /// </summary>
    private static ProblemHttpResult? Unservable(Data.TextEntity text, LegislationOptions options) =>
        text.Xml.Length > options.MaxStoredCharacters
            ? Unavailable(text.ExpressionUri, $"its XML has {text.Xml.Length:N0} characters, over the {options.MaxStoredCharacters:N0} served")
            : null;

    private static ProblemHttpResult Unavailable(string expressionUri, string why) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        type: Problems.TypeBase + "text-unavailable",
        title: "This text cannot be served.",
        detail: $"{expressionUri} is held but cannot be served: {why}. The Secretariat of the Senate has to correct it.");

    /// <summary>The public record names the acting body, not the member of staff who typed it in.</summary>
    private static BillView Public(BillView bill) => bill with
    {
        Events = bill.Events.Select(e => e with { ActorName = e.Body?.NameEn ?? "Secretariat General of the Senate", Documents = [] }).ToList(),
        Documents = [],
    };
}

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
using Nokor.Legislation.Texts;

namespace Nokor.Legislation.Search;

/// <summary>The public search over every text, Khmer and English, and this host's index status.</summary>
internal static class SearchLegislation
{
    public static void MapPublic(RouteGroupBuilder group)
    {
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
    }
}

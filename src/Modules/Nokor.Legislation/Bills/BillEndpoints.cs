using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nokor.Legislation.Comments;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Texts;
using Nokor.Platform.Errors;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Bills;

internal static class BillEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/bills", async (RegisterBillRequest request, HttpContext http, BillService service, CancellationToken ct) =>
                (await service.RegisterAsync(request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithMetadata(new BodySizeLimit(16 * 1024 * 1024))
            .WithName("RegisterBill")
            .WithSummary("Register a law received from the National Assembly, with its text")
            .WithDescription("The text is structured plain text (chapters, sections, articles and paragraphs numbered in Khmer or Arabic numerals) or Akoma Ntoso 3.0 XML. The review period of Article 113 starts on the day of receipt.");

        group.MapGet("/bills", async (bool? open, BillStage? stage, int? page, BillService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(open ?? false, stage, page ?? 1, 50, ct)))
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("ListBills")
            .WithSummary("Bills, newest first, with their stage and the days left in their review period");

        group.MapGet("/bills/{id:guid}", async Task<Results<Ok<BillView>, NotFound>> (Guid id, BillService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } bill ? TypedResults.Ok(bill) : TypedResults.NotFound())
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("GetBill")
            .WithSummary("A bill with its stages, documents and versions");

        group.MapPost("/bills/{id:guid}/stages", async (Guid id, RecordStageRequest request, HttpContext http, BillService service, CancellationToken ct) =>
                (await service.RecordStageAsync(id, request, null, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithMetadata(new BodySizeLimit(16 * 1024 * 1024))
            .WithName("RecordBillStage")
            .WithSummary("Record the next stage of a bill (dated and attributed)")
            .WithDescription("Stages follow Article 113: a stage out of order, or a second decision in the same round, is refused with 409 and the stages allowed next.");

        group.MapPost("/bills/{id:guid}/documents", async Task<Results<Ok<BillDocumentView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, RedirectHttpResult>> (
                Guid id, HttpContext http, BillService service, IAntiforgery antiforgery, CancellationToken ct) =>
            {
                return await FileUploads.HandleAsync(http, antiforgery, BillService.MaxDocumentBytes, upload =>
                    {
                        var rawEventId = upload.Form["eventId"].ToString();
                        long? eventId = long.TryParse(rawEventId, out var e) ? e : null;
                        return !string.IsNullOrEmpty(rawEventId) && eventId is null
                            ? Task.FromResult(Outcome<BillDocumentView>.Invalid("eventId", "The stage id is a number."))
                            : service.AddDocumentAsync(id, eventId, upload.Form["kind"], upload.FileName, upload.Content, http.Actor(), ct);
                    },
                    "documentError", "documents", ct);
            })
            .RequireAuthorization(LegislationPolicies.Clerk)
            .DisableAntiforgery()
            .WithMetadata(new BodySizeLimit(BillService.MaxDocumentBytes + 1024 * 1024))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("AddBillDocument")
            .WithSummary("Attach a document (report, letter, minutes: PDF, image, text or AKN XML) to a bill or one of its stages");

        group.MapGet("/bills/{id:guid}/documents/{documentId:guid}", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, Guid documentId, BillService service, CancellationToken ct) =>
                await service.ReadDocumentAsync(id, documentId, ct) is { } d
                    ? TypedResults.File(d.Content, d.Document.ContentType, d.Document.FileName)
                    : TypedResults.NotFound())
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("GetBillDocument")
            .WithSummary("A document of a bill, as stored");

        group.MapGet("/bills/{id:guid}/comments", async (Guid id, string? article, CommentService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(id, article, ct)))
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("ListBillComments")
            .WithSummary("Senators' comments on the bill, in article order, with the commission's answers");

        group.MapGet("/bills/{id:guid}/comments.csv", async (Guid id, CommentService service, BillService bills, CancellationToken ct) =>
                await bills.GetAsync(id, ct) is { } bill
                    ? Results.File(await service.ExportCsvAsync(id, ct), "text/csv; charset=utf-8", $"comments-{bill.Number.Replace('/', '-')}.csv")
                    : Results.NotFound())
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("ExportBillComments")
            .WithSummary("Export the comments as CSV (UTF-8), one row per comment");

        group.MapPost("/bills/{id:guid}/comments", async (Guid id, CommentRequest request, HttpContext http, CommentService service, CancellationToken ct) =>
                (await service.AddAsync(id, request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Senator)
            .WithName("CommentOnBill")
            .WithSummary("A senator comments on one article of the draft (by its eId)");

        group.MapPost("/bills/{id:guid}/comments/{commentId:guid}/answer", async (Guid id, Guid commentId, AnswerRequest request, HttpContext http, CommentService service, CancellationToken ct) =>
                (await service.AnswerAsync(id, commentId, request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("AnswerComment")
            .WithSummary("The commission answers a comment (its chair, vice-chair or secretary, or the Secretariat)");

        group.MapPost("/acts", async (ImportActRequest request, HttpContext http, LegalDatabase service, CancellationToken ct) =>
                (await service.ImportActAsync(request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithMetadata(new BodySizeLimit(16 * 1024 * 1024))
            .WithName("ImportAct")
            .WithSummary("Enter a law (or the Constitution, subtype constitution) in the legal database, or its English translation");

        group.MapPost("/acts/amendments", async (string work, AmendActRequest request, HttpContext http, LegalDatabase service, CancellationToken ct) =>
                (await service.AmendAsync(work, request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("AmendAct")
            .WithSummary("Record an amending law's changes to the law named by ?work=URI: a new point-in-time version from the effective date");
    }
}

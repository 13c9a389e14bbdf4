using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Microsoft.AspNetCore.Mvc;
using Nokor.Platform.Audit;
using Nokor.Platform.Files;
using Nokor.Platform.Hosting;

namespace Nokor.Legislation.Bills;

/// <summary>Attaches a document (report, letter, minutes: PDF, image, text or AKN XML) to a bill or one of its stages.</summary>
internal static class AddBillDocument
{
    public const int MaxDocumentBytes = 20 * 1024 * 1024;

    public static async Task<Outcome<BillDocumentView>> HandleAsync(
        Guid billId,
        long? eventId,
        string? kind,
        string? fileName,
        byte[] content,
        Actor actor,
        LegislationDbContext db,
        IBlobStore blobs,
        IAuditLog audit,
        TimeProvider clock,
        CancellationToken ct)
    {
        var bill = await db.Bills.AsNoTracking().FirstOrDefaultAsync(b => b.Id == billId, ct);
        if (bill is null)
        {
            return Outcome<BillDocumentView>.NotFound("No such bill.");
        }

        var errors = new FieldErrors();
        kind = kind?.Trim();
        if (string.IsNullOrEmpty(kind) || kind.Length > 40)
        {
            errors.Add("kind", "Say what the document is (e.g. report, letter, minutes), in at most 40 characters.");
        }

        var detected = DocumentTypes.Detect(content);
        if (content.Length == 0)
        {
            errors.Add("file", "The file is empty.");
        }
        else if (content.Length > MaxDocumentBytes)
        {
            errors.Add("file", $"The file is larger than {MaxDocumentBytes / (1024 * 1024)} MiB.");
        }
        else if (detected is null)
        {
            errors.Add("file", "Only PDF, PNG, JPEG, plain text and Akoma Ntoso XML documents are accepted.");
        }

        if (eventId is { } id && !await db.BillEvents.AnyAsync(e => e.Id == id && e.BillId == billId, ct))
        {
            errors.Add("eventId", "That stage is not one of this bill's.");
        }

        if (errors.Any)
        {
            return Outcome<BillDocumentView>.Invalid(errors);
        }

        var name = Path.GetFileName(fileName ?? "document");
        name = string.IsNullOrWhiteSpace(name) ? "document" : name.Length > 200 ? name[^200..] : name;
        var hash = await blobs.PutAsync(content, ct);
        var doc = new BillDocumentEntity
        {
            Id = Guid.NewGuid(),
            BillId = billId,
            EventId = eventId,
            Kind = kind!,
            FileName = name,
            ContentType = detected!,
            Sha256 = hash,
            Size = content.Length,
            AddedAt = clock.GetUtcNow(),
            AddedBy = actor.Id,
        };
        db.BillDocuments.Add(doc);
        await audit.AppendAsync(new AuditEvent(actor, "legislation.bill.document", "bill", billId.ToString("D"), "bill tracking",
            AuditDetails.Of(new { doc.Kind, doc.Sha256, doc.Size })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<BillDocumentView>.Ok(BillRecords.ToView(doc));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/bills/{id:guid}/documents", async Task<Results<Ok<BillDocumentView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, RedirectHttpResult>> (
                Guid id, HttpContext http, LegislationDbContext db, IBlobStore blobs, IAuditLog audit, TimeProvider clock, IAntiforgery antiforgery, CancellationToken ct) =>
            {
                return await FileUploads.HandleAsync(http, antiforgery, MaxDocumentBytes, upload =>
                    {
                        var rawEventId = upload.Form["eventId"].ToString();
                        long? eventId = long.TryParse(rawEventId, out var e) ? e : null;
                        return !string.IsNullOrEmpty(rawEventId) && eventId is null
                            ? Task.FromResult(Outcome<BillDocumentView>.Invalid("eventId", "The stage id is a number."))
                            : HandleAsync(id, eventId, upload.Form["kind"], upload.FileName, upload.Content, http.Actor(), db, blobs, audit, clock, ct);
                    },
                    "documentError", "documents", ct);
            })
            .RequireAuthorization(LegislationPolicies.Clerk)
            .DisableAntiforgery()
            .WithMetadata(new BodySizeLimit(MaxDocumentBytes + 1024 * 1024))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("AddBillDocument")
            .WithSummary("Attach a document (report, letter, minutes: PDF, image, text or AKN XML) to a bill or one of its stages");
}

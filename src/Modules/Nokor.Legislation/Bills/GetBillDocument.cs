using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Platform.Files;

namespace Nokor.Legislation.Bills;

/// <summary>A document of a bill, as stored, for senators and the Secretariat.</summary>
internal static class GetBillDocument
{
    public static async Task<(BillDocumentEntity Document, byte[] Content)?> HandleAsync(Guid billId, Guid documentId, LegislationDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        var doc = await db.BillDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.BillId == billId, ct);
        if (doc is null)
        {
            return null;
        }

        var bytes = await blobs.GetAsync(doc.Sha256, ct);
        return bytes is null ? null : (doc, bytes);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/bills/{id:guid}/documents/{documentId:guid}", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, Guid documentId, LegislationDbContext db, IBlobStore blobs, CancellationToken ct) =>
                await HandleAsync(id, documentId, db, blobs, ct) is { } d
                    ? TypedResults.File(d.Content, d.Document.ContentType, d.Document.FileName)
                    : TypedResults.NotFound())
            .RequireAuthorization(LegislationPolicies.Read)
            .WithName("GetBillDocument")
            .WithSummary("A document of a bill, as stored");
}

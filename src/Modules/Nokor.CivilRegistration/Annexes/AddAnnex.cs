using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Annexes;

/// <summary>
/// Scanned or photographed annexes of a dossier (NSPI 5.3: "uploading of scanned or photocopied
/// annexes"): PDF, PNG or JPEG recognised by their first bytes, not by the name or the declared
/// type, stored content-addressed with their SHA-256.
/// </summary>
internal static class AddAnnex
{
    public const int MaxAnnexesPerRegistration = 30;

    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "image/jpeg"
        : null;

    public static async Task<Outcome<AnnexView>> HandleAsync(
        Guid registrationId, string? fileName, byte[] content, string? description, Actor actor, CivilDbContext db, RegistrationRecords registrations,
        IBlobStore blobs, GazetteerService gazetteer, StaffDirectory staff, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (content.Length == 0)
        {
            errors.Add("file", "The file is empty.");
        }
        else if (content.Length > options.Value.MaxAnnexBytes)
        {
            errors.Add("file", $"The file is larger than {options.Value.MaxAnnexBytes / (1024 * 1024)} MB.");
        }

        var contentType = content.Length == 0 ? null : Sniff(content);
        if (content.Length > 0 && contentType is null)
        {
            errors.Add("file", "Only PDF, PNG and JPEG scans are accepted.");
        }

        var name = Fields.Trimmed(Path.GetFileName(fileName ?? "")) ?? "annex";
        if (name.Length > 200 || name.Any(char.IsControl))
        {
            errors.Add("fileName", "The file name must be at most 200 characters without control characters.");
        }

        var f = new Fields(errors, gazetteer);
        var text = f.Text("description", description, required: false, max: 300);
        if (errors.Any)
        {
            return Outcome<AnnexView>.Invalid(errors);
        }

        var r = await registrations.FindAsync(registrationId, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<AnnexView>.NotFound(RegistrationRecords.NotFoundMessage);
        }

        if (r.Status is RegistrationStatus.Rejected)
        {
            return Outcome<AnnexView>.Conflict("The application was rejected; a new application takes new annexes.");
        }

        if (await db.Annexes.CountAsync(a => a.RegistrationId == r.Id, ct) >= MaxAnnexesPerRegistration)
        {
            return Outcome<AnnexView>.Invalid("file", $"A registration holds at most {MaxAnnexesPerRegistration} annexes.");
        }

        var hash = await blobs.PutAsync(content, ct);
        var annex = new AnnexEntity
        {
            Id = Guid.CreateVersion7(),
            RegistrationId = r.Id,
            Sha256 = hash,
            ContentType = contentType!,
            Size = content.Length,
            FileName = name,
            Description = text,
            AddedAt = clock.GetUtcNow(),
            AddedBy = await staff.DisplayNameAsync(actor, ct),
        };
        db.Annexes.Add(annex);
        db.Events.Add(new RegistrationEventEntity
        {
            RegistrationId = r.Id, At = annex.AddedAt, ActorId = actor.Id, ActorName = annex.AddedBy, Action = "annex.added",
            Version = r.Version, Note = $"{name} ({hash[..12]})",
        });
        await audit.AppendAsync(new AuditEvent(actor, "civil.annex.add", "registration", r.Id.ToString(), "civil registration",
            AuditDetails.Of(new { sha256 = hash })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<AnnexView>.Ok(new AnnexView(annex.Id, annex.FileName, annex.ContentType, annex.Size, annex.Sha256, annex.Description, annex.AddedAt, annex.AddedBy));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/annexes", async Task<Results<Ok<AnnexView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, RedirectHttpResult>> (
                Guid id, HttpContext http, CivilDbContext db, RegistrationRecords registrations, IBlobStore blobs, GazetteerService gazetteer,
                StaffDirectory staff, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock, IAntiforgery antiforgery, CancellationToken ct) =>
            {
                var max = options.Value.MaxAnnexBytes;
                return await FileUploads.HandleAsync(http, antiforgery, max,
                    upload => HandleAsync(id, upload.FileName, upload.Content, upload.Form["description"], http.Actor(), db, registrations, blobs, gazetteer, staff, audit, options, clock, ct),
                    "annexError", "annexes", ct);
            })
            .RequireAuthorization(CivilPolicies.Work)
            .DisableAntiforgery()
            .WithMetadata(new BodySizeLimit(16 * 1024 * 1024))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("AddAnnex")
            .WithSummary("Upload a scanned annex (PDF, PNG or JPEG) to the dossier")
            .WithDescription("Multipart form with the field \"file\" and optionally \"description\". The type is recognised from the content; the file is stored under its SHA-256.");
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Annexes;

/// <summary>
/// Scanned or photographed annexes of a dossier (NSPI 5.3: "uploading of scanned or photocopied
/// annexes"): PDF, PNG or JPEG recognised by their first bytes, not by the name or the declared
/// type, stored content-addressed with their SHA-256.
/// </summary>
internal sealed class AnnexService(
    CivilDbContext db,
    RegistrationService registrations,
    IBlobStore blobs,
    GazetteerService gazetteer,
    StaffDirectory staff,
    IAuditLog audit,
    IOptions<CivilRegistrationOptions> options,
    TimeProvider clock)
{
    public const int MaxAnnexesPerRegistration = 30;

    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "image/jpeg"
        : null;

    public async Task<Outcome<AnnexView>> AddAsync(Guid registrationId, string? fileName, byte[] content, string? description, Actor actor, CancellationToken ct)
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
            return Outcome<AnnexView>.NotFound("No registration with this id in your area.");
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
            $"{{\"sha256\":\"{hash}\"}}"), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<AnnexView>.Ok(new AnnexView(annex.Id, annex.FileName, annex.ContentType, annex.Size, annex.Sha256, annex.Description, annex.AddedAt, annex.AddedBy));
    }

    /// <summary>
    /// An annex and its bytes, audited with the caller's stated purpose (X-Purpose), or the record
    /// page's purpose when the browser follows a link and states none.
    /// </summary>
    public async Task<Outcome<(AnnexEntity Annex, byte[] Content)>> GetAsync(Guid registrationId, Guid annexId, string? purposeText, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationService.PurposeOr(purposeText, RegistrationService.PagePurpose, errors);
        if (purpose is null)
        {
            return Outcome<(AnnexEntity, byte[])>.Invalid(errors);
        }

        var r = await registrations.FindAsync(registrationId, actor, track: false, ct);
        var annex = r is null ? null : await db.Annexes.AsNoTracking().FirstOrDefaultAsync(a => a.Id == annexId && a.RegistrationId == r.Id, ct);
        var content = annex is null ? null : await blobs.GetAsync(annex.Sha256, ct);
        if (annex is null || content is null)
        {
            return Outcome<(AnnexEntity, byte[])>.NotFound("No such annex in your area.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.annex.read", "registration", r!.Id.ToString(), purpose,
            $"{{\"annex\":\"{annex.Id}\"}}"), ct);
        return Outcome<(AnnexEntity, byte[])>.Ok((annex, content));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Information;

/// <summary>A request for an extract of a registration, received on paper or online.</summary>
public sealed record InformationRequestInput
{
    public string? RegistrationNumber { get; init; }
    /// <summary>Person (the registered person, or a parent of a registered child) or Institution.</summary>
    public string? RequesterKind { get; init; }
    public string? RequesterName { get; init; }
    /// <summary>For a person: their KIDC, which must be the subject's or a parent's.</summary>
    public string? RequesterKidc { get; init; }
    /// <summary>For an institution: the cooperation agreement that allows it (NSPI 5.3).</summary>
    public string? Agreement { get; init; }
    public string? Purpose { get; init; }
}

public sealed record InformationDecision(bool Approve, string? Decision);

public sealed record InformationDelivery(string? Channel);

public sealed record InformationRequestView(
    Guid Id, string RegistrationNumber, InformationRequesterKind RequesterKind, string RequesterName, string? Agreement, string Purpose,
    InformationRequestStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt, string? Decision, DateTimeOffset? DeliveredAt,
    string? DeliveryChannel, long FeeRiel, RegistrationExtract? Extract);

/// <summary>The extract delivered: the registered facts, as a certificate states them.</summary>
public sealed record RegistrationExtract(
    VitalEvent Event, string RegistrationNumber, int Version, string? Kidc, string NameKm, string NameLatin, string? Sex,
    string EventDate, string EventPlaceCode, string OfficeCode, DateTimeOffset? RegisteredAt, string? MotherNameKm, string? FatherNameKm);

/// <summary>
/// Information services (NSPI 5.3): requests for information by the public or institutions, accepted
/// on paper or online; the request, the decision and the delivery are each recorded and audited.
/// A person may ask for their own record (or their child's); an institution only under a signed
/// cooperation agreement.
/// </summary>
internal sealed class InformationService(
    CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Channels = ["counter", "post", "email", "online"];

    public async Task<Outcome<InformationRequestView>> ReceiveAsync(InformationRequestInput input, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var f = new Fields(errors, gazetteer);
        var number = Fields.Trimmed(input.RegistrationNumber)?.ToUpperInvariant();
        var kind = f.Enum<InformationRequesterKind>("requesterKind", input.RequesterKind, required: true);
        var name = f.Text("requesterName", input.RequesterName, required: true, max: 200);
        var kidc = f.Kidc("requesterKidc", input.RequesterKidc);
        var agreement = f.Text("agreement", input.Agreement, required: kind == InformationRequesterKind.Institution, max: 100);
        var purpose = f.Text("purpose", input.Purpose, required: true, max: 500);
        if (kind == InformationRequesterKind.Person && kidc is null && !errors.Has("requesterKidc"))
        {
            errors.Add("requesterKidc", "A person asking for a record gives their KIDC.");
        }

        RegistrationEntity? r = null;
        if (number is null)
        {
            errors.Add("registrationNumber", "The registration number is required.");
        }
        else
        {
            r = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct);
            if (r is null || !actor.Jurisdiction.Covers(r.OfficeCode))
            {
                errors.Add("registrationNumber", "No registration with this number in your area.");
                r = null;
            }
        }

        if (r is not null && kind == InformationRequesterKind.Person && kidc is not null && !Concerns(r, kidc))
        {
            // Privacy: a person gets only their own record or their child's birth record.
            errors.Add("requesterKidc", "This KIDC is neither the registered person's nor a parent's: the request needs an institution's agreement.");
        }

        if (errors.Any)
        {
            return Outcome<InformationRequestView>.Invalid(errors);
        }

        var entity = new InformationRequestEntity
        {
            Id = Guid.CreateVersion7(),
            RegistrationId = r!.Id,
            RegistrationNumber = r.Number!,
            OfficeCode = r.OfficeCode,
            RequesterKind = kind!.Value,
            RequesterName = name!,
            RequesterKidc = kidc,
            Agreement = agreement,
            Purpose = purpose!,
            Status = InformationRequestStatus.Received,
            ReceivedAt = clock.GetUtcNow(),
            ReceivedBy = actor.Id,
        };
        db.InformationRequests.Add(entity);
        await audit.AppendAsync(new AuditEvent(actor, "civil.information.receive", "registration", r.Id.ToString(), purpose!), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<InformationRequestView>.Ok(View(entity, null));
    }

    private static bool Concerns(RegistrationEntity r, string kidc)
    {
        if (r.SubjectKidc == kidc)
        {
            return true;
        }

        if (r.Event != VitalEvent.Birth)
        {
            return false;
        }

        var birth = Dossiers.Read<BirthDossier>(r.Dossier);
        return birth.Mother?.Kidc == kidc || birth.Father?.Kidc == kidc;
    }

    public async Task<Outcome<InformationRequestView>> DecideAsync(Guid id, InformationDecision decision, Actor actor, CancellationToken ct)
    {
        var entity = await FindAsync(id, actor, ct);
        if (entity is null)
        {
            return Outcome<InformationRequestView>.NotFound("No information request with this id in your area.");
        }

        if (entity.Status != InformationRequestStatus.Received)
        {
            return Outcome<InformationRequestView>.Conflict($"The request is already {entity.Status.ToString().ToLowerInvariant()}.");
        }

        if (!actor.IsInRole(Roles.Registrar))
        {
            return Outcome<InformationRequestView>.Invalid("approve", "Only a registrar decides on information requests.");
        }

        var text = Fields.Trimmed(decision.Decision);
        if (!decision.Approve && text is null)
        {
            return Outcome<InformationRequestView>.Invalid("decision", "State why the request is refused.");
        }

        if (text is { Length: > 1000 })
        {
            return Outcome<InformationRequestView>.Invalid("decision", "The decision must be at most 1,000 characters.");
        }

        entity.Status = decision.Approve ? InformationRequestStatus.Approved : InformationRequestStatus.Refused;
        entity.DecidedBy = actor.Id;
        entity.DecidedAt = clock.GetUtcNow();
        entity.Decision = text;
        await audit.AppendAsync(new AuditEvent(actor, decision.Approve ? "civil.information.approve" : "civil.information.refuse",
            "registration", entity.RegistrationId.ToString(), entity.Purpose), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<InformationRequestView>.Ok(View(entity, null));
    }

    public async Task<Outcome<InformationRequestView>> DeliverAsync(Guid id, InformationDelivery delivery, Actor actor, CancellationToken ct)
    {
        var entity = await FindAsync(id, actor, ct);
        if (entity is null)
        {
            return Outcome<InformationRequestView>.NotFound("No information request with this id in your area.");
        }

        if (entity.Status != InformationRequestStatus.Approved)
        {
            return Outcome<InformationRequestView>.Conflict(entity.Status == InformationRequestStatus.Delivered
                ? "The extract was already delivered."
                : "Only an approved request is delivered.");
        }

        var channel = Fields.Trimmed(delivery.Channel)?.ToLowerInvariant();
        if (channel is null || !Channels.Contains(channel))
        {
            return Outcome<InformationRequestView>.Invalid("channel", $"Use one of {string.Join(", ", Channels)}.");
        }

        var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == entity.RegistrationId, ct);
        entity.Status = InformationRequestStatus.Delivered;
        entity.DeliveredAt = clock.GetUtcNow();
        entity.DeliveryChannel = channel;
        await audit.AppendAsync(new AuditEvent(actor, "civil.information.deliver", "registration", r.Id.ToString(), entity.Purpose,
            $"{{\"channel\":\"{channel}\"}}"), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<InformationRequestView>.Ok(View(entity, Extract(r)));
    }

    public async Task<IReadOnlyList<InformationRequestView>> ListAsync(Actor actor, CancellationToken ct)
    {
        var query = db.InformationRequests.AsNoTracking();
        if (actor.Jurisdiction.AreaCode is { } area)
        {
            query = query.Where(i => i.OfficeCode.StartsWith(area));
        }

        var rows = await query.OrderByDescending(i => i.ReceivedAt).Take(200).ToListAsync(ct);
        await audit.AppendAsync(new AuditEvent(actor, "civil.information.list", "information-requests",
            actor.Jurisdiction.AreaCode ?? "national", "civil registration information service"), ct);
        return rows.Select(i => View(i, null)).ToList();
    }

    private async Task<InformationRequestEntity?> FindAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var entity = await db.InformationRequests.FirstOrDefaultAsync(i => i.Id == id, ct);
        return entity is not null && actor.Jurisdiction.Covers(entity.OfficeCode) ? entity : null;
    }

    public static RegistrationExtract Extract(RegistrationEntity r)
    {
        var birth = Dossiers.Birth(r);
        return new RegistrationExtract(r.Event, r.Number!, r.Version, r.SubjectKidc, r.SubjectNameKm, r.SubjectNameLatin, r.SubjectSex,
            r.EventDate.ToString("yyyy-MM-dd"), r.EventPlaceCode, r.OfficeCode, r.DecidedAt,
            birth?.Mother is { } m ? $"{m.SurnameKm} {m.GivenNameKm}" : null,
            birth?.Father is { } fa ? $"{fa.SurnameKm} {fa.GivenNameKm}" : null);
    }

    private InformationRequestView View(InformationRequestEntity i, RegistrationExtract? extract) => new(
        i.Id, i.RegistrationNumber, i.RequesterKind, i.RequesterName, i.Agreement, i.Purpose, i.Status, i.ReceivedAt, i.DecidedAt,
        i.Decision, i.DeliveredAt, i.DeliveryChannel, options.Value.Fees.Extract, extract);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/information-requests", async (InformationRequestInput input, HttpContext http, InformationService service, CancellationToken ct) =>
                (await service.ReceiveAsync(input, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ReceiveInformationRequest")
            .WithSummary("Record a request for an extract of a registration (from the person, or an institution under agreement)");
        group.MapGet("/information-requests", async (HttpContext http, InformationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(http.Actor(), ct)))
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("ListInformationRequests")
            .WithSummary("Information requests of the caller's area, newest first");
        group.MapPost("/information-requests/{id:guid}/decision", async (Guid id, InformationDecision decision, HttpContext http, InformationService service, CancellationToken ct) =>
                (await service.DecideAsync(id, decision, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("DecideInformationRequest")
            .WithSummary("A registrar approves or refuses the request");
        group.MapPost("/information-requests/{id:guid}/delivery", async (Guid id, InformationDelivery delivery, HttpContext http, InformationService service, CancellationToken ct) =>
                (await service.DeliverAsync(id, delivery, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("DeliverInformation")
            .WithSummary("Deliver the extract of an approved request; the delivery and its channel are recorded");
    }
}

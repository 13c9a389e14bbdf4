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

/// <summary>
/// Information services (NSPI 5.3): requests for information by the public or institutions, accepted
/// on paper or online; the request, the decision and the delivery are each recorded and audited.
/// A person may ask for their own record (or their child's); an institution only under a signed
/// cooperation agreement.
/// </summary>
internal static class ReceiveInformationRequest
{
    public static async Task<Outcome<InformationRequestView>> HandleAsync(
        InformationRequestInput input, Actor actor, CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock, CancellationToken ct)
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
        return Outcome<InformationRequestView>.Ok(InformationRequests.View(entity, null, options));
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

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/information-requests", async (InformationRequestInput input, HttpContext http, CivilDbContext db, GazetteerService gazetteer,
                IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(input, http.Actor(), db, gazetteer, audit, options, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ReceiveInformationRequest")
            .WithSummary("Record a request for an extract of a registration (from the person, or an institution under agreement)");
}

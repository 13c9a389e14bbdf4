using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Information;

/// <summary>What the information-service use cases share: the request under the caller's jurisdiction, the extract and the view.</summary>
internal static class InformationRequests
{
    public static async Task<InformationRequestEntity?> FindAsync(CivilDbContext db, Guid id, Actor actor, CancellationToken ct)
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

    public static InformationRequestView View(InformationRequestEntity i, RegistrationExtract? extract, IOptions<CivilRegistrationOptions> options) => new(
        i.Id, i.RegistrationNumber, i.RequesterKind, i.RequesterName, i.Agreement, i.Purpose, i.Status, i.ReceivedAt, i.DecidedAt,
        i.Decision, i.DeliveredAt, i.DeliveryChannel, options.Value.Fees.Extract, extract);
}

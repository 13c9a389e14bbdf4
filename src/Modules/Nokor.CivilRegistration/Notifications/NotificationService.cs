using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Notifications;

/// <summary>
/// Notification services (NSPI 5.3): notifications from the authority that witnessed the event are
/// stored until the family comes with the original and asks for registration. Staff of the place
/// notify through the web form; hospital systems through the API, also as FHIR R4 bundles.
/// </summary>
internal sealed class NotificationService(
    CivilDbContext db,
    GazetteerService gazetteer,
    IAuditLog audit,
    TimeProvider clock)
{
    public const int MaxListed = 500;

    public async Task<Outcome<NotificationView>> NotifyAsync(NotificationRequest request, Actor actor, CancellationToken ct)
    {
        if (request.Id is { } id && await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) is { } again)
        {
            return again.ReceivedBy == actor.Id
                ? Outcome<NotificationView>.Ok(View(again))
                : Outcome<NotificationView>.Conflict("Another notification already uses this id: generate a new one.");
        }

        var errors = new FieldErrors();
        var f = new Fields(errors, gazetteer);
        var e = f.Enum<VitalEvent>("event", request.Event, required: true);
        var date = f.Date("eventDate", request.EventDate, required: true);
        if (date > CambodiaTime.Today(clock))
        {
            errors.Add("eventDate", "The date of the event is in the future.");
        }

        var place = await f.VillageAsync("eventPlaceCode", request.EventPlaceCode, required: true);
        if (place is not null && !actor.Jurisdiction.Covers(place))
        {
            errors.Add("eventPlaceCode", "This village is outside your office's area.");
        }

        var sourceSystem = f.Text("sourceSystem", request.SourceSystem, required: false, max: 100);
        var sourceReference = f.Text("sourceReference", request.SourceReference, required: sourceSystem is not null, max: 100);
        var normalized = new NotificationRequest
        {
            Event = e?.ToString(),
            InformantKind = f.Enum<InformantKind>("informantKind", request.InformantKind, required: true)?.ToString(),
            InformantName = f.Text("informantName", request.InformantName, required: true, max: 200),
            FacilityName = f.Text("facilityName", request.FacilityName, required: false, max: 200),
            SourceSystem = sourceSystem,
            SourceReference = sourceReference,
            EventDate = date?.ToString("yyyy-MM-dd"),
            EventTime = f.Time("eventTime", request.EventTime),
            EventPlaceCode = place,
        };

        string? nameKm = null, nameLatin = null;
        if (e == VitalEvent.Birth)
        {
            // The KIDC is kept as notified: the registry is not asked here (an answer would tell the
            // notifier whether the code exists); the registration confirms it with the names.
            var motherKidc = f.Kidc("motherKidc", request.MotherKidc);

            var motherBirth = f.Date("motherBirthDate", request.MotherBirthDate, required: false);
            if (motherBirth is { } mb && date is { } d && mb.AddYears(DossierValidator.MinimumMotherAge) > d)
            {
                errors.Add("motherBirthDate", $"The mother would be younger than {DossierValidator.MinimumMotherAge} at the birth.");
            }

            normalized = normalized with
            {
                ChildSex = f.Enum<Sex>("childSex", request.ChildSex, required: false)?.ToString(),
                BirthWeightGrams = f.Range("birthWeightGrams", request.BirthWeightGrams, 300, 7000, required: false, "birth weight in grams"),
                BirthType = f.Enum<BirthType>("birthType", request.BirthType, required: false)?.ToString(),
                MotherKidc = motherKidc,
                MotherNameKm = f.KhmerName("motherNameKm", request.MotherNameKm, required: motherKidc is null),
                MotherNameLatin = f.LatinName("motherNameLatin", request.MotherNameLatin, required: false),
                MotherBirthDate = motherBirth?.ToString("yyyy-MM-dd"),
            };
            nameKm = normalized.MotherNameKm is null ? null : $"{normalized.MotherNameKm} (mother)";
            nameLatin = normalized.MotherNameLatin is null ? null : $"{normalized.MotherNameLatin} (mother)";
        }
        else if (e == VitalEvent.Death)
        {
            // As for a mother: the KIDC is kept as notified, never looked up (no names from the registry).
            var kidc = f.Kidc("deceasedKidc", request.DeceasedKidc);

            var born = f.Date("deceasedBirthDate", request.DeceasedBirthDate, required: false);
            if (born is { } b && date is { } d && d < b)
            {
                errors.Add("eventDate", "The date of death is before the date of birth.");
            }

            normalized = normalized with
            {
                DeceasedKidc = kidc,
                DeceasedNameKm = f.KhmerName("deceasedNameKm", request.DeceasedNameKm, required: kidc is null),
                DeceasedNameLatin = f.LatinName("deceasedNameLatin", request.DeceasedNameLatin, required: false),
                DeceasedSex = f.Enum<Sex>("deceasedSex", request.DeceasedSex, required: false)?.ToString(),
                DeceasedBirthDate = born?.ToString("yyyy-MM-dd"),
                Cause = request.Cause,
            };
            nameKm = normalized.DeceasedNameKm;
            nameLatin = normalized.DeceasedNameLatin;
        }

        if (errors.Any)
        {
            return Outcome<NotificationView>.Invalid(errors);
        }

        if (sourceSystem is not null && await db.Notifications.AsNoTracking()
                .FirstOrDefaultAsync(n => n.SourceSystem == sourceSystem && n.SourceReference == sourceReference, ct) is { } sent)
        {
            // The hospital sent the same event again: answer with the stored notification.
            return Outcome<NotificationView>.Ok(View(sent));
        }

        var entity = new NotificationEntity
        {
            Id = request.Id ?? Guid.CreateVersion7(),
            Event = e!.Value,
            Status = NotificationStatus.Open,
            CommuneCode = place![..6],
            EventPlaceCode = place,
            EventDate = date!.Value,
            InformantKind = Enum.Parse<InformantKind>(normalized.InformantKind!),
            SourceSystem = sourceSystem,
            SourceReference = sourceReference,
            SubjectNameKm = nameKm,
            SubjectNameLatin = nameLatin,
            Details = Dossiers.Write(normalized),
            ReceivedAt = clock.GetUtcNow(),
            ReceivedBy = actor.Id,
        };
        db.Notifications.Add(entity);
        await audit.AppendAsync(new AuditEvent(actor, $"civil.notification.{RegistrationService.Kind(entity.Event)}", "notification",
            entity.Id.ToString(), "civil registration notification"), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var twin = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n =>
                n.Id == entity.Id || (sourceSystem != null && n.SourceSystem == sourceSystem && n.SourceReference == sourceReference), ct);
            return twin is null
                ? Outcome<NotificationView>.Conflict("The notification collided with another one: send it again.")
                : Outcome<NotificationView>.Ok(View(twin));
        }

        return Outcome<NotificationView>.Ok(View(entity));
    }

    /// <summary>Open notifications of the caller's area, oldest first, with their age in days.</summary>
    /// <summary>The purpose recorded for reads that state none (the pages, a browser link).</summary>
    public const string DefaultPurpose = "civil registration";

    /// <summary>The open notifications of an area, audited with the caller's stated purpose (X-Purpose) or <see cref="DefaultPurpose"/>.</summary>
    public async Task<Outcome<IReadOnlyList<NotificationView>>> OpenAsync(Actor actor, string? communeCode, CancellationToken ct, string? purposeText = null)
    {
        var errors = new FieldErrors();
        var purpose = Registrations.RegistrationService.PurposeOr(purposeText, DefaultPurpose, errors);
        if (purpose is null)
        {
            return Outcome<IReadOnlyList<NotificationView>>.Invalid(errors);
        }

        if (communeCode is not null && !Nokor.Platform.Gazetteer.GazetteerService.IsWellFormedCode(communeCode))
        {
            return Outcome<IReadOnlyList<NotificationView>>.Invalid("commune", "An area code is 2, 4, 6 or 8 digits (province, district, commune, village).");
        }

        var area = communeCode is not null && actor.Jurisdiction.Covers(communeCode) ? communeCode : actor.Jurisdiction.AreaCode;
        var query = db.Notifications.AsNoTracking().Where(n => n.Status == NotificationStatus.Open);
        if (area is not null)
        {
            query = query.Where(n => n.CommuneCode.StartsWith(area));
        }

        var list = await query.OrderBy(n => n.ReceivedAt).Take(MaxListed).ToListAsync(ct);
        await audit.AppendAsync(new AuditEvent(actor, "civil.notification.list", "notification", area ?? "national", purpose), ct);
        return Outcome<IReadOnlyList<NotificationView>>.Ok(list.Select(View).ToList());
    }

    /// <summary>One notification of the caller's area, audited with the caller's stated purpose (X-Purpose) or <see cref="DefaultPurpose"/>.</summary>
    public async Task<Outcome<NotificationView>> GetAsync(Guid id, Actor actor, CancellationToken ct, string? purposeText = null)
    {
        var errors = new FieldErrors();
        var purpose = Registrations.RegistrationService.PurposeOr(purposeText, DefaultPurpose, errors);
        if (purpose is null)
        {
            return Outcome<NotificationView>.Invalid(errors);
        }

        var n = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !actor.Jurisdiction.Covers(n.CommuneCode))
        {
            return Outcome<NotificationView>.NotFound("No notification with this id in your area.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.notification.read", "notification", n.Id.ToString(), purpose), ct);
        return Outcome<NotificationView>.Ok(View(n));
    }

    public NotificationView View(NotificationEntity n)
    {
        var details = Dossiers.Read<NotificationRequest>(n.Details);
        return new(
            n.Id, n.Event, n.Status, n.CommuneCode, n.EventPlaceCode, n.EventDate.ToString("yyyy-MM-dd"), n.InformantKind,
            details.InformantName, details.FacilityName, n.SourceSystem, n.SourceReference, n.SubjectNameKm, n.SubjectNameLatin,
            n.ReceivedAt, CambodiaTime.Today(clock).DayNumber - CambodiaTime.DateOf(n.ReceivedAt).DayNumber, n.RegistrationId, details);
    }
}

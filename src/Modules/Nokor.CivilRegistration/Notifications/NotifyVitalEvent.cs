using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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
/// notify through the web form; hospital systems through the API, also as FHIR R4 bundles
/// (<see cref="Fhir.NotifyFhir"/>).
/// </summary>
internal static class NotifyVitalEvent
{
    public static async Task<Outcome<NotificationView>> HandleAsync(
        NotificationRequest request, Actor actor, CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (request.Id is { } id && await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) is { } again)
        {
            return again.ReceivedBy == actor.Id
                ? Outcome<NotificationView>.Ok(NotificationViews.View(again, clock))
                : Outcome<NotificationView>.Conflict("Another notification already uses this id: generate a new one.");
        }

        var errors = new FieldErrors();
        var f = new Fields(errors, gazetteer);
        var e = f.Enum<VitalEvent>("event", request.Event, required: true);
        if (e is not null and not (VitalEvent.Birth or VitalEvent.Death or VitalEvent.FoetalDeath))
        {
            // The other events are declared at the office or decided by a court: nobody notifies them.
            errors.Add("event", "A notification is of a Birth, a Death or a FoetalDeath (stillbirth).");
            e = null;
        }
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
        if (e is VitalEvent.Birth or VitalEvent.FoetalDeath)
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
                ChildSex = e == VitalEvent.FoetalDeath ? null : f.Enum<Sex>("childSex", request.ChildSex, required: false)?.ToString(),
                BirthWeightGrams = e == VitalEvent.FoetalDeath ? null : f.Range("birthWeightGrams", request.BirthWeightGrams, 300, 7000, required: false, "birth weight in grams"),
                BirthType = f.Enum<BirthType>("birthType", request.BirthType, required: false)?.ToString(),
                MotherKidc = motherKidc,
                MotherNameKm = f.KhmerName("motherNameKm", request.MotherNameKm, required: motherKidc is null),
                MotherNameLatin = f.LatinName("motherNameLatin", request.MotherNameLatin, required: false),
                MotherBirthDate = motherBirth?.ToString("yyyy-MM-dd"),
            };
            nameKm = normalized.MotherNameKm is null ? null : $"{normalized.MotherNameKm} (mother)";
            nameLatin = normalized.MotherNameLatin is null ? null : $"{normalized.MotherNameLatin} (mother)";
            if (e == VitalEvent.FoetalDeath)
            {
                // A stillbirth: the foetus's sex may be undetermined; the gestation and the cause as
                // certified (line a) carry into the registration, which asks the legal minimum.
                normalized = normalized with
                {
                    ChildSex = f.Enum<FamilyEvents.EnterFoetalDeath.FoetalSex>("childSex", request.ChildSex, required: false)?.ToString(),
                    BirthWeightGrams = f.Range("birthWeightGrams", request.BirthWeightGrams, 100, 7000, required: false, "weight in grams"),
                    GestationWeeks = f.Range("gestationWeeks", request.GestationWeeks, 1, 45, required: true, "completed weeks of gestation"),
                    Cause = request.Cause?.LineA is { } line ? new CauseOfDeath
                    {
                        LineA = new CauseLine
                        {
                            Condition = f.Text("cause.lineA.condition", line.Condition, required: true, max: 200),
                            Icd10 = f.Icd10("cause.lineA.icd10", line.Icd10),
                        },
                    } : null,
                };
            }
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
            return Outcome<NotificationView>.Ok(NotificationViews.View(sent, clock));
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
        await audit.AppendAsync(new AuditEvent(actor, $"civil.notification.{RegistrationRecords.Kind(entity.Event)}", "notification",
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
                : Outcome<NotificationView>.Ok(NotificationViews.View(twin, clock));
        }

        return Outcome<NotificationView>.Ok(NotificationViews.View(entity, clock));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/notifications", async (NotificationRequest request, HttpContext http, CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(request, http.Actor(), db, gazetteer, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Notify)
            .WithName("NotifyVitalEvent")
            .WithSummary("Notify a birth, a death or a foetal death (stillbirth)")
            .WithDescription("Stores a notification from the health facility, midwife or village chief that witnessed the event until the family registers it. Sending the same id, or the same source system and reference, again returns the stored notification.");
}

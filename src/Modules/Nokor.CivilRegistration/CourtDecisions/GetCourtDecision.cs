using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>
/// One decision of the caller's area with the application it opens, pre-filled from the decision
/// (its <c>CourtDecisionId</c> set): the registrar completes it (the persons' names and dates of
/// birth as the decision states them, which the registry confirms; the informant) and enters it
/// at the event's entry endpoint. A correction judgment gives the registration to correct.
/// </summary>
internal static class GetCourtDecision
{
    public static async Task<Outcome<CourtDecisionDetail>> HandleAsync(
        Guid id, string? purposeText, Actor actor, CivilDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.PurposeOr(purposeText, ICourtDecisions.PagePurpose, errors);
        if (purpose is null)
        {
            return Outcome<CourtDecisionDetail>.Invalid(errors);
        }

        var d = await CourtDecisionRecords.FindAsync(db, id, actor, track: false, ct);
        if (d is null)
        {
            return Outcome<CourtDecisionDetail>.NotFound(CourtDecisionRecords.NotFoundMessage);
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.court-decision.read", "court-decision", d.Id.ToString(), purpose), ct);
        var view = CourtDecisionRecords.View(d, clock);
        Guid? toCorrect = null;
        if (d.Kind == CourtDecisionKind.RegistrationCorrection && view.Details.Correction?.RegistrationNumber is { } number)
        {
            var r = await db.Registrations.AsNoTracking().Where(x => x.Number == number).Select(x => new { x.Id, x.OfficeCode }).FirstOrDefaultAsync(ct);
            toCorrect = r is not null && actor.Jurisdiction.Covers(r.OfficeCode) ? r.Id : null;
        }

        return Outcome<CourtDecisionDetail>.Ok(Prefill(view, toCorrect));
    }

    /// <summary>The application of the decision's event, pre-filled from it.</summary>
    public static CourtDecisionDetail Prefill(CourtDecisionView view, Guid? toCorrect)
    {
        var x = view.Details;
        return view.Kind switch
        {
            CourtDecisionKind.Divorce or CourtDecisionKind.Annulment or CourtDecisionKind.LegalSeparation => new(view, RegistrationEntry.EventOf(view.Kind),
                new DissolutionApplication
                {
                    Event = RegistrationEntry.EventOf(view.Kind).ToString(),
                    CourtDecisionId = view.Id,
                    Dissolution = new DissolutionDossier
                    {
                        MarriageNumber = x.Dissolution?.MarriageNumber,
                        Authority = nameof(DecisionAuthority.Court),
                        Court = view.Court,
                        CaseNumber = view.CaseNumber,
                        DecisionDate = view.DecisionDate,
                        EffectiveDate = view.EffectiveDate,
                        Petitioner = x.Dissolution?.Petitioner,
                        DependentChildren = x.Dissolution?.DependentChildren,
                    },
                }, null, null, null, null),
            CourtDecisionKind.SimpleAdoption or CourtDecisionKind.FullAdoption => new(view, VitalEvent.Adoption, null,
                new AdoptionApplication
                {
                    CourtDecisionId = view.Id,
                    Adoption = new AdoptionDossier
                    {
                        Kind = view.Kind == CourtDecisionKind.FullAdoption ? nameof(AdoptionKind.Full) : nameof(AdoptionKind.Simple),
                        Adoptee = Person(x.Adoption?.AdopteeKidc),
                        AdoptiveFather = Person(x.Adoption?.AdoptiveFatherKidc),
                        AdoptiveMother = Person(x.Adoption?.AdoptiveMotherKidc),
                        Court = view.Court,
                        CaseNumber = view.CaseNumber,
                        DecisionDate = view.DecisionDate,
                        NewSurnameKm = x.Adoption?.NewSurnameKm,
                        NewGivenNameKm = x.Adoption?.NewGivenNameKm,
                        NewSurnameLatin = x.Adoption?.NewSurnameLatin,
                        NewGivenNameLatin = x.Adoption?.NewGivenNameLatin,
                    },
                }, null, null, null),
            CourtDecisionKind.Paternity => new(view, VitalEvent.Recognition, null, null,
                new RecognitionApplication
                {
                    CourtDecisionId = view.Id,
                    Recognition = new RecognitionDossier
                    {
                        Child = Person(x.Paternity?.ChildKidc),
                        ParentRole = "Father",
                        Parent = Person(x.Paternity?.FatherKidc),
                        DeclarationDate = view.DecisionDate,
                        Court = view.Court,
                        CaseNumber = view.CaseNumber,
                    },
                }, null, null),
            CourtDecisionKind.NameChange => new(view, VitalEvent.NameChange, null, null, null,
                new NameChangeApplication
                {
                    CourtDecisionId = view.Id,
                    NameChange = new NameChangeDossier
                    {
                        Person = Person(x.NameChange?.PersonKidc),
                        NewSurnameKm = x.NameChange?.NewSurnameKm,
                        NewGivenNameKm = x.NameChange?.NewGivenNameKm,
                        NewSurnameLatin = x.NameChange?.NewSurnameLatin,
                        NewGivenNameLatin = x.NameChange?.NewGivenNameLatin,
                        Authority = nameof(DecisionAuthority.Court),
                        Court = view.Court,
                        CaseNumber = view.CaseNumber,
                        DecisionDate = view.DecisionDate,
                        Reason = x.NameChange?.Reason,
                    },
                }, null),
            _ => new(view, null, null, null, null, null, toCorrect),
        };
    }

    // The decision names persons by KIDC; the registrar types their names and dates of birth as the
    // decision states them, and the registry confirms them on entry (as for every act).
    private static ParentDetails? Person(string? kidc) => kidc is null ? null : new ParentDetails { Kidc = kidc };

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet(ReceiveCourtDecision.Route + "/{id:guid}", async (Guid id, HttpContext http, CivilDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, http.StatedPurpose(), http.Actor(), db, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("GetCourtDecision")
            .WithSummary("One court decision of the caller's area, with the application of its event pre-filled");
}

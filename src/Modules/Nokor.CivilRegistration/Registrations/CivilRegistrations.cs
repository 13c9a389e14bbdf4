using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Corrections;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>The registration door for the hosts: delegates to the use cases.</summary>
internal sealed class CivilRegistrations(
    CivilDbContext db,
    RegistrationRecords records,
    RegistrationEntry entry,
    Approvals approvals,
    DossierValidator validator,
    Marriages.MarriageValidator marriages,
    Marriages.DissolutionValidator dissolutions,
    Marriages.MarriageCorrections marriageCorrections,
    IPopulationRegistry registry,
    StaffDirectory staff,
    IAuditLog audit,
    IOptions<CivilRegistrationOptions> options,
    TimeProvider clock,
    FamilyEvents.FamilyChecks familyChecks) : ICivilRegistrations
{
    public Task<Outcome<RegistrationView>> EnterBirthAsync(BirthApplication application, Actor actor, CancellationToken ct) =>
        EnterBirth.HandleAsync(application, actor, entry, validator, ct);

    public Task<Outcome<RegistrationView>> EnterDeathAsync(DeathApplication application, Actor actor, CancellationToken ct) =>
        EnterDeath.HandleAsync(application, actor, entry, validator, db, ct);

    // Issue 17 skeleton: the family events' use cases, built next.
    public Task<Outcome<RegistrationView>> EnterMarriageAsync(MarriageApplication application, Actor actor, CancellationToken ct) =>
        Marriages.EnterMarriage.HandleAsync(application, actor, entry, marriages, ct);

    public Task<Outcome<RegistrationView>> EnterDissolutionAsync(DissolutionApplication application, Actor actor, CancellationToken ct) =>
        Marriages.EnterDissolution.HandleAsync(application, actor, entry, dissolutions, ct);

    public Task<Outcome<RegistrationView>> EnterAdoptionAsync(AdoptionApplication application, Actor actor, CancellationToken ct) =>
        FamilyEvents.EnterAdoption.HandleAsync(application, actor, entry, familyChecks, db, options, ct);

    public Task<Outcome<RegistrationView>> EnterRecognitionAsync(RecognitionApplication application, Actor actor, CancellationToken ct) =>
        FamilyEvents.EnterRecognition.HandleAsync(application, actor, entry, familyChecks, db, registry, ct);

    public Task<Outcome<RegistrationView>> EnterFoetalDeathAsync(FoetalDeathApplication application, Actor actor, CancellationToken ct) =>
        FamilyEvents.EnterFoetalDeath.HandleAsync(application, actor, entry, familyChecks, options, ct);

    public Task<Outcome<RegistrationView>> EnterNameChangeAsync(NameChangeApplication application, Actor actor, CancellationToken ct) =>
        FamilyEvents.EnterNameChange.HandleAsync(application, actor, entry, familyChecks, db, ct);

    public Task<Outcome<IReadOnlyList<LifeEvent>>> LifeEventsAsync(string kidc, string? purpose, Actor actor, CancellationToken ct) =>
        ListLifeEvents.HandleAsync(kidc, purpose, actor, db, registry, audit, ct);

    public Task<Outcome<RegistrationView>> GetAsync(Guid id, string? purpose, Actor actor, CancellationToken ct) =>
        GetRegistration.HandleAsync(id, purpose, actor, records, audit, ct);

    public Task<Outcome<IReadOnlyList<RegistrationHistoryEntry>>> HistoryAsync(Guid id, string? purpose, Actor actor, CancellationToken ct) =>
        GetRegistrationHistory.HandleAsync(id, purpose, actor, records, db, audit, ct);

    public Task<RegistrationWorkState?> WorkStateAsync(Guid id, Actor actor, CancellationToken ct) =>
        GetRegistrationWorkState.HandleAsync(id, actor, records, db, options, ct);

    public Task<Guid?> FindByNumberAsync(string number, Actor actor, CancellationToken ct) =>
        FindRegistrationByNumber.HandleAsync(number, actor, db, ct);

    public Task<Outcome<RegistrationView>> ClaimAsync(Guid id, Actor actor, CancellationToken ct) =>
        ClaimRegistration.HandleAsync(id, actor, records, clock, ct);

    public Task<Outcome<RegistrationView>> ReleaseAsync(Guid id, Actor actor, CancellationToken ct) =>
        ReleaseRegistration.HandleAsync(id, actor, records, ct);

    public Task<Outcome<RegistrationView>> AssignAsync(Guid id, string? userName, Actor actor, CancellationToken ct) =>
        AssignRegistration.HandleAsync(id, userName, actor, records, staff, clock, ct);

    public Task<Outcome<RegistrationView>> VerifyAsync(Guid id, Actor actor, CancellationToken ct) =>
        VerifyRegistration.HandleAsync(id, actor, records, clock, ct);

    public Task<Outcome<RegistrationView>> ApproveAsync(Guid id, Actor actor, CancellationToken ct) =>
        ApproveRegistration.HandleAsync(id, actor, db, records, approvals, staff, options, clock, ct);

    public Task<Outcome<RegistrationView>> RejectAsync(Guid id, string? reasons, Actor actor, CancellationToken ct) =>
        RejectRegistration.HandleAsync(id, reasons, actor, db, records, approvals, clock, ct);

    public Task<Outcome<CorrectionView>> RequestCorrectionAsync(Guid registrationId, CorrectionRequest request, Actor actor, CancellationToken ct) =>
        RequestCorrection.HandleAsync(registrationId, request, actor, db, records, validator, marriageCorrections, staff, audit, clock, ct);

    public Task<Outcome<CorrectionView>> DecideCorrectionAsync(Guid registrationId, Guid correctionId, CorrectionDecision decision, Actor actor, CancellationToken ct) =>
        DecideCorrection.HandleAsync(registrationId, correctionId, decision, actor, db, records, registry, staff, audit, clock, ct);
}

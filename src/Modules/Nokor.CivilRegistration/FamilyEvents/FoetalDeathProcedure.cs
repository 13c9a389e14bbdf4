using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The approval of a foetal death: the registration gets its number (F…) and is counted in the
/// statistics; the Population Registry is not asked anything (no person, no KIDC), and no other
/// registration changes. It has no certificate: an extract is delivered on request.
/// </summary>
internal sealed class FoetalDeathProcedure : IEventProcedure
{
    public IReadOnlyList<VitalEvent> Events { get; } = [VitalEvent.FoetalDeath];

    public Task<(Outcome<RegistrationView>? Refused, string? SubjectKidc)> ApplyToRegistryAsync(RegistrationEntity r, Actor actor, CancellationToken ct) =>
        Task.FromResult<(Outcome<RegistrationView>?, string?)>((null, null));

    /// <summary>Nothing was asked of the registry: nothing is left in force.</summary>
    public Task<bool> UndoInRegistryAsync(RegistrationEntity r, Actor actor, string reason, CancellationToken ct) => Task.FromResult(true);

    public Task<Outcome<RegistrationView>?> OnApprovingAsync(RegistrationEntity r, string number, Actor actor, CancellationToken ct) =>
        Task.FromResult<Outcome<RegistrationView>?>(null);

    /// <summary>No certificate (PrintCertificate answers 409 before this is reached).</summary>
    public Task<CertificateContent> CertificateAsync(RegistrationEntity r, CertificateContent common, CancellationToken ct) =>
        throw new InvalidOperationException(FamilyCertificates.Refusal(r.Event));
}

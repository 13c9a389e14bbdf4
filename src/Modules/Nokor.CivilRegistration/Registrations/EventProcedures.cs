using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// What is particular to one vital event beyond birth and death in the shared procedure (entry,
/// double verification, approval, certificate, correction, recovery): what approval asks of the
/// Population Registry and undoes, what the approving save also writes in this module (the marriage
/// register, the birth registration's new version), and what the certificate prints. Births and
/// deaths keep their own code in <see cref="Approvals"/>; each other event has one implementation,
/// registered in DI and found by <see cref="EventProcedures"/>.
/// </summary>
internal interface IEventProcedure
{
    /// <summary>The events this procedure handles (divorce, annulment and legal separation share one).</summary>
    IReadOnlyList<VitalEvent> Events { get; }

    /// <summary>
    /// Asks the Population Registry to act for the approval, idempotent by <see cref="Approvals.Reference"/>
    /// (a retry or the recovery pass must not act twice). Returns the refusal, or the KIDC the
    /// registration's subject now has (null for an event without a person, a foetal death).
    /// </summary>
    Task<(Outcome<RegistrationView>? Refused, string? SubjectKidc)> ApplyToRegistryAsync(RegistrationEntity r, Actor actor, CancellationToken ct);

    /// <summary>Undoes what <see cref="ApplyToRegistryAsync"/> did, for a registration that will never be approved. True when nothing of it is left in force.</summary>
    Task<bool> UndoInRegistryAsync(RegistrationEntity r, Actor actor, string reason, CancellationToken ct);

    /// <summary>
    /// Adds to the tracked context what this module records with the approval (the marriage register's
    /// row, the end of a marriage, a new version of a birth registration); saved in the approving save.
    /// Null, or a refusal when this module's own records forbid the approval now.
    /// </summary>
    Task<Outcome<RegistrationView>?> OnApprovingAsync(RegistrationEntity r, string number, Actor actor, CancellationToken ct);

    /// <summary>Fills in what the event's certificate prints, on the fields common to all certificates.</summary>
    Task<CertificateContent> CertificateAsync(RegistrationEntity r, CertificateContent common, CancellationToken ct);
}

/// <summary>Finds the procedure of an event.</summary>
internal sealed class EventProcedures(IEnumerable<IEventProcedure> procedures)
{
    private readonly Dictionary<VitalEvent, IEventProcedure> byEvent = procedures.SelectMany(p => p.Events.Select(e => (e, p))).ToDictionary(x => x.e, x => x.p);

    public IEventProcedure For(VitalEvent e) =>
        byEvent.TryGetValue(e, out var p) ? p : throw new InvalidOperationException($"No procedure is registered for {e}.");

    public bool Has(VitalEvent e) => byEvent.ContainsKey(e);
}

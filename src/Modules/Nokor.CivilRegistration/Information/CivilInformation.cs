using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Information;

/// <summary>The information-services door for the hosts: delegates to the use cases.</summary>
internal sealed class CivilInformation(
    CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock) : ICivilInformation
{
    public Task<Outcome<InformationRequestView>> ReceiveAsync(InformationRequestInput input, Actor actor, CancellationToken ct) =>
        ReceiveInformationRequest.HandleAsync(input, actor, db, gazetteer, audit, options, clock, ct);

    public Task<IReadOnlyList<InformationRequestView>> ListAsync(Actor actor, CancellationToken ct) =>
        ListInformationRequests.HandleAsync(actor, db, audit, options, ct);

    public Task<Outcome<InformationRequestView>> DecideAsync(Guid id, InformationDecision decision, Actor actor, CancellationToken ct) =>
        DecideInformationRequest.HandleAsync(id, decision, actor, db, audit, options, clock, ct);

    public Task<Outcome<InformationRequestView>> DeliverAsync(Guid id, InformationDelivery delivery, Actor actor, CancellationToken ct) =>
        DeliverInformation.HandleAsync(id, delivery, actor, db, audit, options, clock, ct);
}

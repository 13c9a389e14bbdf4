using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Senate;

/// <summary>The door to the Senate's composition for the host's pages; it only delegates.</summary>
internal sealed class SenateRoster(LegislationDbContext db, SenateRecords records, StaffDirectory staff) : ISenateRoster
{
    public async Task<int?> CurrentLegislatureAsync(CancellationToken ct) => (await records.CurrentLegislatureAsync(ct))?.Number;

    public async Task<bool> IsSenatorAsync(Actor actor, CancellationToken ct) => await records.SenatorOfAsync(actor, ct) is not null;

    public Task<bool> LeadsAsync(Actor actor, Guid bodyId, CancellationToken ct) => records.LeadsAsync(actor, bodyId, ct);

    public Task<IReadOnlyList<SenatorView>> SenatorsAsync(CancellationToken ct) => ListSenators.HandleAsync(db, records, ct);

    public Task<IReadOnlyList<BodyView>> BodiesAsync(CancellationToken ct) => ListBodies.HandleAsync(db, records, ct);

    public Task<Outcome<SenatorView>> AddSenatorAsync(NewSenatorRequest request, Actor actor, CancellationToken ct) =>
        AddSenator.HandleAsync(request, actor, db, records, staff, ct);

    public Task<Outcome<SenatorView>> EndMandateAsync(Guid senatorId, EndMandateRequest request, Actor actor, CancellationToken ct) =>
        EndMandate.HandleAsync(senatorId, request, actor, db, records, ct);

    public Task<Outcome<BodyView>> AddMemberAsync(string bodyCode, MembershipRequest request, Actor actor, CancellationToken ct) =>
        AddBodyMember.HandleAsync(bodyCode, request, actor, db, records, ct);

    public Task<Outcome<BodyView>> EndMembershipAsync(string bodyCode, EndMembershipRequest request, Actor actor, CancellationToken ct) =>
        EndBodyMembership.HandleAsync(bodyCode, request, actor, db, records, ct);
}

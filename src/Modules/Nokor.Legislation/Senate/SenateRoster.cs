using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Senate;

/// <summary>The door to the Senate's composition for the host's pages; it only delegates.</summary>
internal sealed class SenateRoster(SenateDirectory senate) : ISenateRoster
{
    public async Task<int?> CurrentLegislatureAsync(CancellationToken ct) => (await senate.CurrentLegislatureAsync(ct))?.Number;

    public async Task<bool> IsSenatorAsync(Actor actor, CancellationToken ct) => await senate.SenatorOfAsync(actor, ct) is not null;

    public Task<bool> LeadsAsync(Actor actor, Guid bodyId, CancellationToken ct) => senate.LeadsAsync(actor, bodyId, ct);

    public Task<IReadOnlyList<SenatorView>> SenatorsAsync(CancellationToken ct) => senate.SenatorsAsync(ct);

    public Task<IReadOnlyList<BodyView>> BodiesAsync(CancellationToken ct) => senate.BodiesAsync(ct);

    public Task<Outcome<SenatorView>> AddSenatorAsync(NewSenatorRequest request, Actor actor, CancellationToken ct) => senate.AddSenatorAsync(request, actor, ct);

    public Task<Outcome<SenatorView>> EndMandateAsync(Guid senatorId, EndMandateRequest request, Actor actor, CancellationToken ct) =>
        senate.EndMandateAsync(senatorId, request, actor, ct);

    public Task<Outcome<BodyView>> AddMemberAsync(string bodyCode, MembershipRequest request, Actor actor, CancellationToken ct) =>
        senate.AddMemberAsync(bodyCode, request, actor, ct);

    public Task<Outcome<BodyView>> EndMembershipAsync(string bodyCode, EndMembershipRequest request, Actor actor, CancellationToken ct) =>
        senate.EndMembershipAsync(bodyCode, request, actor, ct);
}

using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Kidc;

namespace Nokor.Population.Persons;

/// <summary>The staff door of the registry: each method runs one use case's handler.</summary>
internal sealed class PersonDirectory(
    PopulationDbContext db,
    PersonValidator validator,
    PersonRecords records,
    KidcService kidcs,
    Search.PersonNameIndexFeed names,
    IAuditLog audit,
    TimeProvider clock) : IPersonDirectory
{
    public Task<Outcome<PersonRecord>> RegisterAsync(RegisterPersonRequest request, Actor actor, CancellationToken ct) =>
        RegisterPerson.HandleAsync(request, actor, db, validator, records, kidcs, audit, clock, ct);

    public Task<Outcome<PersonRecord>> GetAsync(string kidc, string? purpose, Actor actor, CancellationToken ct) =>
        GetPerson.HandleAsync(kidc, purpose, actor, records, audit, ct);

    public Task<PersonRecord?> GetForCorrectionAsync(string kidc, Actor actor, CancellationToken ct) =>
        GetPersonForCorrection.HandleAsync(kidc, actor, records, audit, ct);

    public Task<Outcome<PersonRecord>> UpdateAsync(string kidc, UpdatePersonRequest request, Actor actor, CancellationToken ct) =>
        UpdatePerson.HandleAsync(kidc, request, actor, db, validator, records, audit, clock, ct);

    public Task<Outcome<IReadOnlyList<PersonVersion>>> HistoryAsync(string kidc, string? purpose, Actor actor, CancellationToken ct) =>
        PersonHistory.HandleAsync(kidc, purpose, actor, db, records, audit, ct);

    public Task<Outcome<PersonSearchResult>> SearchAsync(PersonSearchRequest request, Actor actor, CancellationToken ct) =>
        SearchPersons.HandleAsync(request, actor, db, names, audit, ct);
}

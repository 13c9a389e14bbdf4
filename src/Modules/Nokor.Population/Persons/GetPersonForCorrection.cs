using Nokor.Platform.Audit;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.Population.Persons;

/// <summary>
/// Reads a person for the correction form: the stored fields as a version snapshot holds them.
/// A page-only use case (the API's clients read with <see cref="GetPerson"/> and send a PATCH).
/// </summary>
internal static class GetPersonForCorrection
{
    public const string Purpose = "Record correction";

    public static async Task<PersonRecord?> HandleAsync(string kidc, Actor actor, PersonRecords records, IAuditLog audit, CancellationToken ct)
    {
        var person = KidcRule.IsValid(kidc)
            ? await records.FindInJurisdictionAsync(kidc, actor, track: false, ct)
            : null;
        if (person is null)
        {
            return null;
        }

        // Opening the edit form shows the whole record: it is a read like any other.
        await audit.AppendAsync(new AuditEvent(actor, "person.read", "person", person.Kidc, Purpose), ct);
        return PersonRecords.ToSnapshotRecord(person);
    }
}

using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Persons;

namespace Nokor.Population.Families;

/// <summary>
/// The steps every family event of the registry shares: applying a call once per reference,
/// writing a person's next version under that reference, and reading spouse links as the
/// Contracts show them.
/// </summary>
internal sealed class FamilySteps(PopulationDbContext db, TimeProvider clock)
{
    /// <summary>A claim older than this whose write never happened was left by a process that died: it may be taken over.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromSeconds(30);

    public const string RevertPrefix = "revert:";

    public PopulationDbContext Db => db;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today in Cambodia (UTC+7), the day against which "in the future" is judged.</summary>
    public DateOnly Today => Nokor.Platform.Dates.CambodiaTime.Today(clock);

    /// <summary>
    /// What a marriage call did under <paramref name="reference"/>, read back from the versions it
    /// wrote (in the order written): the persons and the marital status each was given.
    /// </summary>
    public async Task<MarriageRecorded> RecordedAsync(string reference, CancellationToken ct)
    {
        var rows = await db.PersonVersions.AsNoTracking()
            .Where(v => v.Reference == reference)
            .Join(db.Persons, v => v.PersonId, p => p.Id, (v, p) => new { v.Id, p.Kidc, v.Snapshot })
            .OrderBy(x => x.Id)
            .ToListAsync(ct);
        var statuses = rows.Select(r =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(r.Snapshot);
            return json.RootElement.TryGetProperty("maritalStatus", out var s) &&
                   Enum.TryParse<MaritalStatus>(s.GetString(), out var status)
                ? status
                : MaritalStatus.Unknown;
        }).ToList();
        return new MarriageRecorded(rows.Select(r => r.Kidc).ToList(), statuses);
    }

    /// <summary>Whether versions were written under the reference (the call's write happened).</summary>
    public Task<bool> AppliedAsync(string reference, CancellationToken ct) =>
        db.PersonVersions.AsNoTracking().AnyAsync(v => v.Reference == reference, ct);

    /// <summary>Whether a revert undid what the reference wrote.</summary>
    public Task<bool> RevertedAsync(string reference, CancellationToken ct) =>
        db.PersonVersions.AsNoTracking().AnyAsync(v => v.Reference == RevertPrefix + reference, ct);

    /// <summary>
    /// Applies a family event once per reference. A reference already applied answers with
    /// <paramref name="done"/> (what the first call did); one that was reverted is refused on
    /// "reference". Otherwise the reference is claimed first (its primary key admits one claim),
    /// then <paramref name="write"/> runs and saves its changes in one transaction; a failed write
    /// gives the claim back. A claim whose write never happened and that is older than
    /// <see cref="StaleClaim"/> is taken over, so a recovery can complete it; a younger one is a
    /// concurrent twin still at work, answered with a conflict.
    /// </summary>
    public async Task<Outcome<T>> OnceAsync<T>(
        string reference, Guid personId, Func<Task<T>> done, Func<Task<Outcome<T>>> write, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 100)
        {
            return Outcome<T>.Invalid("reference", "A reference of at most 100 characters is required.");
        }

        async Task<Outcome<T>?> AnsweredAsync()
        {
            if (await RevertedAsync(reference, ct))
            {
                return Outcome<T>.Invalid("reference", "What was recorded under this reference was reverted; it is not applied again.");
            }

            return await AppliedAsync(reference, ct) ? Outcome<T>.Ok(await done()) : null;
        }

        if (await AnsweredAsync() is { } answered)
        {
            return answered;
        }

        var found = await db.SourceReferences.AsNoTracking().FirstOrDefaultAsync(r => r.Reference == reference, ct);
        if (found is not null)
        {
            if (found.At >= clock.GetUtcNow() - StaleClaim)
            {
                return Outcome<T>.Conflict("The same request is being processed: try again in a moment.");
            }

            await db.SourceReferences.Where(r => r.Reference == reference && r.At == found.At).ExecuteDeleteAsync(ct);
        }

        var claim = new SourceReferenceEntity { Reference = reference, PersonId = personId, At = clock.GetUtcNow() };
        db.SourceReferences.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await AnsweredAsync() ?? Outcome<T>.Conflict("The same request is being processed: try again in a moment.");
        }

        return await ReferenceClaims.WriteClaimedAsync(db, reference, write);
    }

    /// <summary>The next version of a person changed by a family event (source CRVS), written under <paramref name="reference"/>.</summary>
    public void AddVersion(PersonEntity person, Actor actor, string reason, string changedFields, string reference)
    {
        var now = clock.GetUtcNow();
        person.Version++;
        person.UpdatedAt = now;
        db.PersonVersions.Add(new PersonVersionEntity
        {
            PersonId = person.Id,
            Version = person.Version,
            At = now,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            Reason = Trim(reason, 500),
            Source = ChangeSource.Crvs,
            ChangedFields = changedFields,
            Snapshot = PersonRecords.Snapshot(person),
            Reference = reference,
        });
    }

    /// <summary>
    /// Saves the event's changes in one transaction. Two events changing the same person at once
    /// meet on the person's version (a concurrency token): one of them is told to try again.
    /// </summary>
    public async Task<string?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            return ex is DbUpdateConcurrencyException
                ? "A person of this event was changed by another request meanwhile: try again."
                : "The event collided with another change at the same moment: try again.";
        }
    }

    /// <summary>A spouse link as the Contracts show it: a separation shows as the suspension's date with <see cref="MarriageEndKind.LegalSeparation"/>.</summary>
    public static SpouseLink ToLink(PersonSpouseEntity s, string? spouseName = null) => new(
        s.SpouseKidc,
        spouseName ?? s.SpouseName,
        s.From,
        s.Until ?? s.SeparatedOn,
        s.EndedBy ?? (s.SeparatedOn is null ? null : MarriageEndKind.LegalSeparation),
        s.MarriageReference);

    public static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    public static Actor Nationally(Actor actor) => actor with { Jurisdiction = Jurisdiction.National };
}

using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Families;
using Nokor.Population.Kidc;

namespace Nokor.Population.Persons;

/// <summary>
/// The registry's in-process contract for other modules. It runs the same handlers as the API
/// (validation, versions, audit), with national scope: see <see cref="IPopulationRegistry"/>.
/// </summary>
internal sealed class PopulationRegistry(
    PopulationDbContext db,
    PersonValidator validator,
    PersonRecords records,
    KidcService kidcs,
    IAuditLog audit,
    FamilySteps family,
    TimeProvider clock) : IPopulationRegistry
{
    public async Task<PersonRecord?> FindAsync(string kidc, Actor actor, string purpose, CancellationToken ct)
    {
        if (!KidcRule.IsValid(kidc))
        {
            return null;
        }

        var national = Nationally(actor);
        var person = await records.FindInJurisdictionAsync(kidc, national, track: false, ct);
        if (person is null)
        {
            return null;
        }

        await audit.AppendAsync(new AuditEvent(actor, "person.read", "person", person.Kidc, purpose), ct);
        return await records.ToRecordAsync(person, Jurisdiction.National, ct);
    }

    public async Task<Outcome<PersonRecord>> RegisterNewbornAsync(Newborn newborn, Actor actor, string reference, CancellationToken ct)
    {
        var request = new RegisterPersonRequest
        {
            SurnameKm = newborn.SurnameKm,
            GivenNameKm = newborn.GivenNameKm,
            SurnameLatin = newborn.SurnameLatin,
            GivenNameLatin = newborn.GivenNameLatin,
            Sex = newborn.Sex.ToString(),
            BirthDate = newborn.BirthDate.ToString("yyyy-MM-dd"),
            BirthPlaceCode = newborn.BirthPlaceCode,
            Nationality = "KH",
            CitizenshipStatus = nameof(CitizenshipStatus.CitizenByBirth),
            MaritalStatus = nameof(MaritalStatus.NeverMarried),
            MotherKidc = newborn.MotherKidc,
            MotherNameKm = newborn.MotherKidc is null ? newborn.MotherNameKm : null,
            FatherKidc = newborn.FatherKidc,
            FatherNameKm = newborn.FatherKidc is null ? newborn.FatherNameKm : null,
            ResidenceVillageCode = newborn.ResidenceVillageCode,
            ResidenceAddress = newborn.ResidenceAddress,
            Source = nameof(ChangeSource.Crvs),
            Reason = newborn.Reason,
        };
        return await OnceAsync(reference, Guid.CreateVersion7(), personId =>
            RegisterPerson.HandleAsync(request, Nationally(actor), db, validator, records, kidcs, audit, clock, ct, personId), ct);
    }

    public async Task<Outcome<PersonRecord>> RecordDeathAsync(string kidc, DateOnly deathDate, Actor actor, string reference, CancellationToken ct)
    {
        var request = new UpdatePersonRequest
        {
            LifeStatus = nameof(LifeStatus.Deceased),
            DeathDate = deathDate.ToString("yyyy-MM-dd"),
            Source = nameof(ChangeSource.Crvs),
            Reason = DeathReason(reference),
        };
        // The death counts as recorded only when the version it writes exists: a claim whose write
        // never happened (the process died in between) must not answer "recorded".
        var outcome = await OnceAsync(reference, await PersonIdAsync(kidc, ct), _ =>
            UpdatePerson.HandleAsync(kidc, request, Nationally(actor), db, validator, records, audit, clock, ct, reference), ct,
            applied: (personId, token) => db.PersonVersions.AsNoTracking().AnyAsync(v => v.PersonId == personId && v.Reason == request.Reason, token));
        if (outcome.IsOk && outcome.Value!.LifeStatus == LifeStatus.Deceased)
        {
            // The marriage in force ends with the death and the survivor is widowed; run on every
            // call (it does nothing once done), so a retry completes a call cut short here.
            await DeathOfSpouse.EndAsync(kidc, outcome.Value.DeathDate ?? deathDate, actor, reference, family, audit, ct);
        }

        return outcome;
    }

    public async Task<Outcome<PersonRecord>> CorrectAsync(string kidc, PersonCorrection correction, Actor actor, string reference, CancellationToken ct)
    {
        var request = new UpdatePersonRequest
        {
            SurnameKm = correction.SurnameKm,
            GivenNameKm = correction.GivenNameKm,
            SurnameLatin = correction.SurnameLatin,
            GivenNameLatin = correction.GivenNameLatin,
            Sex = correction.Sex?.ToString(),
            BirthDate = correction.BirthDate?.ToString("yyyy-MM-dd"),
            BirthPlaceCode = correction.BirthPlaceCode,
            MotherKidc = correction.MotherKidc,
            FatherKidc = correction.FatherKidc,
            LifeStatus = correction.DeathDate is null ? null : nameof(LifeStatus.Deceased),
            DeathDate = correction.DeathDate?.ToString("yyyy-MM-dd"),
            Source = nameof(ChangeSource.Crvs),
            Reason = correction.Reason,
        };
        return await OnceAsync(reference, await PersonIdAsync(kidc, ct), _ =>
            UpdatePerson.HandleAsync(kidc, request, Nationally(actor), db, validator, records, audit, clock, ct, reference), ct,
            applied: (_, token) => db.PersonVersions.AsNoTracking().AnyAsync(v => v.Reference == reference, token));
    }

    public async Task<PersonConfirmation> ConfirmAsync(PersonClaim claim, Actor actor, string purpose, CancellationToken ct) =>
        (await ConfirmManyAsync([claim], actor, purpose, ct))[0];

    public async Task<IReadOnlyList<PersonConfirmation>> ConfirmManyAsync(IReadOnlyList<PersonClaim> claims, Actor actor, string purpose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var codes = claims.Select(c => c.Kidc).Where(KidcRule.IsValid).Distinct(StringComparer.Ordinal).ToList();
        var persons = codes.Count == 0
            ? []
            : await db.Persons.AsNoTracking().Where(p => codes.Contains(p.Kidc)).ToListAsync(ct);
        var byCode = persons.ToDictionary(p => p.Kidc, StringComparer.Ordinal);
        var answers = claims.Select(c =>
        {
            var person = byCode.GetValueOrDefault(c.Kidc);
            return person is not null && PersonMatch.Matches(person, c)
                ? new PersonConfirmation(true, actor.Jurisdiction.Covers(person.ResidenceVillageCode), person.ResidenceVillageCode)
                : PersonConfirmation.No;
        }).ToList();

        // Every look-up is recorded whatever its answer, under the act that asked; appended
        // together they land in one group commit of the audit chain.
        await Task.WhenAll(claims.Select((c, i) => audit.AppendAsync(new AuditEvent(actor, "person.confirm", "person",
            c.Kidc.Length <= 20 ? c.Kidc : c.Kidc[..20], purpose,
            answers[i].Confirmed ? "{\"confirmed\":true}" : "{\"confirmed\":false}"), ct)));
        return answers;
    }

    public async Task<bool> VoidNewbornAsync(string reference, Actor actor, string reason, CancellationToken ct)
    {
        var claim = await db.SourceReferences.AsNoTracking().FirstOrDefaultAsync(r => r.Reference == reference, ct);
        if (claim is null)
        {
            return false;
        }

        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == claim.PersonId, ct);
        if (person is null)
        {
            // Claimed, but the write never happened (or is running): nothing to void.
            return false;
        }

        if (PersonMatch.IsVoided(person.Kidc))
        {
            return true;
        }

        var code = person.Kidc;
        var now = clock.GetUtcNow();
        person.Kidc = PersonMatch.VoidedKey(code);
        person.MotherKidc = null;
        person.FatherKidc = null;
        AddCrvsVersion(person, actor, now, $"Voided: {reason} ({reference})", "kidc,voided");
        var issued = await db.IssuedKidcs.FirstOrDefaultAsync(k => k.Code == code, ct);
        if (issued is not null)
        {
            issued.Status = KidcStatus.Voided;
            issued.VoidReason = Trim($"{reason} ({reference})", 300);
        }

        await audit.AppendAsync(new AuditEvent(actor, "person.void", "person", code, Trim(reason, 500),
            AuditDetails.Of(new { reference, version = person.Version })), ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>The next version of a person changed by civil registration (voiding, reverting a death).</summary>
    private void AddCrvsVersion(PersonEntity person, Actor actor, DateTimeOffset now, string reason, string changedFields)
    {
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
        });
    }

    public async Task<bool> RevertDeathAsync(string reference, Actor actor, string reason, CancellationToken ct)
    {
        var claim = await db.SourceReferences.AsNoTracking().FirstOrDefaultAsync(r => r.Reference == reference, ct);
        var person = claim is null ? null : await db.Persons.FirstOrDefaultAsync(p => p.Id == claim.PersonId, ct);
        if (person is null || person.LifeStatus != LifeStatus.Deceased)
        {
            return true;
        }

        // Only the death this reference recorded is reverted: the newest version that made the
        // person deceased must be the one written for it.
        var recordedBy = await db.PersonVersions.AsNoTracking()
            .Where(v => v.PersonId == person.Id && v.ChangedFields.Contains("lifeStatus"))
            .OrderByDescending(v => v.Version)
            .Select(v => v.Reason)
            .FirstOrDefaultAsync(ct);
        if (recordedBy != DeathReason(reference) || !await DeathOfSpouse.CanReopenAsync(reference, family, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await DeathOfSpouse.ReopenAsync(reference, person.Id, actor, reason, family, audit, ct);
        person.LifeStatus = LifeStatus.Alive;
        person.DeathDate = null;
        AddCrvsVersion(person, actor, now, $"Death reverted: {reason} ({reference})", "lifeStatus,deathDate");
        await audit.AppendAsync(new AuditEvent(actor, "person.death.revert", "person", person.Kidc, Trim(reason, 500),
            AuditDetails.Of(new { reference, version = person.Version })), ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    public Task<Outcome<MarriageRecorded>> RecordMarriageAsync(MarriageLink marriage, Actor actor, string reference, CancellationToken ct) =>
        RecordMarriage.HandleAsync(marriage, actor, reference, family, audit, ct);

    public Task<Outcome<MarriageRecorded>> EndMarriageAsync(MarriageEnd end, Actor actor, string reference, CancellationToken ct) =>
        EndMarriage.HandleAsync(end, actor, reference, family, audit, ct);

    public Task<SpouseLink?> MarriageInForceAsync(string kidc, Actor actor, string purpose, CancellationToken ct) =>
        MarriageInForce.HandleAsync(kidc, actor, purpose, family, audit, ct);

    public Task<Kinship?> KinshipAsync(string kidcA, string kidcB, KinshipLimits limits, Actor actor, string purpose, CancellationToken ct) =>
        KinshipCheck.HandleAsync(kidcA, kidcB, limits, actor, purpose, db, audit, ct);

    public Task<Outcome<PersonRecord>> ChangeParentsAsync(ParentageChange change, Actor actor, string reference, CancellationToken ct) =>
        ChangeParents.HandleAsync(change, actor, reference, family, validator, records, audit, ct);

    public Task<bool> RevertAsync(string reference, Actor actor, string reason, CancellationToken ct) =>
        RevertFamilyEvent.HandleAsync(reference, actor, reason, family, audit, ct);

    private static string DeathReason(string reference) => $"Death registered ({reference})";

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    private async Task<Guid> PersonIdAsync(string kidc, CancellationToken ct) =>
        await db.Persons.AsNoTracking().Where(p => p.Kidc == kidc).Select(p => p.Id).FirstOrDefaultAsync(ct);

    private static Actor Nationally(Actor actor) => actor with { Jurisdiction = Jurisdiction.National };

    /// <summary>A claim older than this whose write never happened was left by a process that died: it may be taken over.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The person the reference's write made, or null when no claim exists or its write has not
    /// happened (yet). A write has happened when the person exists and, for a change of an existing
    /// person, when <paramref name="applied"/> finds the version it wrote.
    /// </summary>
    private async Task<(SourceReferenceEntity? Claim, PersonRecord? Done)> ExistingAsync(
        string reference, Func<Guid, CancellationToken, Task<bool>>? applied, CancellationToken ct)
    {
        var claim = await db.SourceReferences.AsNoTracking().FirstOrDefaultAsync(r => r.Reference == reference, ct);
        if (claim is null)
        {
            return (null, null);
        }

        var person = await db.Persons.AsNoTracking().Include(p => p.Documents).FirstOrDefaultAsync(p => p.Id == claim.PersonId, ct);
        if (person is null || (applied is not null && !await applied(person.Id, ct)))
        {
            return (claim, null);
        }

        return (claim, await records.ToRecordAsync(person, Jurisdiction.National, ct));
    }

    /// <summary>
    /// Claims the reference first (its primary key admits one claim), then writes; a failed write
    /// gives the claim back. No transaction is held open across the write, whose audit entry is
    /// committed by the audit writer on its own connection (on SQLite an open write transaction
    /// would block it). A retry or a concurrent twin gets the person of the first claim. A claim
    /// whose write never happened and that is older than <see cref="StaleClaim"/> (its process was
    /// killed between the claim and the write) is taken over, so a recovery can complete it.
    /// </summary>
    private async Task<Outcome<PersonRecord>> OnceAsync(
        string reference, Guid personId, Func<Guid, Task<Outcome<PersonRecord>>> write, CancellationToken ct,
        Func<Guid, CancellationToken, Task<bool>>? applied = null)
    {
        var (found, existing) = await ExistingAsync(reference, applied, ct);
        if (existing is not null)
        {
            return PersonMatch.IsVoided(existing.Kidc)
                ? Outcome<PersonRecord>.Invalid("reference", "The person registered under this reference was voided; it is not registered again.")
                : Outcome<PersonRecord>.Ok(existing);
        }

        if (found is not null && found.At < clock.GetUtcNow() - StaleClaim)
        {
            // The new claim keeps the person id (a newborn keeps the id it was to be written under);
            // of two takers, the primary key admits one, the other is told to try again.
            await db.SourceReferences.Where(r => r.Reference == reference && r.PersonId == found.PersonId).ExecuteDeleteAsync(ct);
            personId = found.PersonId;
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
            return (await ExistingAsync(reference, applied, ct)).Done is { } twin
                ? PersonMatch.IsVoided(twin.Kidc)
                    ? Outcome<PersonRecord>.Invalid("reference", "The person registered under this reference was voided; it is not registered again.")
                    : Outcome<PersonRecord>.Ok(twin)
                : Outcome<PersonRecord>.Conflict("The same request is being processed: try again in a moment.");
        }

        return await ReferenceClaims.WriteClaimedAsync(db, claim.Reference, () => write(personId));
    }
}

using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>A person of the registry named in a family event's dossier, as typed and confirmed.</summary>
/// <param name="path">The dossier path of the person ("adoption.adoptee"); errors go to its fields.</param>
/// <param name="declared">The person as typed, normalized; <see cref="ParentDetails.Confirmed"/> set once the registry confirmed.</param>
/// <param name="sex">The sex the role needs, when it needs one (a mother, a father).</param>
internal sealed class NamedPerson(string path, ParentDetails declared, Sex? sex)
{
    public string Path { get; } = path;
    public ParentDetails Declared { get; set; } = declared;
    public Sex? Sex { get; } = sex;
    public PersonConfirmation Confirmation { get; set; } = PersonConfirmation.No;
}

/// <summary>
/// What the entries of the family events (adoption, recognition, legitimization, foetal death,
/// change of name) check alike: persons named by KIDC with the names and date of birth the clerk
/// typed, confirmed by the Population Registry with the one <see cref="DossierValidator.NotConfirmed"/>
/// answer whatever the reason (as for the parents of a birth); the decision a registration follows
/// (a court's, typed or received from the courts' system); and the approved birth registration
/// of a person, which these events give a new version.
/// </summary>
internal sealed class FamilyChecks(GazetteerService gazetteer, IPopulationRegistry registry, TimeProvider clock)
{
    public Fields Fields(FieldErrors errors) => new(errors, gazetteer);

    public DateOnly Today() => CambodiaTime.Today(clock);

    /// <summary>
    /// A person the event names by KIDC: the KIDC, names and date of birth are required (the registry
    /// confirms them together). Null when the input is absent or a field is wrong (its error is added).
    /// </summary>
    public static NamedPerson? Person(string path, ParentDetails? input, Sex? sex, Fields f, DateOnly today, string what)
    {
        if (input is null)
        {
            f.Errors.Add(path, $"{what} is required: KIDC, names and date of birth.");
            return null;
        }

        if (Registrations.Fields.Trimmed(input.Kidc) is null)
        {
            f.Errors.Add($"{path}.kidc", $"{what}'s KIDC is required.");
        }

        if (Registrations.Fields.Trimmed(input.BirthDate) is null)
        {
            f.Errors.Add($"{path}.birthDate", $"{what}'s date of birth is required (yyyy-MM-dd, or yyyy-MM or yyyy when only those are known).");
        }

        var declared = DossierValidator.ParentAsDeclared(path, input with { Confirmed = null }, childBirth: null, today, f);
        return declared?.Kidc is null || f.Errors.Has($"{path}.kidc") || f.Errors.Has($"{path}.birthDate") ? null : new NamedPerson(path, declared, sex);
    }

    /// <summary>
    /// Asks the registry to confirm every person at once (one audit commit); a person not confirmed
    /// gets <see cref="DossierValidator.NotConfirmed"/> on their KIDC field. The persons must be alive
    /// on <paramref name="aliveOn"/> when given.
    /// </summary>
    public async Task ConfirmAsync(IReadOnlyList<NamedPerson> persons, DateOnly? aliveOn, Actor actor, string purpose, FieldErrors errors, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return;
        }

        var claims = persons.Select(p => new PersonClaim(p.Declared.Kidc!, p.Declared.SurnameKm!, p.Declared.GivenNameKm!, p.Declared.SurnameLatin,
            p.Declared.GivenNameLatin, p.Declared.BirthDate!, p.Sex) { AliveOn = aliveOn }).ToList();
        var answers = await registry.ConfirmManyAsync(claims, actor, purpose, ct);
        for (var i = 0; i < persons.Count; i++)
        {
            persons[i].Confirmation = answers[i];
            if (answers[i].Confirmed)
            {
                persons[i].Declared = DossierValidator.Confirmed(persons[i].Declared);
            }
            else
            {
                errors.Add($"{persons[i].Path}.kidc", DossierValidator.NotConfirmed);
            }
        }
    }

    /// <summary>
    /// The court decision a registration follows: the one received from the courts' system, or the
    /// court, case number and date typed. A typed value that contradicts the received decision is refused.
    /// </summary>
    public static (string? Court, string? CaseNumber, DateOnly? Date) Decision(
        string path, string? court, string? caseNumber, string? decisionDate, CourtDecisionEntity? received, bool required, Fields f, DateOnly today)
    {
        var typedCourt = f.Text($"{path}.court", court, required: false, max: 200);
        var typedCase = f.Text($"{path}.caseNumber", caseNumber, required: false, max: 60);
        var typedDate = f.Date($"{path}.decisionDate", decisionDate, required: false);
        if (received is not null)
        {
            if (typedCourt is not null && typedCourt != received.Court)
            {
                f.Errors.Add($"{path}.court", $"The court decision received names the court \"{received.Court}\": leave the field empty or give the same.");
            }

            if (typedCase is not null && typedCase != received.CaseNumber)
            {
                f.Errors.Add($"{path}.caseNumber", $"The court decision received is case {received.CaseNumber}: leave the field empty or give the same.");
            }

            if (typedDate is not null && typedDate != received.DecisionDate)
            {
                f.Errors.Add($"{path}.decisionDate", $"The court decision received is dated {received.DecisionDate:yyyy-MM-dd}: leave the field empty or give the same.");
            }

            return (received.Court, received.CaseNumber, received.DecisionDate);
        }

        if (required)
        {
            if (typedCourt is null && !f.Errors.Has($"{path}.court"))
            {
                f.Errors.Add($"{path}.court", "Name the court that decided (or give the courtDecisionId of the decision received from the courts' system).");
            }

            if (typedCase is null && !f.Errors.Has($"{path}.caseNumber"))
            {
                f.Errors.Add($"{path}.caseNumber", "The case number of the decision is required.");
            }
        }

        if (typedDate is null && !f.Errors.Has($"{path}.decisionDate"))
        {
            f.Errors.Add($"{path}.decisionDate", "The date of the decision is required (yyyy-MM-dd).");
        }
        else if (typedDate > today)
        {
            f.Errors.Add($"{path}.decisionDate", "The date of the decision is after today.");
            typedDate = null;
        }

        return (typedCourt, typedCase, typedDate);
    }

    /// <summary>An application of the same event about the same person, open or registered, blocks a second one.</summary>
    public static Task<bool> OpenAsync(CivilDbContext db, VitalEvent e, string kidc, CancellationToken ct) =>
        db.Registrations.AsNoTracking().AnyAsync(r => r.Event == e && r.SubjectKidc == kidc &&
            (r.Status == RegistrationStatus.Entered || r.Status == RegistrationStatus.Verified), ct);

    /// <summary>The place a family event is registered at: the person's residence as the registry knows it, else the office's area.</summary>
    public static string PlaceOf(PersonConfirmation confirmation, Actor actor) =>
        confirmation.ResidenceVillageCode ?? actor.Jurisdiction.AreaCode ?? Numbers.RegistrationNumbers.NationalOffice;

    /// <summary>The person's approved birth registration in this registry, tracked (null when the birth was registered elsewhere or before the registry).</summary>
    public static Task<RegistrationEntity?> BirthRegistrationAsync(CivilDbContext db, string kidc, CancellationToken ct) =>
        db.Registrations.FirstOrDefaultAsync(r => r.Event == VitalEvent.Birth && r.Status == RegistrationStatus.Approved && r.SubjectKidc == kidc, ct);

    /// <summary>The full name as printed ("surname given").</summary>
    public static string Join(string? surname, string? given) => $"{surname} {given}".Trim();
}

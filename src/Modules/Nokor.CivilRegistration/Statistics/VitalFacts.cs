using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// The statistical record of one registration (NSPI 5.2.7, 6.2.2: vital statistics produced from
/// the registration records themselves): what the tabulations, coverage and service-level reports
/// need and nothing that names a person — no names, no KIDC, no registration number. One row per
/// registration in <c>crvs_vital_facts</c>, kept in the same transaction as every change of the
/// registration (see <see cref="CivilDbContext"/>), so the statistics never lag the register.
/// </summary>
internal sealed class VitalFactEntity
{
    public Guid RegistrationId { get; set; }
    public VitalEvent Event { get; set; }
    public RegistrationStatus Status { get; set; }
    public required string OfficeCode { get; set; }
    public int Version { get; set; }
    public DateOnly EventDate { get; set; }
    public int OccurrenceYear { get; set; }
    public int OccurrenceMonth { get; set; }
    /// <summary>The civil date (Cambodia) of approval: the date of registration. Null until approved.</summary>
    public DateOnly? RegistrationDate { get; set; }
    public int? RegistrationYear { get; set; }
    /// <summary>Gazetteer village code of the place of occurrence.</summary>
    public required string OccurrenceCode { get; set; }
    /// <summary>Gazetteer village code of the usual residence (the child's, or the deceased's).</summary>
    public string? ResidenceCode { get; set; }
    public string? PlaceKind { get; set; }
    /// <summary>Male, Female, or null when not stated.</summary>
    public string? Sex { get; set; }
    public int DelayDays { get; set; }
    public bool IsLate { get; set; }
    // Births.
    public int? MotherAge { get; set; }
    public int? BirthOrder { get; set; }
    public string? Attendant { get; set; }
    public string? BirthType { get; set; }
    public int? BirthWeightGrams { get; set; }
    // Deaths.
    /// <summary>Age at death in days, when both dates are known to the day.</summary>
    public int? AgeDays { get; set; }
    /// <summary>Age at death in completed years, when the birth year is known.</summary>
    public int? AgeYears { get; set; }
    /// <summary>ICD-10 code of the underlying cause (the last line of part 1 that carries a code).</summary>
    public string? UnderlyingCause { get; set; }
    public bool MedicallyCertified { get; set; }
    public string? Manner { get; set; }
    /// <summary>A woman dead during pregnancy or within 42 days of it, the pregnancy contributing.</summary>
    public bool Maternal { get; set; }
    // Marriages, and divorces (annulments, separations) with the ages from the marriage's dossier.
    /// <summary>Completed years of the husband (groom) at the event.</summary>
    public int? HusbandAge { get; set; }
    /// <summary>Completed years of the wife (bride) at the event.</summary>
    public int? WifeAge { get; set; }
    /// <summary>Marriages: the groom's marital status before it (Single, Widowed, Divorced), null when not stated.</summary>
    public string? HusbandPreviousStatus { get; set; }
    public string? WifePreviousStatus { get; set; }
    /// <summary>Divorces: completed years from the marriage register's date of the marriage to the date the decision took effect.</summary>
    public int? MarriageYears { get; set; }
    /// <summary>Divorces: dependent children at the date, as the decision states them.</summary>
    public int? DependentChildren { get; set; }
    // Foetal deaths.
    /// <summary>Completed weeks of gestation.</summary>
    public int? GestationWeeks { get; set; }
    // Service levels (NSPI 8.4).
    public DateTimeOffset EnteredAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? FirstCertificateAt { get; set; }
    public int Corrections { get; set; }
}

internal static class VitalFacts
{
    /// <summary>Certifier roles that are not a medical certification (a lay report or verbal autopsy by a non-clinician).</summary>
    private static readonly HashSet<string> LayCertifiers = new(StringComparer.OrdinalIgnoreCase) { "lay", "informant", "village chief", "relative" };

    /// <summary>
    /// Writes into <paramref name="fact"/> everything derived from the registration (not the first
    /// certificate's time). A divorce, an annulment or a separation also needs the marriage it ends
    /// (<paramref name="marriage"/>: its date in the marriage register and its dossier), found by
    /// <see cref="MarriagesOfAsync"/>.
    /// </summary>
    public static void Apply(RegistrationEntity r, VitalFactEntity fact, EndedMarriage? marriage = null)
    {
        fact.RegistrationId = r.Id;
        fact.Event = r.Event;
        fact.Status = r.Status;
        fact.OfficeCode = r.OfficeCode;
        fact.Version = r.Version;
        fact.EventDate = r.EventDate;
        fact.OccurrenceYear = r.EventDate.Year;
        fact.OccurrenceMonth = r.EventDate.Month;
        fact.RegistrationDate = r.Status == RegistrationStatus.Approved && r.DecidedAt is { } at ? CambodiaTime.DateOf(at) : null;
        fact.RegistrationYear = fact.RegistrationDate?.Year;
        fact.OccurrenceCode = r.EventPlaceCode;
        fact.ResidenceCode = r.SubjectResidenceCode;
        fact.Sex = r.SubjectSex is "Male" or "Female" ? r.SubjectSex : null;
        fact.DelayDays = r.DelayDays;
        fact.IsLate = r.IsLate;
        fact.EnteredAt = r.EnteredAt;
        fact.VerifiedAt = r.VerifiedAt;
        fact.DecidedAt = r.DecidedAt;
        switch (r.Event)
        {
            case VitalEvent.Birth:
                ApplyBirth(r, fact);
                break;
            case VitalEvent.Death:
                ApplyDeath(r, fact);
                break;
            case VitalEvent.Marriage:
                ApplyMarriage(r, fact);
                break;
            case VitalEvent.Divorce or VitalEvent.Annulment or VitalEvent.LegalSeparation:
                ApplyDissolution(r, fact, marriage);
                break;
            case VitalEvent.FoetalDeath:
                ApplyFoetalDeath(r, fact);
                break;
            default:
                // Adoptions, recognitions, legitimizations and name changes are counted (month,
                // place, service levels); the plan asks nothing more of them.
                break;
        }
    }

    private static void ApplyBirth(RegistrationEntity r, VitalFactEntity fact)
    {
        var birth = Dossiers.Read<BirthDossier>(r.Dossier);
        var child = birth.Child;
        fact.PlaceKind = child?.PlaceKind;
        fact.BirthOrder = child?.BirthOrder;
        fact.Attendant = child?.Attendant;
        fact.BirthType = child?.BirthType;
        fact.BirthWeightGrams = child?.BirthWeightGrams;
        fact.MotherAge = AgeOn(birth.Mother?.BirthDate, r.EventDate);
    }

    private static void ApplyDeath(RegistrationEntity r, VitalFactEntity fact)
    {
        var death = Dossiers.Read<DeathDossier>(r.Dossier);
        fact.PlaceKind = death.PlaceKind;
        if (PartialDate.TryParse(r.SubjectBirthDate, out var born))
        {
            fact.AgeYears = CompletedYears(born, r.EventDate);
            fact.AgeDays = born.IsExact ? r.EventDate.DayNumber - born.Earliest.DayNumber : null;
        }

        var cause = death.Cause;
        fact.UnderlyingCause = UnderlyingCause(cause);
        fact.MedicallyCertified = cause?.LineA?.Condition is { Length: > 0 } && !LayCertifiers.Contains(cause.CertifierRole?.Trim() ?? "lay");
        fact.Manner = cause?.Manner;
        fact.Maternal = cause?.Pregnancy is nameof(PregnancyStatus.AtTimeOfDeath) or nameof(PregnancyStatus.Within42DaysBefore) &&
                        cause.PregnancyContributed == true;
    }

    /// <summary>
    /// A marriage: each spouse's age and previous marital status (from the prior marriages they
    /// declared), tabulated by place of occurrence and by the couple's residence (the husband's,
    /// or the wife's when his is not in the gazetteer: a foreign husband). Not by sex.
    /// </summary>
    private static void ApplyMarriage(RegistrationEntity r, VitalFactEntity fact)
    {
        var marriage = Dossiers.Read<MarriageDossier>(r.Dossier);
        fact.Sex = null;
        fact.ResidenceCode = Residence(marriage) ?? r.SubjectResidenceCode;
        fact.HusbandAge = AgeOn(marriage.Husband?.BirthDate, r.EventDate);
        fact.WifeAge = AgeOn(marriage.Wife?.BirthDate, r.EventDate);
        fact.HusbandPreviousStatus = PreviousStatus(marriage.Husband);
        fact.WifePreviousStatus = PreviousStatus(marriage.Wife);
    }

    /// <summary>
    /// A divorce (annulment, separation): the spouses' ages at the date it took effect, the
    /// duration of the marriage in completed years from the marriage register's date, the number of
    /// dependent children the decision states, and the couple's residence as the marriage gave it.
    /// </summary>
    private static void ApplyDissolution(RegistrationEntity r, VitalFactEntity fact, EndedMarriage? ended)
    {
        var dissolution = Dossiers.Read<DissolutionDossier>(r.Dossier);
        fact.Sex = null;
        fact.DependentChildren = dissolution.DependentChildren is >= 0 ? dissolution.DependentChildren : null;
        if (ended is null)
        {
            return;
        }

        fact.ResidenceCode = r.SubjectResidenceCode ?? Residence(ended.Dossier);
        fact.HusbandAge = AgeOn(ended.Dossier?.Husband?.BirthDate, r.EventDate);
        fact.WifeAge = AgeOn(ended.Dossier?.Wife?.BirthDate, r.EventDate);
        fact.MarriageYears = CompletedYears(PartialDate.FromDate(ended.MarriageDate), r.EventDate);
    }

    /// <summary>A foetal death: gestation, sex, the mother's age and residence, as the facility certified them.</summary>
    private static void ApplyFoetalDeath(RegistrationEntity r, VitalFactEntity fact)
    {
        var foetal = Dossiers.Read<FoetalDeathDossier>(r.Dossier);
        fact.Sex = foetal.Sex is "Male" or "Female" ? foetal.Sex : null;
        fact.ResidenceCode = foetal.ResidenceVillageCode ?? r.SubjectResidenceCode;
        fact.GestationWeeks = foetal.GestationWeeks is > 0 and < 50 ? foetal.GestationWeeks : null;
        fact.MotherAge = AgeOn(foetal.Mother?.BirthDate, r.EventDate);
        fact.PlaceKind = foetal.PlaceKind;
        fact.Attendant = foetal.Attendant;
        fact.BirthType = foetal.BirthType;
        fact.BirthWeightGrams = foetal.WeightGrams;
    }

    private static string? Residence(MarriageDossier? marriage) =>
        marriage?.Husband?.ResidenceVillageCode is { Length: > 0 } husband ? husband
        : marriage?.Wife?.ResidenceVillageCode is { Length: > 0 } wife ? wife : null;

    /// <summary>
    /// The marital status before the marriage, from the prior marriages the spouse declared: none is
    /// never married (Single); otherwise how the latest one ended — by divorce Divorced, by the
    /// spouse's death Widowed. An annulled marriage was void (it never existed in law), so a spouse
    /// whose only prior marriages were annulled is Single. Null when the spouse is not stated.
    /// </summary>
    public static string? PreviousStatus(SpouseDetails? spouse)
    {
        if (spouse is null)
        {
            return null;
        }

        var ended = (spouse.PriorMarriages ?? []).Where(p => p.EndedBy is not null && p.EndedBy != "Annulment")
            .OrderBy(p => p.EndedOn ?? "", StringComparer.Ordinal).ToList();
        if (ended.Count == 0)
        {
            return "Single";
        }

        return ended[^1].EndedBy switch
        {
            "Divorce" => "Divorced",
            "Death" => "Widowed",
            _ => null,
        };
    }

    /// <summary>
    /// The marriages that the dissolutions among <paramref name="registrations"/> end, by their
    /// marriage number: the marriage register's date and the marriage's dossier (for the spouses'
    /// dates of birth and residence).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, EndedMarriage>> MarriagesOfAsync(CivilDbContext db, IEnumerable<RegistrationEntity> registrations, CancellationToken ct)
    {
        var numbers = registrations.Where(r => r.Event is VitalEvent.Divorce or VitalEvent.Annulment or VitalEvent.LegalSeparation)
            .Select(r => MarriageNumberOf(r))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (numbers.Count == 0)
        {
            return new Dictionary<string, EndedMarriage>();
        }

        var dates = await db.Marriages.AsNoTracking().Where(m => numbers.Contains(m.Number))
            .Select(m => new { m.Number, m.MarriageDate }).ToListAsync(ct);
        var dossiers = await db.Registrations.AsNoTracking().Where(r => r.Event == VitalEvent.Marriage && numbers.Contains(r.Number!))
            .Select(r => new { r.Number, r.Dossier }).ToDictionaryAsync(x => x.Number!, x => x.Dossier, StringComparer.Ordinal, ct);
        return dates.ToDictionary(d => d.Number, d => new EndedMarriage(d.MarriageDate,
            dossiers.TryGetValue(d.Number, out var json) ? Dossiers.Read<MarriageDossier>(json) : null), StringComparer.Ordinal);
    }

    /// <summary>The marriage number a dissolution names, or null.</summary>
    public static string? MarriageNumberOf(RegistrationEntity r) =>
        r.Event is VitalEvent.Divorce or VitalEvent.Annulment or VitalEvent.LegalSeparation &&
        Dossiers.Read<DissolutionDossier>(r.Dossier).MarriageNumber?.Trim() is { Length: > 0 } number ? number : null;

    private static int? AgeOn(string? birthDate, DateOnly on) =>
        PartialDate.TryParse(birthDate, out var born) ? CompletedYears(born, on) : null;

    /// <summary>
    /// The underlying cause as the certifier's chain gives it: the lowest line of part 1 that is
    /// filled and coded (WHO's general principle, before any selection or modification rules).
    /// </summary>
    public static string? UnderlyingCause(CauseOfDeath? cause)
    {
        if (cause is null)
        {
            return null;
        }

        foreach (var line in new[] { cause.LineD, cause.LineC, cause.LineB, cause.LineA })
        {
            if (line?.Condition is { Length: > 0 })
            {
                return string.IsNullOrWhiteSpace(line.Icd10) ? null : line.Icd10.Trim().ToUpperInvariant();
            }
        }

        return null;
    }

    /// <summary>Completed years from a (partial) birth date to a date; null when the birth year is after it.</summary>
    public static int? CompletedYears(PartialDate born, DateOnly on)
    {
        // With only the year (or month) known, the middle of the known span is the best estimate.
        var birth = born.IsExact ? born.Earliest : born.Earliest.AddDays((born.Latest.DayNumber - born.Earliest.DayNumber) / 2);
        if (birth > on)
        {
            return null;
        }

        var years = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            years--;
        }

        return years;
    }
}

/// <summary>The marriage a divorce, an annulment or a separation ends: its date in the marriage register and its dossier.</summary>
internal sealed record EndedMarriage(DateOnly MarriageDate, MarriageDossier? Dossier);

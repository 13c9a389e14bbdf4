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

    /// <summary>Writes into <paramref name="fact"/> everything derived from the registration (not the first certificate's time).</summary>
    public static void Apply(RegistrationEntity r, VitalFactEntity fact)
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
        if (r.Event == VitalEvent.Birth)
        {
            var birth = Dossiers.Read<BirthDossier>(r.Dossier);
            var child = birth.Child;
            fact.PlaceKind = child?.PlaceKind;
            fact.BirthOrder = child?.BirthOrder;
            fact.Attendant = child?.Attendant;
            fact.BirthType = child?.BirthType;
            fact.BirthWeightGrams = child?.BirthWeightGrams;
            fact.MotherAge = PartialDate.TryParse(birth.Mother?.BirthDate, out var mother) ? CompletedYears(mother, r.EventDate) : null;
        }
        else
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
    }

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

using System.Globalization;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Khmer;

namespace Nokor.Web.Components.Shared.Civil;

// The posted fields of the civil registration entry forms (names Input.X, Input.Child.X, ...),
// turned into the same requests the API takes. Everything is text, so that any value typed is
// sent on and answered with a field error instead of being lost in binding.

/// <summary>A parent: by KIDC, or by name (with date of birth and nationality).</summary>
public sealed class ParentFormModel
{
    public string? Kidc { get; set; }
    public string? SurnameKm { get; set; }
    public string? GivenNameKm { get; set; }
    public string? SurnameLatin { get; set; }
    public string? GivenNameLatin { get; set; }
    public string? BirthDate { get; set; }
    public string? Nationality { get; set; }

    internal bool IsEmpty => CivilForm.AllBlank(Kidc, SurnameKm, GivenNameKm, SurnameLatin, GivenNameLatin, BirthDate, Nationality);

    internal ParentDetails ToDetails() => new()
    {
        Kidc = CivilForm.Blank(Kidc),
        SurnameKm = CivilForm.Blank(SurnameKm),
        GivenNameKm = CivilForm.Blank(GivenNameKm),
        SurnameLatin = CivilForm.Blank(SurnameLatin),
        GivenNameLatin = CivilForm.Blank(GivenNameLatin),
        BirthDate = CivilForm.Blank(BirthDate),
        Nationality = CivilForm.Blank(Nationality),
    };

    /// <summary>A person as an application pre-filled by the court decisions inbox names them.</summary>
    internal static ParentFormModel From(ParentDetails? d) => new()
    {
        Kidc = d?.Kidc, SurnameKm = d?.SurnameKm, GivenNameKm = d?.GivenNameKm, SurnameLatin = d?.SurnameLatin,
        GivenNameLatin = d?.GivenNameLatin, BirthDate = d?.BirthDate, Nationality = d?.Nationality,
    };
}

/// <summary>The person who declares the event at the office.</summary>
public sealed class InformantFormModel
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Relationship { get; set; }
    public string? Kidc { get; set; }

    internal InformantDetails ToDetails() => new()
    {
        Kind = CivilForm.Blank(Kind),
        Name = CivilForm.Blank(Name),
        Relationship = CivilForm.Blank(Relationship),
        Kidc = CivilForm.Blank(Kidc),
    };

    internal static InformantFormModel From(InformantDetails? d) => new()
    {
        Kind = d?.Kind, Name = d?.Name, Relationship = d?.Relationship, Kidc = d?.Kidc,
    };
}

public sealed class ChildFormModel
{
    public string? SurnameKm { get; set; }
    public string? GivenNameKm { get; set; }
    public string? SurnameLatin { get; set; }
    public string? GivenNameLatin { get; set; }
    public string? Sex { get; set; }
    public string? BirthDate { get; set; }
    public string? BirthTime { get; set; }
    public string? BirthPlaceCode { get; set; }
    public string? PlaceKind { get; set; }
    public string? FacilityName { get; set; }
    public string? Attendant { get; set; }
    public string? BirthType { get; set; }
    public string? BirthOrder { get; set; }
    public string? BirthWeightGrams { get; set; }
    public string? ResidenceVillageCode { get; set; }
    public string? ResidenceAddress { get; set; }
}

/// <summary>The birth application form.</summary>
public sealed class BirthFormModel
{
    /// <summary>The application's id, made when the form is first shown and posted back in a hidden field.</summary>
    public string? ClientId { get; set; }
    public string? NotificationId { get; set; }
    public ChildFormModel Child { get; set; } = new();
    public ParentFormModel Mother { get; set; } = new();
    public ParentFormModel Father { get; set; } = new();
    public InformantFormModel Informant { get; set; } = new();

    /// <summary>Nested parts are missing when the form posted none of their fields.</summary>
    internal void Complete()
    {
        Child ??= new();
        Mother ??= new();
        Father ??= new();
        Informant ??= new();
    }

    internal BirthApplication ToApplication(Guid id) => new()
    {
        Id = id,
        NotificationId = Guid.TryParse(NotificationId, out var n) ? n : null,
        Birth = new BirthDossier
        {
            Child = new ChildDetails
            {
                SurnameKm = CivilForm.Blank(Child.SurnameKm),
                GivenNameKm = CivilForm.Blank(Child.GivenNameKm),
                SurnameLatin = CivilForm.Blank(Child.SurnameLatin),
                GivenNameLatin = CivilForm.Blank(Child.GivenNameLatin),
                Sex = CivilForm.Blank(Child.Sex),
                BirthDate = CivilForm.Blank(Child.BirthDate),
                BirthTime = CivilForm.Blank(Child.BirthTime),
                BirthPlaceCode = CivilForm.Blank(Child.BirthPlaceCode),
                PlaceKind = CivilForm.Blank(Child.PlaceKind),
                FacilityName = CivilForm.Blank(Child.FacilityName),
                Attendant = CivilForm.Blank(Child.Attendant),
                BirthType = CivilForm.Blank(Child.BirthType),
                BirthOrder = CivilForm.Number(Child.BirthOrder),
                BirthWeightGrams = CivilForm.Number(Child.BirthWeightGrams),
                ResidenceVillageCode = CivilForm.Blank(Child.ResidenceVillageCode),
                ResidenceAddress = CivilForm.Blank(Child.ResidenceAddress),
            },
            Mother = Mother.ToDetails(),
            // The father is optional: an untouched father section declares none.
            Father = Father.IsEmpty ? null : Father.ToDetails(),
            Informant = Informant.ToDetails(),
        },
    };

    /// <summary>What the notifying health facility, midwife or village chief already told us.</summary>
    internal void Prefill(NotificationView n)
    {
        var d = n.Details;
        NotificationId = n.Id.ToString();
        Child.BirthDate = d.EventDate ?? n.EventDate;
        Child.BirthTime = d.EventTime;
        Child.BirthPlaceCode = d.EventPlaceCode ?? n.EventPlaceCode;
        Child.Sex = d.ChildSex;
        Child.BirthType = d.BirthType;
        Child.BirthWeightGrams = d.BirthWeightGrams?.ToString(CultureInfo.InvariantCulture);
        Child.FacilityName = d.FacilityName;
        if (d.FacilityName is not null || n.InformantKind == InformantKind.HealthFacility)
        {
            Child.PlaceKind = nameof(EventPlaceKind.HealthFacility);
        }

        Mother.Kidc = d.MotherKidc;
        (Mother.SurnameKm, Mother.GivenNameKm) = CivilForm.SplitName(d.MotherNameKm);
        (Mother.SurnameLatin, Mother.GivenNameLatin) = CivilForm.SplitName(d.MotherNameLatin);
        Mother.BirthDate = d.MotherBirthDate;
        Informant.Kind = n.InformantKind.ToString();
        Informant.Name = d.InformantName;
    }
}

/// <summary>The death application form, with the WHO medical certificate of cause of death.</summary>
public sealed class DeathFormModel
{
    public string? ClientId { get; set; }
    public string? NotificationId { get; set; }
    public string? DeceasedKidc { get; set; }
    public string? DeceasedSurnameKm { get; set; }
    public string? DeceasedGivenNameKm { get; set; }
    public string? DeceasedSurnameLatin { get; set; }
    public string? DeceasedGivenNameLatin { get; set; }
    public string? DeceasedSex { get; set; }
    public string? DeceasedBirthDate { get; set; }
    public string? DeathDate { get; set; }
    public string? DeathTime { get; set; }
    public string? DeathPlaceCode { get; set; }
    public string? PlaceKind { get; set; }
    public string? FacilityName { get; set; }
    public InformantFormModel Informant { get; set; } = new();
    public CauseLineFormModel LineA { get; set; } = new();
    public CauseLineFormModel LineB { get; set; } = new();
    public CauseLineFormModel LineC { get; set; } = new();
    public CauseLineFormModel LineD { get; set; } = new();
    public string? Contributing { get; set; }
    public string? ContributingIcd10 { get; set; }
    public string? Manner { get; set; }
    public string? Pregnancy { get; set; }
    /// <summary>"true", "false" or empty.</summary>
    public string? PregnancyContributed { get; set; }
    public string? CertifierName { get; set; }
    public string? CertifierRole { get; set; }

    internal void Complete()
    {
        Informant ??= new();
        LineA ??= new();
        LineB ??= new();
        LineC ??= new();
        LineD ??= new();
    }

    /// <summary>A death without any medical certification (at home, no certifier) is sent without a cause.</summary>
    private bool CauseIsEmpty =>
        LineA.IsEmpty && LineB.IsEmpty && LineC.IsEmpty && LineD.IsEmpty &&
        CivilForm.AllBlank(Contributing, ContributingIcd10, Manner, Pregnancy, PregnancyContributed, CertifierName, CertifierRole);

    internal DeathApplication ToApplication(Guid id) => new()
    {
        Id = id,
        NotificationId = Guid.TryParse(NotificationId, out var n) ? n : null,
        Death = new DeathDossier
        {
            DeceasedKidc = CivilForm.Blank(DeceasedKidc),
            DeceasedSurnameKm = CivilForm.Blank(DeceasedSurnameKm),
            DeceasedGivenNameKm = CivilForm.Blank(DeceasedGivenNameKm),
            DeceasedSurnameLatin = CivilForm.Blank(DeceasedSurnameLatin),
            DeceasedGivenNameLatin = CivilForm.Blank(DeceasedGivenNameLatin),
            DeceasedSex = CivilForm.Blank(DeceasedSex),
            DeceasedBirthDate = CivilForm.Blank(DeceasedBirthDate),
            DeathDate = CivilForm.Blank(DeathDate),
            DeathTime = CivilForm.Blank(DeathTime),
            DeathPlaceCode = CivilForm.Blank(DeathPlaceCode),
            PlaceKind = CivilForm.Blank(PlaceKind),
            FacilityName = CivilForm.Blank(FacilityName),
            Informant = Informant.ToDetails(),
            Cause = CauseIsEmpty ? null : new CauseOfDeath
            {
                LineA = LineA.ToLine(),
                LineB = LineB.ToLine(),
                LineC = LineC.ToLine(),
                LineD = LineD.ToLine(),
                Contributing = CivilForm.Blank(Contributing),
                ContributingIcd10 = CivilForm.Blank(ContributingIcd10),
                Manner = CivilForm.Blank(Manner),
                Pregnancy = CivilForm.Blank(Pregnancy),
                PregnancyContributed = bool.TryParse(PregnancyContributed, out var contributed) ? contributed : null,
                CertifierName = CivilForm.Blank(CertifierName),
                CertifierRole = CivilForm.Blank(CertifierRole),
            },
        },
    };

    internal void Prefill(NotificationView n)
    {
        var d = n.Details;
        NotificationId = n.Id.ToString();
        DeceasedKidc = d.DeceasedKidc;
        (DeceasedSurnameKm, DeceasedGivenNameKm) = CivilForm.SplitName(d.DeceasedNameKm);
        (DeceasedSurnameLatin, DeceasedGivenNameLatin) = CivilForm.SplitName(d.DeceasedNameLatin);
        DeceasedSex = d.DeceasedSex;
        DeceasedBirthDate = d.DeceasedBirthDate;
        DeathDate = d.EventDate ?? n.EventDate;
        DeathTime = d.EventTime;
        DeathPlaceCode = d.EventPlaceCode ?? n.EventPlaceCode;
        FacilityName = d.FacilityName;
        if (d.FacilityName is not null || n.InformantKind == InformantKind.HealthFacility)
        {
            PlaceKind = nameof(EventPlaceKind.HealthFacility);
        }

        Informant.Kind = n.InformantKind.ToString();
        Informant.Name = d.InformantName;
        if (d.Cause is { } c)
        {
            LineA = CauseLineFormModel.From(c.LineA);
            LineB = CauseLineFormModel.From(c.LineB);
            LineC = CauseLineFormModel.From(c.LineC);
            LineD = CauseLineFormModel.From(c.LineD);
            Contributing = c.Contributing;
            ContributingIcd10 = c.ContributingIcd10;
            Manner = c.Manner;
            Pregnancy = c.Pregnancy;
            PregnancyContributed = c.PregnancyContributed?.ToString().ToLowerInvariant();
            CertifierName = c.CertifierName;
            CertifierRole = c.CertifierRole;
        }
    }
}

/// <summary>One line of part 1 of the medical certificate.</summary>
public sealed class CauseLineFormModel
{
    public string? Condition { get; set; }
    public string? Icd10 { get; set; }
    public string? Interval { get; set; }

    internal bool IsEmpty => CivilForm.AllBlank(Condition, Icd10, Interval);

    internal CauseLine? ToLine() => IsEmpty ? null : new CauseLine
    {
        Condition = CivilForm.Blank(Condition), Icd10 = CivilForm.Blank(Icd10), Interval = CivilForm.Blank(Interval),
    };

    internal static CauseLineFormModel From(CauseLine? line) => new()
    {
        Condition = line?.Condition, Icd10 = line?.Icd10, Interval = line?.Interval,
    };
}

/// <summary>A notification entered by staff of the place where the event happened.</summary>
public sealed class NotificationFormModel
{
    public string? ClientId { get; set; }
    public string? Event { get; set; }
    public string? InformantKind { get; set; }
    public string? InformantName { get; set; }
    public string? FacilityName { get; set; }
    public string? EventDate { get; set; }
    public string? EventTime { get; set; }
    public string? EventPlaceCode { get; set; }
    public string? ChildSex { get; set; }
    public string? BirthWeightGrams { get; set; }
    public string? BirthType { get; set; }
    public string? MotherKidc { get; set; }
    public string? MotherNameKm { get; set; }
    public string? MotherNameLatin { get; set; }
    public string? MotherBirthDate { get; set; }
    public string? DeceasedKidc { get; set; }
    public string? DeceasedNameKm { get; set; }
    public string? DeceasedNameLatin { get; set; }
    public string? DeceasedSex { get; set; }
    public string? DeceasedBirthDate { get; set; }

    internal NotificationRequest ToRequest(Guid id)
    {
        var request = new NotificationRequest
        {
            Id = id,
            Event = CivilForm.Blank(Event),
            InformantKind = CivilForm.Blank(InformantKind),
            InformantName = CivilForm.Blank(InformantName),
            FacilityName = CivilForm.Blank(FacilityName),
            EventDate = CivilForm.Blank(EventDate),
            EventTime = CivilForm.Blank(EventTime),
            EventPlaceCode = CivilForm.Blank(EventPlaceCode),
        };

        // Both sections are on the form; only the chosen event's one is sent.
        return Event switch
        {
            nameof(VitalEvent.Birth) => request with
            {
                ChildSex = CivilForm.Blank(ChildSex),
                BirthWeightGrams = CivilForm.Number(BirthWeightGrams),
                BirthType = CivilForm.Blank(BirthType),
                MotherKidc = CivilForm.Blank(MotherKidc),
                MotherNameKm = CivilForm.Blank(MotherNameKm),
                MotherNameLatin = CivilForm.Blank(MotherNameLatin),
                MotherBirthDate = CivilForm.Blank(MotherBirthDate),
            },
            nameof(VitalEvent.Death) => request with
            {
                DeceasedKidc = CivilForm.Blank(DeceasedKidc),
                DeceasedNameKm = CivilForm.Blank(DeceasedNameKm),
                DeceasedNameLatin = CivilForm.Blank(DeceasedNameLatin),
                DeceasedSex = CivilForm.Blank(DeceasedSex),
                DeceasedBirthDate = CivilForm.Blank(DeceasedBirthDate),
            },
            _ => request,
        };
    }
}

internal static class CivilForm
{
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static bool AllBlank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    /// <summary>
    /// A whole number as typed. Text that is not one is sent as -1, which every range check of the
    /// service refuses with the field's own error ("must be between ..."), so nothing is stored
    /// and the message stands next to the field like any other.
    /// </summary>
    public static int? Number(string? s)
    {
        var text = Blank(s);
        if (text is null)
        {
            return null;
        }

        // Khmer keyboards type Khmer digits (០-៩).
        text = KhmerNumerals.ToArabicDigits(text);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    /// <summary>The form's hidden client id, or a new one when it is missing or garbled.</summary>
    public static Guid ClientId(string? posted) => Guid.TryParse(posted, out var id) && id != Guid.Empty ? id : Guid.CreateVersion7();

    /// <summary>"សុខ ស្រីល័ក្ខ" → surname and given name; a single word is left as the given name.</summary>
    public static (string? Surname, string? Given) SplitName(string? full)
    {
        var text = Blank(full);
        if (text is null)
        {
            return (null, null);
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (null, text) : (text[..space], text[(space + 1)..].Trim());
    }
}

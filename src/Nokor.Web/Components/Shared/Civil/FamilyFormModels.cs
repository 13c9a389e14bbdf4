using Nokor.CivilRegistration.Contracts;

namespace Nokor.Web.Components.Shared.Civil;

// The posted fields of the entry forms of the family events (marriage, its dissolution, adoption,
// recognition, foetal death, change of name), turned into the applications the API takes. As for
// births and deaths, everything is text, so any value typed reaches the service and comes back as a
// field error beside its field. Each model can also start from an application the court decisions
// inbox pre-filled.

/// <summary>A spouse: by KIDC with names and date of birth, or a foreign spouse by passport.</summary>
public sealed class SpouseFormModel
{
    /// <summary>How many earlier marriages a spouse can declare on the form.</summary>
    public const int PriorMarriageRows = 2;

    public string? Kidc { get; set; }
    public string? SurnameKm { get; set; }
    public string? GivenNameKm { get; set; }
    public string? SurnameLatin { get; set; }
    public string? GivenNameLatin { get; set; }
    public string? BirthDate { get; set; }
    public string? Nationality { get; set; }
    public string? PassportNumber { get; set; }
    public string? PassportCountry { get; set; }
    public string? ResidenceVillageCode { get; set; }
    public string? ConsentName { get; set; }
    public string? ConsentRelationship { get; set; }
    public string? ConsentKidc { get; set; }
    public string? ConsentGivenOn { get; set; }
    public List<PriorMarriageFormModel> Prior { get; set; } = [];

    internal void Complete()
    {
        Prior ??= [];
        while (Prior.Count < PriorMarriageRows)
        {
            Prior.Add(new PriorMarriageFormModel());
        }
    }

    internal SpouseDetails ToDetails()
    {
        var consent = CivilForm.AllBlank(ConsentName, ConsentRelationship, ConsentKidc, ConsentGivenOn)
            ? null
            : new ConsentDetails
            {
                Name = CivilForm.Blank(ConsentName),
                Relationship = CivilForm.Blank(ConsentRelationship),
                Kidc = CivilForm.Blank(ConsentKidc),
                GivenOn = CivilForm.Blank(ConsentGivenOn),
            };
        var prior = Prior.Where(p => !p.IsEmpty).Select(p => p.ToDetails()).ToList();
        return new SpouseDetails
        {
            Kidc = CivilForm.Blank(Kidc),
            SurnameKm = CivilForm.Blank(SurnameKm),
            GivenNameKm = CivilForm.Blank(GivenNameKm),
            SurnameLatin = CivilForm.Blank(SurnameLatin),
            GivenNameLatin = CivilForm.Blank(GivenNameLatin),
            BirthDate = CivilForm.Blank(BirthDate),
            Nationality = CivilForm.Blank(Nationality),
            PassportNumber = CivilForm.Blank(PassportNumber),
            PassportCountry = CivilForm.Blank(PassportCountry),
            ResidenceVillageCode = CivilForm.Blank(ResidenceVillageCode),
            Consent = consent,
            PriorMarriages = prior.Count == 0 ? null : prior,
        };
    }
}

/// <summary>An earlier marriage of a spouse and how it ended.</summary>
public sealed class PriorMarriageFormModel
{
    public string? RegistrationNumber { get; set; }
    public string? SpouseName { get; set; }
    public string? EndedBy { get; set; }
    public string? EndedOn { get; set; }

    internal bool IsEmpty => CivilForm.AllBlank(RegistrationNumber, SpouseName, EndedBy, EndedOn);

    internal PriorMarriage ToDetails() => new()
    {
        RegistrationNumber = CivilForm.Blank(RegistrationNumber),
        SpouseName = CivilForm.Blank(SpouseName),
        EndedBy = CivilForm.Blank(EndedBy),
        EndedOn = CivilForm.Blank(EndedOn),
    };
}

/// <summary>A witness of the marriage.</summary>
public sealed class WitnessFormModel
{
    public string? Name { get; set; }
    public string? Kidc { get; set; }
    public string? Address { get; set; }

    internal bool IsEmpty => CivilForm.AllBlank(Name, Kidc, Address);

    internal WitnessDetails ToDetails() => new()
    {
        Name = CivilForm.Blank(Name), Kidc = CivilForm.Blank(Kidc), Address = CivilForm.Blank(Address),
    };
}

/// <summary>The marriage application form.</summary>
public sealed class MarriageFormModel
{
    /// <summary>The witnesses the form offers (the law asks for two).</summary>
    public const int WitnessRows = 2;

    public string? ClientId { get; set; }
    public SpouseFormModel Husband { get; set; } = new();
    public SpouseFormModel Wife { get; set; } = new();
    public string? MarriageDate { get; set; }
    public string? MarriagePlaceCode { get; set; }
    public List<WitnessFormModel> Witnesses { get; set; } = [];
    public string? PropertyRegime { get; set; }
    public InformantFormModel Informant { get; set; } = new();

    internal void Complete()
    {
        Husband ??= new();
        Wife ??= new();
        Husband.Complete();
        Wife.Complete();
        Witnesses ??= [];
        while (Witnesses.Count < WitnessRows)
        {
            Witnesses.Add(new WitnessFormModel());
        }

        Informant ??= new();
    }

    internal MarriageApplication ToApplication(Guid id) => new()
    {
        Id = id,
        Marriage = new MarriageDossier
        {
            Husband = Husband.ToDetails(),
            Wife = Wife.ToDetails(),
            MarriageDate = CivilForm.Blank(MarriageDate),
            MarriagePlaceCode = CivilForm.Blank(MarriagePlaceCode),
            // Rows left empty are not witnesses; the service counts the others.
            Witnesses = Witnesses.Where(w => !w.IsEmpty).Select(w => w.ToDetails()).ToList(),
            PropertyRegime = CivilForm.Blank(PropertyRegime),
            Informant = Informant.ToDetails(),
        },
    };
}

/// <summary>The form of a divorce, an annulment or a legal separation.</summary>
public sealed class DissolutionFormModel
{
    public string? ClientId { get; set; }
    public string? Event { get; set; }
    public string? CourtDecisionId { get; set; }
    public string? MarriageNumber { get; set; }
    public string? Authority { get; set; }
    public string? Court { get; set; }
    public string? CaseNumber { get; set; }
    public string? DecisionDate { get; set; }
    public string? EffectiveDate { get; set; }
    public string? Petitioner { get; set; }
    public string? DependentChildren { get; set; }
    public InformantFormModel Informant { get; set; } = new();

    internal void Complete() => Informant ??= new();

    internal DissolutionApplication ToApplication(Guid id) => new()
    {
        Id = id,
        Event = CivilForm.Blank(Event),
        CourtDecisionId = Guid.TryParse(CourtDecisionId, out var d) ? d : null,
        Dissolution = new DissolutionDossier
        {
            MarriageNumber = CivilForm.Blank(MarriageNumber),
            Authority = CivilForm.Blank(Authority),
            Court = CivilForm.Blank(Court),
            CaseNumber = CivilForm.Blank(CaseNumber),
            DecisionDate = CivilForm.Blank(DecisionDate),
            EffectiveDate = CivilForm.Blank(EffectiveDate),
            Petitioner = CivilForm.Blank(Petitioner),
            DependentChildren = CivilForm.Number(DependentChildren),
            // The informant is optional for a decision the court sent; an untouched section declares none.
            Informant = CivilForm.AllBlank(Informant.Kind, Informant.Name, Informant.Relationship, Informant.Kidc) ? null : Informant.ToDetails(),
        },
    };

    /// <summary>What the court decision already says.</summary>
    internal void Prefill(DissolutionApplication a)
    {
        Event = a.Event;
        CourtDecisionId = a.CourtDecisionId?.ToString();
        var d = a.Dissolution ?? new DissolutionDossier();
        MarriageNumber = d.MarriageNumber;
        Authority = d.Authority ?? nameof(DecisionAuthority.Court);
        Court = d.Court;
        CaseNumber = d.CaseNumber;
        DecisionDate = d.DecisionDate;
        EffectiveDate = d.EffectiveDate;
        Petitioner = d.Petitioner;
        DependentChildren = d.DependentChildren?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Informant = InformantFormModel.From(d.Informant);
    }
}

/// <summary>The adoption form.</summary>
public sealed class AdoptionFormModel
{
    public string? ClientId { get; set; }
    public string? CourtDecisionId { get; set; }
    public string? Kind { get; set; }
    public ParentFormModel Adoptee { get; set; } = new();
    public ParentFormModel AdoptiveMother { get; set; } = new();
    public ParentFormModel AdoptiveFather { get; set; } = new();
    public string? Court { get; set; }
    public string? CaseNumber { get; set; }
    public string? DecisionDate { get; set; }
    public string? NewSurnameKm { get; set; }
    public string? NewGivenNameKm { get; set; }
    public string? NewSurnameLatin { get; set; }
    public string? NewGivenNameLatin { get; set; }

    internal void Complete()
    {
        Adoptee ??= new();
        AdoptiveMother ??= new();
        AdoptiveFather ??= new();
    }

    internal AdoptionApplication ToApplication(Guid id) => new()
    {
        Id = id,
        CourtDecisionId = Guid.TryParse(CourtDecisionId, out var d) ? d : null,
        Adoption = new AdoptionDossier
        {
            Kind = CivilForm.Blank(Kind),
            Adoptee = Adoptee.ToDetails(),
            // An adoption by one person leaves the other section empty.
            AdoptiveMother = AdoptiveMother.IsEmpty ? null : AdoptiveMother.ToDetails(),
            AdoptiveFather = AdoptiveFather.IsEmpty ? null : AdoptiveFather.ToDetails(),
            Court = CivilForm.Blank(Court),
            CaseNumber = CivilForm.Blank(CaseNumber),
            DecisionDate = CivilForm.Blank(DecisionDate),
            NewSurnameKm = CivilForm.Blank(NewSurnameKm),
            NewGivenNameKm = CivilForm.Blank(NewGivenNameKm),
            NewSurnameLatin = CivilForm.Blank(NewSurnameLatin),
            NewGivenNameLatin = CivilForm.Blank(NewGivenNameLatin),
        },
    };

    internal void Prefill(AdoptionApplication a)
    {
        CourtDecisionId = a.CourtDecisionId?.ToString();
        var d = a.Adoption ?? new AdoptionDossier();
        Kind = d.Kind;
        Adoptee = ParentFormModel.From(d.Adoptee);
        AdoptiveMother = ParentFormModel.From(d.AdoptiveMother);
        AdoptiveFather = ParentFormModel.From(d.AdoptiveFather);
        Court = d.Court;
        CaseNumber = d.CaseNumber;
        DecisionDate = d.DecisionDate;
        NewSurnameKm = d.NewSurnameKm;
        NewGivenNameKm = d.NewGivenNameKm;
        NewSurnameLatin = d.NewSurnameLatin;
        NewGivenNameLatin = d.NewGivenNameLatin;
    }
}

/// <summary>The form of a recognition of a child, or of a legitimization.</summary>
public sealed class RecognitionFormModel
{
    public string? ClientId { get; set; }
    public string? CourtDecisionId { get; set; }
    /// <summary>"true" for a legitimization.</summary>
    public string? Legitimization { get; set; }
    public ParentFormModel Child { get; set; } = new();
    public string? ParentRole { get; set; }
    public ParentFormModel Parent { get; set; } = new();
    public string? DeclarationDate { get; set; }
    public string? MarriageNumber { get; set; }
    public string? Court { get; set; }
    public string? CaseNumber { get; set; }

    internal bool IsLegitimization => string.Equals(Legitimization, "true", StringComparison.OrdinalIgnoreCase);

    internal void Complete()
    {
        Child ??= new();
        Parent ??= new();
    }

    internal RecognitionApplication ToApplication(Guid id) => new()
    {
        Id = id,
        Legitimization = IsLegitimization,
        CourtDecisionId = Guid.TryParse(CourtDecisionId, out var d) ? d : null,
        Recognition = new RecognitionDossier
        {
            Child = Child.ToDetails(),
            ParentRole = CivilForm.Blank(ParentRole),
            Parent = Parent.ToDetails(),
            DeclarationDate = CivilForm.Blank(DeclarationDate),
            MarriageNumber = CivilForm.Blank(MarriageNumber),
            Court = CivilForm.Blank(Court),
            CaseNumber = CivilForm.Blank(CaseNumber),
        },
    };

    internal void Prefill(RecognitionApplication a)
    {
        CourtDecisionId = a.CourtDecisionId?.ToString();
        Legitimization = a.Legitimization ? "true" : "false";
        var d = a.Recognition ?? new RecognitionDossier();
        Child = ParentFormModel.From(d.Child);
        ParentRole = d.ParentRole;
        Parent = ParentFormModel.From(d.Parent);
        DeclarationDate = d.DeclarationDate;
        MarriageNumber = d.MarriageNumber;
        Court = d.Court;
        CaseNumber = d.CaseNumber;
    }
}

/// <summary>The foetal death (stillbirth) form.</summary>
public sealed class FoetalDeathFormModel
{
    public string? ClientId { get; set; }
    public string? NotificationId { get; set; }
    public ParentFormModel Mother { get; set; } = new();
    public ParentFormModel Father { get; set; } = new();
    public string? DeliveryDate { get; set; }
    public string? DeliveryPlaceCode { get; set; }
    public string? PlaceKind { get; set; }
    public string? FacilityName { get; set; }
    public string? Sex { get; set; }
    public string? GestationWeeks { get; set; }
    public string? WeightGrams { get; set; }
    public string? BirthType { get; set; }
    public CauseLineFormModel Cause { get; set; } = new();
    public string? Attendant { get; set; }
    public string? ResidenceVillageCode { get; set; }
    public InformantFormModel Informant { get; set; } = new();

    internal void Complete()
    {
        Mother ??= new();
        Father ??= new();
        Cause ??= new();
        Informant ??= new();
    }

    internal FoetalDeathApplication ToApplication(Guid id) => new()
    {
        Id = id,
        NotificationId = Guid.TryParse(NotificationId, out var n) ? n : null,
        FoetalDeath = new FoetalDeathDossier
        {
            Mother = Mother.ToDetails(),
            Father = Father.IsEmpty ? null : Father.ToDetails(),
            DeliveryDate = CivilForm.Blank(DeliveryDate),
            DeliveryPlaceCode = CivilForm.Blank(DeliveryPlaceCode),
            PlaceKind = CivilForm.Blank(PlaceKind),
            FacilityName = CivilForm.Blank(FacilityName),
            Sex = CivilForm.Blank(Sex),
            GestationWeeks = CivilForm.Number(GestationWeeks),
            WeightGrams = CivilForm.Number(WeightGrams),
            BirthType = CivilForm.Blank(BirthType),
            Cause = Cause.ToLine(),
            Attendant = CivilForm.Blank(Attendant),
            ResidenceVillageCode = CivilForm.Blank(ResidenceVillageCode),
            Informant = Informant.ToDetails(),
        },
    };
}

/// <summary>The change of name form.</summary>
public sealed class NameChangeFormModel
{
    public string? ClientId { get; set; }
    public string? CourtDecisionId { get; set; }
    public ParentFormModel Person { get; set; } = new();
    public string? NewSurnameKm { get; set; }
    public string? NewGivenNameKm { get; set; }
    public string? NewSurnameLatin { get; set; }
    public string? NewGivenNameLatin { get; set; }
    public string? Authority { get; set; }
    public string? Court { get; set; }
    public string? CaseNumber { get; set; }
    public string? DecisionDate { get; set; }
    public string? Reason { get; set; }

    internal void Complete() => Person ??= new();

    internal NameChangeApplication ToApplication(Guid id) => new()
    {
        Id = id,
        CourtDecisionId = Guid.TryParse(CourtDecisionId, out var d) ? d : null,
        NameChange = new NameChangeDossier
        {
            Person = Person.ToDetails(),
            NewSurnameKm = CivilForm.Blank(NewSurnameKm),
            NewGivenNameKm = CivilForm.Blank(NewGivenNameKm),
            NewSurnameLatin = CivilForm.Blank(NewSurnameLatin),
            NewGivenNameLatin = CivilForm.Blank(NewGivenNameLatin),
            Authority = CivilForm.Blank(Authority),
            Court = CivilForm.Blank(Court),
            CaseNumber = CivilForm.Blank(CaseNumber),
            DecisionDate = CivilForm.Blank(DecisionDate),
            Reason = CivilForm.Blank(Reason),
        },
    };

    internal void Prefill(NameChangeApplication a)
    {
        CourtDecisionId = a.CourtDecisionId?.ToString();
        var d = a.NameChange ?? new NameChangeDossier();
        Person = ParentFormModel.From(d.Person);
        NewSurnameKm = d.NewSurnameKm;
        NewGivenNameKm = d.NewGivenNameKm;
        NewSurnameLatin = d.NewSurnameLatin;
        NewGivenNameLatin = d.NewGivenNameLatin;
        Authority = d.Authority ?? nameof(DecisionAuthority.Court);
        Court = d.Court;
        CaseNumber = d.CaseNumber;
        DecisionDate = d.DecisionDate;
        Reason = d.Reason;
    }
}

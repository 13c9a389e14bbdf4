using Nokor.Population.Contracts;

namespace Nokor.Web.Components.Shared;

/// <summary>The person form's posted fields, turned into the same requests the API takes.</summary>
public sealed class PersonFormModel
{
    public string? SurnameKm { get; set; }
    public string? GivenNameKm { get; set; }
    public string? SurnameLatin { get; set; }
    public string? GivenNameLatin { get; set; }
    public string? Sex { get; set; }
    public string? BirthDate { get; set; }
    public string? BirthPlaceCode { get; set; }
    public string? BirthCountry { get; set; }
    public string? Nationality { get; set; }
    public string? CitizenshipStatus { get; set; }
    public string? MaritalStatus { get; set; }
    public string? FatherKidc { get; set; }
    public string? MotherKidc { get; set; }
    public string? FatherNameKm { get; set; }
    public string? MotherNameKm { get; set; }
    public string? ResidenceVillageCode { get; set; }
    public string? ResidenceAddress { get; set; }
    public string? Source { get; set; }
    public string? Reason { get; set; }
    public string? LifeStatus { get; set; }
    public string? DeathDate { get; set; }
    public int? ExpectedVersion { get; set; }

    internal RegisterPersonRequest ToRegister() => new()
    {
        SurnameKm = SurnameKm, GivenNameKm = GivenNameKm, SurnameLatin = SurnameLatin, GivenNameLatin = GivenNameLatin,
        Sex = Sex, BirthDate = BirthDate, BirthPlaceCode = Blank(BirthPlaceCode), BirthCountry = Blank(BirthCountry),
        Nationality = Blank(Nationality), CitizenshipStatus = CitizenshipStatus, MaritalStatus = Blank(MaritalStatus),
        FatherKidc = Blank(FatherKidc), MotherKidc = Blank(MotherKidc), FatherNameKm = Blank(FatherNameKm), MotherNameKm = Blank(MotherNameKm),
        ResidenceVillageCode = ResidenceVillageCode, ResidenceAddress = Blank(ResidenceAddress), Source = Source, Reason = Blank(Reason),
    };

    /// <summary>On the edit form every field is shown, so an emptied optional field clears it.</summary>
    internal UpdatePersonRequest ToUpdate() => new()
    {
        SurnameKm = SurnameKm ?? "", GivenNameKm = GivenNameKm ?? "", SurnameLatin = SurnameLatin ?? "", GivenNameLatin = GivenNameLatin ?? "",
        Sex = Sex, BirthDate = BirthDate ?? "", BirthPlaceCode = Blank(BirthPlaceCode), BirthCountry = Blank(BirthCountry),
        Nationality = Blank(Nationality), CitizenshipStatus = CitizenshipStatus, MaritalStatus = Blank(MaritalStatus),
        FatherKidc = FatherKidc ?? "", MotherKidc = MotherKidc ?? "", FatherNameKm = FatherNameKm ?? "", MotherNameKm = MotherNameKm ?? "",
        ResidenceVillageCode = ResidenceVillageCode ?? "", ResidenceAddress = ResidenceAddress ?? "", Source = Source, Reason = Reason,
        LifeStatus = Blank(LifeStatus), DeathDate = Blank(DeathDate), ExpectedVersion = ExpectedVersion,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

using Nokor.CivilRegistration.Certificates.Rendering;
using Nokor.CivilRegistration.Contracts;

namespace Nokor.CivilRegistration.Tests.Certificates;

/// <summary>The birth certificate the rendering and file-check tests print: one family, one hospital, one office.</summary>
internal static class SampleCertificates
{
    public static CertificateContent Birth(string registrationNumber, int version, string? kidc, string serial, DateTimeOffset issuedAt,
        string token, string verificationUrl) => new()
    {
        Kind = CertificateKind.Birth,
        RegistrationNumber = registrationNumber,
        RegistrationVersion = version,
        Kidc = kidc,
        SurnameKm = "សុខ",
        GivenNameKm = "ស្រីនាង",
        SurnameLatin = "Sok",
        GivenNameLatin = "Sreyneang",
        SexKm = "ស្រី",
        SexEn = "Female",
        EventDate = new DateOnly(2026, 11, 2),
        EventTime = "08:45",
        PlaceKm = "មន្ទីរពេទ្យកាល់ម៉ែត្រ សង្កាត់ស្រះចក ខណ្ឌដូនពេញ រាជធានីភ្នំពេញ",
        PlaceLatin = "Calmette Hospital, Srah Chak, Doun Penh, Phnom Penh",
        MotherNameKm = "ចាន់ សុភាព",
        MotherNameLatin = "CHAN Sopheap",
        MotherKidc = "1098765432",
        FatherNameKm = "សុខ វិបុល",
        FatherNameLatin = "SOK Vibol",
        BirthTypeKm = "កំណើតទោល",
        BirthTypeEn = "Single birth",
        RegisteringOfficeKm = "ឃុំ/សង្កាត់ស្រះចក",
        RegisteringOfficeLatin = "Srah Chak commune office",
        RegistrarName = "កែវ សុវណ្ណារី / KEO Sovannary",
        RegisteredOn = new DateOnly(2026, 11, 9),
        IssuedAt = issuedAt,
        CertificateSerial = serial,
        SignedToken = token,
        VerificationUrl = verificationUrl,
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>The JSON form of stored dossiers and notifications.</summary>
internal static class Dossiers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    public static BirthDossier? Birth(RegistrationEntity r) => r.Event == VitalEvent.Birth ? Read<BirthDossier>(r.Dossier) : null;

    public static DeathDossier? Death(RegistrationEntity r) => r.Event == VitalEvent.Death ? Read<DeathDossier>(r.Dossier) : null;

    /// <summary>The view with the dossier of the record's event filled in (the family events' dossiers are init properties).</summary>
    public static RegistrationView WithFamilyDossier(RegistrationView view, RegistrationEntity r) => r.Event switch
    {
        VitalEvent.Marriage => view with { Marriage = Read<MarriageDossier>(r.Dossier) },
        VitalEvent.Divorce or VitalEvent.Annulment or VitalEvent.LegalSeparation => view with { Dissolution = Read<DissolutionDossier>(r.Dossier) },
        VitalEvent.Adoption => view with { Adoption = Read<AdoptionDossier>(r.Dossier) },
        VitalEvent.Recognition or VitalEvent.Legitimization => view with { Recognition = Read<RecognitionDossier>(r.Dossier) },
        VitalEvent.FoetalDeath => view with { FoetalDeath = Read<FoetalDeathDossier>(r.Dossier) },
        VitalEvent.NameChange => view with { NameChange = Read<NameChangeDossier>(r.Dossier) },
        _ => view,
    };
}

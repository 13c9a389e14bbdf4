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
}

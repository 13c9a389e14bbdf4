using System.Text.Json;
using Nokor.Population.Contracts;

namespace Nokor.Bench.Crvs;

/// <summary>
/// What setup prepares for the load: the communes used, their three staff accounts, the national
/// system account that notifies, and the births (one per mother, shuffled across communes) with
/// every detail the request bodies need, so the load generator only sends.
/// </summary>
internal sealed record BenchPlan(
    DateTimeOffset CreatedAt,
    int Seed,
    int CouplesSampled,
    string SystemAccount,
    IReadOnlyList<CommunePlan> Communes,
    IReadOnlyList<PlannedBirth> Births)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public const string FileName = "plan.json";
    public const string PasswordFileName = "password";

    public static async Task<BenchPlan> ReadAsync(string stateDirectory) =>
        JsonSerializer.Deserialize<BenchPlan>(await File.ReadAllBytesAsync(Path.Combine(stateDirectory, FileName)), Json)
        ?? throw new InvalidOperationException("Empty plan.");

    public async Task WriteAsync(string stateDirectory) =>
        await File.WriteAllBytesAsync(Path.Combine(stateDirectory, FileName), JsonSerializer.SerializeToUtf8Bytes(this, Json));
}

/// <summary>A commune office and its staff: an agent enters, a second agent verifies, a senior registrar approves.</summary>
internal sealed record CommunePlan(string Code, string Name, int Couples, string Agent, string Verifier, string Registrar);

internal sealed record PlannedBirth(
    string Commune,
    string MotherKidc,
    string FatherKidc,
    string SurnameKm,
    string SurnameLatin,
    string GivenNameKm,
    string GivenNameLatin,
    string Sex,
    string BirthDate,
    string BirthTime,
    string VillageCode,
    string? Address,
    int WeightGrams,
    string BirthType,
    int BirthOrder,
    // The parents as the family declares them (names and date of birth), which the registry
    // confirms with their KIDCs; a plan written before these were added has none and must be made again.
    SampleIdentity? Mother = null,
    SampleIdentity? Father = null);

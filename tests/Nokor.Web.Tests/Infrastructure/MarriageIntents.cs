using System.Net.Http.Json;
using Nokor.CivilRegistration.Contracts;
using Nokor.Population.Contracts;

namespace Nokor.Web.Tests.Infrastructure;

/// <summary>Intent methods for marriage and divorce tests: the persons, valid bodies to change, and the steps of the procedure.</summary>
public static class MarriageIntents
{
    public static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    /// <summary>A man or a woman of the registry, living in <paramref name="village"/>, with parents by KIDC when given.</summary>
    public static async Task<PersonRecord> PersonAsync(this NokorHost host, HttpClient client, string village, string sex, string surnameKm, string givenNameKm,
        string surnameLatin, string givenNameLatin, string birthDate, PersonRecord? mother = null, PersonRecord? father = null)
    {
        var body = host.PersonBody(village, surnameKm, givenNameKm, surnameLatin, givenNameLatin, birthDate);
        body["sex"] = sex;
        body["motherKidc"] = mother?.Kidc;
        body["fatherKidc"] = father?.Kidc;
        return await host.RegisterPersonAsync(client, body);
    }

    /// <summary>A spouse as the clerk types them from the identity card: KIDC, Khmer and Latin names, date of birth.</summary>
    public static Dictionary<string, object?> Spouse(PersonRecord p) => new()
    {
        ["kidc"] = p.Kidc, ["surnameKm"] = p.SurnameKm, ["givenNameKm"] = p.GivenNameKm,
        ["surnameLatin"] = p.SurnameLatin, ["givenNameLatin"] = p.GivenNameLatin, ["birthDate"] = p.BirthDate,
    };

    public static Dictionary<string, object?> MarriageBody(string village, string date, object husband, object wife, Guid? id = null) => new()
    {
        ["id"] = id ?? Guid.NewGuid(),
        ["marriage"] = new Dictionary<string, object?>
        {
            ["husband"] = husband,
            ["wife"] = wife,
            ["marriageDate"] = date,
            ["marriagePlaceCode"] = village,
            ["witnesses"] = new[]
            {
                new Dictionary<string, object?> { ["name"] = "ហេង សំណាង", ["address"] = "Phum Thmei" },
                new Dictionary<string, object?> { ["name"] = "លី ស្រីមុំ", ["address"] = "Phum Chas" },
            },
            ["propertyRegime"] = "Legal",
            ["informant"] = new Dictionary<string, object?> { ["kind"] = "Relative", ["name"] = "Heng Samnang", ["relationship"] = "uncle of the bride" },
        },
    };

    public static Dictionary<string, object?> Marriage(this Dictionary<string, object?> body) => (Dictionary<string, object?>)body["marriage"]!;

    public static Dictionary<string, object?> DivorceBody(string marriageNumber, string effectiveDate, string e = "Divorce", string caseNumber = "PP-2026-0412") => new()
    {
        ["id"] = Guid.NewGuid(),
        ["event"] = e,
        ["dissolution"] = new Dictionary<string, object?>
        {
            ["marriageNumber"] = marriageNumber,
            ["authority"] = "Court",
            ["court"] = "Phnom Penh Court of First Instance",
            ["caseNumber"] = caseNumber,
            ["decisionDate"] = effectiveDate,
            ["effectiveDate"] = effectiveDate,
            ["petitioner"] = "wife",
            ["dependentChildren"] = 1,
        },
    };

    /// <summary>
    /// Enters, verifies (a second agent) and approves an application posted to <paramref name="route"/>;
    /// the senior registrar approves, so a marriage registered long after the date (late) goes through too.
    /// </summary>
    public static async Task<RegistrationView> RegisterAsync(this NokorHost host, string route, Dictionary<string, object?> body)
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("senior.a");
        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync(route, body));
        await second.StepAsync(entered.Id, "verify");
        return await registrar.StepAsync(entered.Id, "approve");
    }
}

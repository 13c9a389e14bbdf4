using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using Nokor.Population.Contracts;

namespace Nokor.Population.Persons;

internal sealed record KidcValidation(string Code, bool Valid, string? Category, string? Reason);

/// <summary>Checks a KIDC's form and check digit. It says nothing about whether anyone holds the code.</summary>
internal static class ValidateKidc
{
    public static KidcValidation Handle(string code)
    {
        var result = KidcRule.Validate(code);
        return new KidcValidation(code, result.IsValid, result.IsValid ? result.Category?.ToString() : null, result.IsValid ? null : result.Reason);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/kidc/{code}/validation", (string code) => TypedResults.Ok(Handle(code)))
            .RequireAuthorization(PopulationPolicies.Read)
            .WithName("ValidateKidc")
            .WithSummary("Validate a KIDC's format and check digit")
            .WithDescription("Modulus 11 over the ten digits with weights 10..1; the first digit is 1 (citizen) or 2 (foreign resident). Does not reveal whether the code is assigned.");
}

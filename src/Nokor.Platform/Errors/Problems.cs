using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nokor.Platform.Errors;

/// <summary>
/// Stable, machine-readable problem types (RFC 7807 <c>type</c>) and builders for the ProblemDetails
/// every endpoint returns on expected failures.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://nokor.gov.kh/problems/";
    public const string Validation = TypeBase + "validation";
    public const string NotFound = TypeBase + "not-found";
    public const string Conflict = TypeBase + "conflict";
    public const string Unexpected = TypeBase + "unexpected";

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string? title = null) =>
        TypedResults.ValidationProblem(errors, title: title ?? "The request has invalid fields.", type: Validation);

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Collects field errors while validating a request; field names are camelCase JSON paths.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem ToProblem() => Problems.Invalid(ToDictionary());
}

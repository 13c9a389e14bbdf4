using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Nokor.Platform.Errors;

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// The result of a use case, shared by the HTTP endpoints and the Blazor pages that call the same
/// handler in process: a value, field errors, "not found" (also for records outside the caller's
/// area), or a conflict.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, IDictionary<string, string[]>? errors, string? message)
    {
        Kind = kind;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
        Message = message;
    }

    public OutcomeKind Kind { get; }
    public T? Value { get; }
    public IDictionary<string, string[]> Errors { get; }
    public string? Message { get; }
    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);
    public static Outcome<T> Invalid(FieldErrors errors) => new(OutcomeKind.Invalid, default, errors.ToDictionary(), null);
    /// <summary>Passes on the field errors of another outcome (e.g. of a text parsed on the way).</summary>
    public static Outcome<T> Invalid(IDictionary<string, string[]> errors) =>
        new(OutcomeKind.Invalid, default, new Dictionary<string, string[]>(errors, StringComparer.Ordinal), null);
    public static Outcome<T> Invalid(string field, string message) =>
        new(OutcomeKind.Invalid, default, new Dictionary<string, string[]> { [field] = [message] }, null);
    public static Outcome<T> NotFound(string message = "No such record.") => new(OutcomeKind.NotFound, default, null, message);
    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, null, message);

    public Results<Ok<T>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>> ToHttp() => Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(Value),
        OutcomeKind.Invalid => Problems.Invalid(Errors),
        OutcomeKind.NotFound => TypedResults.NotFound(new ProblemDetails
        {
            Type = Problems.NotFound, Title = "Not found.", Status = StatusCodes.Status404NotFound, Detail = Message,
        }),
        _ => TypedResults.Conflict(new ProblemDetails
        {
            Type = Problems.Conflict, Title = "Conflict.", Status = StatusCodes.Status409Conflict, Detail = Message,
        }),
    };
}

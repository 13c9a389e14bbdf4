using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Population.Contracts;

/// <summary>
/// The Population Registry's use cases for staff, as the web pages call them in process: the same
/// handlers as the API under <c>/api/population</c>, with the same validation, jurisdiction and
/// audit. The caller acts in its own area: a person outside it is not found (DESIGN: 404, not 403).
/// </summary>
public interface IPersonDirectory
{
    /// <summary>Registers a person and issues their new, never reused KIDC (POST /persons).</summary>
    Task<Outcome<PersonRecord>> RegisterAsync(RegisterPersonRequest request, Actor actor, CancellationToken ct);

    /// <summary>A person by KIDC, after recording the read with its stated purpose (GET /persons/{kidc}).</summary>
    Task<Outcome<PersonRecord>> GetAsync(string kidc, string? purpose, Actor actor, CancellationToken ct);

    /// <summary>
    /// A person's record as the correction form shows it (the stored fields, without children or
    /// place names), or null when no person with this KIDC is in the caller's area. Opening the
    /// form shows the whole record, so it is audited as a read with the purpose "Record correction".
    /// </summary>
    Task<PersonRecord?> GetForCorrectionAsync(string kidc, Actor actor, CancellationToken ct);

    /// <summary>Changes a person and makes a new version (PATCH /persons/{kidc}).</summary>
    Task<Outcome<PersonRecord>> UpdateAsync(string kidc, UpdatePersonRequest request, Actor actor, CancellationToken ct);

    /// <summary>A person's versions, newest first, after recording the read (GET /persons/{kidc}/history).</summary>
    Task<Outcome<IReadOnlyList<PersonVersion>>> HistoryAsync(string kidc, string? purpose, Actor actor, CancellationToken ct);

    /// <summary>
    /// People by KIDC, or by a name as clerks type it (GET /persons): either order, another
    /// romanization, a typing error, the other script; best first, each row with why it matched.
    /// The search and its results are audited with the purpose.
    /// </summary>
    Task<Outcome<PersonSearchResult>> SearchAsync(PersonSearchRequest request, Actor actor, CancellationToken ct);
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Web.Localization;

namespace Nokor.Web.Components.Shared.Civil;

/// <summary>What an entry form shows when the service refused the application: field errors beside their fields, or a message.</summary>
/// <param name="Errors">Field errors by error key, in the UI language.</param>
/// <param name="Message">A refusal without a field (a conflict), in the UI language.</param>
/// <param name="NewClientId">True when nothing was stored under the form's id and the next send needs a new one.</param>
public sealed record EntryRefusal(IDictionary<string, string[]>? Errors, string? Message, bool NewClientId);

/// <summary>
/// Sends an application entered on a form, the same way for every event: to the record page when it
/// is stored (a fresh GET, so a reload never sends it twice); otherwise the refusal, answered with
/// 400 (field errors) or 409 (a conflict: the id is someone else's or the source was taken meanwhile).
/// </summary>
public static class CivilEntrySubmit
{
    public static async Task<EntryRefusal?> SendAsync(
        Func<Task<Outcome<RegistrationView>>> enter, HttpContext http, NavigationManager navigation)
    {
        var outcome = await enter();
        if (outcome.IsOk)
        {
            navigation.NavigateTo($"/civil/registrations/{outcome.Value!.Id}", forceLoad: true);
            return null;
        }

        if (outcome.Kind == OutcomeKind.Invalid)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return new EntryRefusal(UiText.CivilErrors(outcome.Errors), null, false);
        }

        http.Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return new EntryRefusal(null, UiText.CivilMessage(outcome.Message ?? ""), outcome.Kind == OutcomeKind.Conflict);
    }
}

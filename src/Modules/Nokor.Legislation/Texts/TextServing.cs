using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Texts;

/// <summary>What the public face does with a stored text that it cannot serve.</summary>
internal static class TextServing
{
    /// <summary>
    /// Stored texts are bounded by <see cref="LegislationOptions.MaxStoredCharacters"/> when they
    /// are written; a row over it (stored before the limit existed, or the limit lowered since)
    /// is not sent, so no public answer is larger than the limit.
    /// </summary>
    public static ProblemHttpResult? Unservable(TextEntity text, LegislationOptions options) =>
        text.Xml.Length > options.MaxStoredCharacters
            ? Unavailable(text.ExpressionUri, $"its XML has {text.Xml.Length:N0} characters, over the {options.MaxStoredCharacters:N0} served")
            : null;

    public static ProblemHttpResult Unavailable(string expressionUri, string why) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        type: Problems.TypeBase + "text-unavailable",
        title: "This text cannot be served.",
        detail: $"{expressionUri} is held but cannot be served: {why}. The Secretariat of the Senate has to correct it.");
}

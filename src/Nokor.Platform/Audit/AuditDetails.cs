using System.Text.Encodings.Web;
using System.Text.Json;

namespace Nokor.Platform.Audit;

/// <summary>
/// The one way to write an audit entry's details: an object serialised by System.Text.Json, so a
/// quote, a backslash or a line break in a name or a reason can never break the entry's JSON.
/// Property names are camelCase; Khmer stays readable (the details are stored and hashed, never
/// written into HTML unencoded).
/// </summary>
public static class AuditDetails
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>For example <c>AuditDetails.Of(new { source = "Crvs", fields = new[] { "surnameKm" } })</c>.</summary>
    public static string Of(object details) => JsonSerializer.Serialize(details, details.GetType(), Options);
}

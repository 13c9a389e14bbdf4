using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Texts;

/// <summary>The text a URI names as Akoma Ntoso 3.0 XML, checked against the official schema, for export.</summary>
internal static class ExportText
{
    public static async Task<ExportedText?> HandleAsync(string uri, string? language, DateOnly? asOf, LegalTexts texts, CancellationToken ct) =>
        await texts.ResolveAsync(uri, language, asOf, ct) is { } text
            ? new ExportedText(text.ExpressionUri, text.Xml, AknSchema.Validate(text.Xml).Select(e => e.ToString()).ToList())
            : null;
}

using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Texts;

/// <summary>The text a URI names, with its HTML rendering, for the page that shows a law or a bill's version.</summary>
internal static class ShowText
{
    public static async Task<RenderedText?> HandleAsync(string uri, string? language, DateOnly? asOf, LegalTexts texts, CancellationToken ct)
    {
        if (await texts.ResolveAsync(uri, language, asOf, ct) is not { } entity)
        {
            return null;
        }

        // The renderer encodes every piece of text and emits nothing executable.
        return new RenderedText(entity.Id, entity.WorkUri, entity.ExpressionUri, entity.Language, entity.ValidFrom, entity.ValidTo, entity.VersionLabel,
            entity.ActId, entity.BillId, AknHtml.Render(TextStore.Load(entity)));
    }
}

using Nokor.Legislation.Texts;

namespace Nokor.Legislation.Bills;

/// <summary>A bill's current version read back as a text, for the page where senators comment article by article.</summary>
internal static class ReadCurrentText
{
    public static async Task<LegalText?> HandleAsync(BillView bill, LegalTexts texts, CancellationToken ct) =>
        bill.CurrentTextId is { } currentId && bill.Versions.FirstOrDefault(v => v.TextId == currentId) is { } current
            && await texts.ResolveAsync(current.ExpressionUri, null, null, ct) is { } entity
            ? TextStore.Load(entity)
            : null;
}

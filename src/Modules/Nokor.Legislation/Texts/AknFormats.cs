using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Texts;

/// <summary>The module's one door to the Akoma Ntoso library: reading, writing and naming texts.</summary>
internal static class AknFormats
{
    public static (LegalText? Text, IReadOnlyList<string> Errors) ReadPlain(string input, AknWork work, string language, DateOnly? versionDate)
    {
        var result = PlainTextImporter.Parse(input, work, language, versionDate);
        return (result.Text, result.Errors.Select(e => e.ToString()).ToList());
    }

    public static (LegalText? Text, IReadOnlyList<string> Errors) ReadXml(string xml, AknLimits limits)
    {
        var result = AknReader.Read(xml, limits);
        return (result.Text, result.Errors.Select(e => e.ToString()).ToList());
    }

    public static string Write(LegalText text, AknWriterOptions? meta = null) => AknWriter.Write(text, meta);

    public static string WorkUri(AknWork work) => FrbrUri.Work(work);

    public static string ExpressionUri(AknWork work, string language, DateOnly? versionDate) => FrbrUri.Expression(work, language, versionDate);
}

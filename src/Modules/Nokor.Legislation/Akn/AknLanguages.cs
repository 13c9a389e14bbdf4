namespace Nokor.Legislation.Akn;

/// <summary>
/// The expression languages the platform holds: Khmer, the original language of every Cambodian
/// text, and English, a translation (issue 5, "Texts as Akoma Ntoso").
/// </summary>
internal static class AknLanguages
{
    /// <summary>Khmer (ISO 639-2), the language of the authoritative original.</summary>
    public const string Khmer = "khm";

    /// <summary>English (ISO 639-2), held as a translation of the Khmer original.</summary>
    public const string English = "eng";

    /// <summary>True for "khm" and "eng".</summary>
    public static bool IsSupported(string? language) => language is Khmer or English;

    /// <summary>The BCP 47 tag for HTML and xml:lang: "km" or "en".</summary>
    public static string ToBcp47(string language) => language switch
    {
        Khmer => "km",
        English => "en",
        _ => throw new ArgumentException($"Unsupported language \"{language}\".", nameof(language)),
    };
}

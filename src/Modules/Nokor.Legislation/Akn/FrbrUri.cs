using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Nokor.Legislation.Akn;

/// <summary>The FRBR level an Akoma Ntoso IRI names.</summary>
internal enum FrbrLevel
{
    Work,
    Expression,
    Manifestation,
}

/// <summary>
/// A parsed Akoma Ntoso IRI: the work, and for an expression or a manifestation the language and
/// version date, for a manifestation its format, and the component ("main") when one was named.
/// </summary>
internal sealed record FrbrReference(
    FrbrLevel Level,
    AknWork Work,
    string? Language = null,
    DateOnly? VersionDate = null,
    string? Component = null,
    string? Format = null)
{
    /// <summary>The IRI in canonical form.</summary>
    public override string ToString() => Level switch
    {
        FrbrLevel.Work => FrbrUri.Work(Work),
        _ => FrbrUri.Expression(Work, Language!, VersionDate)
            + (Component is null ? "" : "/!" + Component)
            + (Format is null ? "" : "." + Format),
    };
}

/// <summary>
/// Builds and parses IRIs in the OASIS "Akoma Ntoso Naming Convention Version 1.0" (2019), the
/// identifiers every text of the legal database is stored, linked and exported under:
/// <list type="bullet">
/// <item>work: <c>/akn/kh/act/2024-05-01/12</c>, with the optional subtype after the document
/// type (<c>/akn/kh/act/constitution/1993-09-24/1</c>; NC 1.0 section 4.4: country, type,
/// subtype, [actor], date, number);</item>
/// <item>expression: the work, <c>/</c>, the ISO 639-2 language and <c>@</c>, followed by the
/// version date for a later version: <c>…/12/khm@</c> is the original, <c>…/12/khm@2025-03-01</c>
/// the text as amended on that date;</item>
/// <item>manifestation: the expression and a format extension, <c>…/12/khm@2025-03-01.akn</c>,
/// optionally through a component: <c>…/12/khm@/!main.xml</c>.</item>
/// </list>
/// Only Cambodian (<c>kh</c>) acts and bills are accepted: the platform holds nothing else.
/// </summary>
internal static partial class FrbrUri
{
    /// <summary>The component name of the document itself (NC 1.0: "!main").</summary>
    public const string MainComponent = "main";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex("^(?<lang>[a-z]{3})@(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})?(?:\\.(?<format>[a-z0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpressionRegex();

    [GeneratedRegex("^!(?<component>[a-z][a-z0-9_-]*)(?:\\.(?<format>[a-z0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ComponentRegex();

    /// <summary>True when the text can be a work number or subtype: lower-case ASCII letters, digits and single hyphens.</summary>
    public static bool IsValidName(string? value) => value is { Length: > 0 and <= 100 } && NameRegex().IsMatch(value);

    /// <summary>The work IRI, e.g. <c>/akn/kh/act/2024-05-01/12</c>.</summary>
    public static string Work(AknWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsValidName(work.Number))
        {
            throw new ArgumentException($"The work number \"{work.Number}\" must be lower-case ASCII letters, digits and hyphens.", nameof(work));
        }

        if (work.Subtype is not null && (!IsValidName(work.Subtype) || DateRegex().IsMatch(work.Subtype)))
        {
            throw new ArgumentException($"The subtype \"{work.Subtype}\" must be lower-case ASCII letters, digits and hyphens.", nameof(work));
        }

        var subtype = work.Subtype is null ? "" : "/" + work.Subtype;
        return $"/akn/{AknWork.Country}/{TypeName(work.Type)}{subtype}/{FormatDate(work.Date)}/{work.Number}";
    }

    /// <summary>The expression IRI: <c>…/khm@</c> for the original version, <c>…/khm@2025-03-01</c> for a later one.</summary>
    public static string Expression(AknWork work, string language, DateOnly? versionDate)
    {
        CheckLanguage(language);
        return $"{Work(work)}/{language}@{(versionDate is { } date ? FormatDate(date) : "")}";
    }

    /// <summary>The manifestation IRI: the expression with a format extension, e.g. <c>…/khm@2025-03-01.akn</c>.</summary>
    public static string Manifestation(AknWork work, string language, DateOnly? versionDate, string format = "akn")
    {
        if (format is not { Length: > 0 } || !format.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("The format must be lower-case ASCII letters and digits.", nameof(format));
        }

        return $"{Expression(work, language, versionDate)}.{format}";
    }

    /// <summary>The FRBRthis of the work's main component: <c>…/12/!main</c>.</summary>
    public static string WorkThis(AknWork work) => $"{Work(work)}/!{MainComponent}";

    /// <summary>The FRBRthis of the expression's main component: <c>…/khm@/!main</c>.</summary>
    public static string ExpressionThis(AknWork work, string language, DateOnly? versionDate) =>
        $"{Expression(work, language, versionDate)}/!{MainComponent}";

    /// <summary>The FRBRthis of the XML manifestation of the main component: <c>…/khm@/!main.xml</c>.</summary>
    public static string ManifestationThis(AknWork work, string language, DateOnly? versionDate) =>
        $"{ExpressionThis(work, language, versionDate)}.xml";

    /// <summary>Parses an IRI, throwing <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static FrbrReference Parse(string uri) =>
        TryParse(uri, out var reference, out var error) ? reference : throw new FormatException(error);

    /// <summary>
    /// Parses a work, expression or manifestation IRI of a Cambodian act or bill. On failure
    /// <paramref name="error"/> says which part is wrong.
    /// </summary>
    public static bool TryParse(string? uri, [NotNullWhen(true)] out FrbrReference? reference, out string error)
    {
        reference = null;
        error = "";
        if (string.IsNullOrEmpty(uri))
        {
            error = "The IRI is empty.";
            return false;
        }

        if (uri.Length > 500)
        {
            error = "The IRI is longer than 500 characters.";
            return false;
        }

        if (!uri.StartsWith("/akn/", StringComparison.Ordinal))
        {
            error = $"\"{uri}\" is not an Akoma Ntoso IRI: it must start with \"/akn/\".";
            return false;
        }

        var segments = uri[5..].Split('/');
        if (segments[0] != AknWork.Country)
        {
            error = $"\"{uri}\": the country must be \"{AknWork.Country}\", not \"{segments[0]}\".";
            return false;
        }

        if (segments.Length < 2 || TypeFromName(segments[1]) is not { } type)
        {
            error = $"\"{uri}\": the document type must be \"act\" or \"bill\".";
            return false;
        }

        var index = 2;
        string? subtype = null;
        if (index < segments.Length && !DateRegex().IsMatch(segments[index]))
        {
            subtype = segments[index];
            if (!IsValidName(subtype))
            {
                error = $"\"{uri}\": \"{subtype}\" is neither a date (YYYY-MM-DD) nor a subtype (lower-case letters, digits, hyphens).";
                return false;
            }

            index++;
        }

        if (index >= segments.Length || !TryParseDate(segments[index], out var date))
        {
            error = $"\"{uri}\": the work date must follow the document type{(subtype is null ? "" : " and subtype")} as a valid date YYYY-MM-DD.";
            return false;
        }

        index++;
        if (index >= segments.Length || !IsValidName(segments[index]))
        {
            error = $"\"{uri}\": the work number must follow the date, in lower-case ASCII letters, digits and hyphens.";
            return false;
        }

        var work = new AknWork(type, date, segments[index], subtype);
        index++;
        if (index == segments.Length)
        {
            reference = new FrbrReference(FrbrLevel.Work, work);
            return true;
        }

        var expression = ExpressionRegex().Match(segments[index]);
        if (!expression.Success)
        {
            error = $"\"{uri}\": after the work number comes the expression, a three-letter language code and \"@\" with an optional version date (\"khm@\", \"eng@2025-03-01\"), not \"{segments[index]}\".";
            return false;
        }

        DateOnly? versionDate = null;
        if (expression.Groups["date"].Success)
        {
            if (!TryParseDate(expression.Groups["date"].Value, out var parsedVersion))
            {
                error = $"\"{uri}\": the version date \"{expression.Groups["date"].Value}\" is not a valid date.";
                return false;
            }

            versionDate = parsedVersion;
        }

        var language = expression.Groups["lang"].Value;
        string? format = expression.Groups["format"].Success ? expression.Groups["format"].Value : null;
        string? component = null;
        index++;
        if (index < segments.Length)
        {
            var componentMatch = ComponentRegex().Match(segments[index]);
            if (format is not null || index != segments.Length - 1 || !componentMatch.Success)
            {
                error = $"\"{uri}\": only a component such as \"/!main\" or \"/!main.xml\" may follow the expression.";
                return false;
            }

            component = componentMatch.Groups["component"].Value;
            format = componentMatch.Groups["format"].Success ? componentMatch.Groups["format"].Value : null;
        }

        reference = new FrbrReference(
            format is null ? FrbrLevel.Expression : FrbrLevel.Manifestation,
            work,
            language,
            versionDate,
            component,
            format);
        return true;
    }

    internal static string TypeName(AknDocType type) => type switch
    {
        AknDocType.Act => "act",
        AknDocType.Bill => "bill",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    internal static AknDocType? TypeFromName(string name) => name switch
    {
        "act" => AknDocType.Act,
        "bill" => AknDocType.Bill,
        _ => null,
    };

    internal static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        return DateRegex().IsMatch(text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static void CheckLanguage(string language)
    {
        if (language is not { Length: 3 } || !language.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException($"The language \"{language}\" must be an ISO 639-2 code of three lower-case letters.", nameof(language));
        }
    }
}

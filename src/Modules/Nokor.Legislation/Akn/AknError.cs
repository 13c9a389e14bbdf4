using System.Diagnostics.CodeAnalysis;

namespace Nokor.Legislation.Akn;

/// <summary>
/// One problem found in a text or a document: a 1-based line (0 when it concerns the whole
/// input), a 1-based column (0 when unknown) and a message saying what is wrong.
/// </summary>
internal sealed record AknError(int Line, int Column, string Message)
{
    public override string ToString() => Line == 0
        ? Message
        : Column == 0 ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}

/// <summary>The outcome of an import or a read: a text, or the errors that prevented it (never both).</summary>
internal sealed record AknResult(LegalText? Text, IReadOnlyList<AknError> Errors)
{
    [MemberNotNullWhen(true, nameof(Text))]
    public bool Succeeded => Text is not null && Errors.Count == 0;

    internal static AknResult Success(LegalText text) => new(text, []);

    internal static AknResult Failure(IReadOnlyList<AknError> errors) => new(null, errors);

    internal static AknResult Failure(int line, int column, string message) => new(null, [new AknError(line, column, message)]);
}

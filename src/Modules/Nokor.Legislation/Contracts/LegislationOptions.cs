namespace Nokor.Legislation.Contracts;

/// <summary>A review period: months and days added to the day the Senate received the law.</summary>
public sealed class ReviewPeriod
{
    public int Months { get; set; }
    public int Days { get; set; }

    public DateOnly From(DateOnly received) => received.AddMonths(Months).AddDays(Days);

    public override string ToString() => Months > 0 && Days > 0 ? $"{Months} month(s) {Days} day(s)" : Months > 0 ? $"{Months} month(s)" : $"{Days} day(s)";
}

/// <summary>Settings under <c>Legislation</c>.</summary>
public sealed class LegislationOptions
{
    public const string Section = "Legislation";

    /// <summary>
    /// Article 113 of the Constitution: the Senate reviews a law adopted by the National Assembly
    /// within one month of receiving it.
    /// </summary>
    public ReviewPeriod NormalPeriod { get; set; } = new() { Months = 1 };

    /// <summary>Article 113: five days when the law is declared urgent.</summary>
    public ReviewPeriod UrgentPeriod { get; set; } = new() { Days = 5 };

    /// <summary>
    /// The period for the budget law (the annual law on financial management). The Constitution
    /// names no separate period for it, so the default is the normal month; the Secretariat sets
    /// the period its rules give. A budget law declared urgent takes the shorter of the two.
    /// </summary>
    public ReviewPeriod BudgetPeriod { get; set; } = new() { Months = 1 };

    /// <summary>Days left at which a bill is flagged when the settings name none.</summary>
    public static readonly IReadOnlyList<int> DefaultWarnings = [10, 5, 2];

    /// <summary>
    /// Days left at which a bill is flagged (the smallest threshold reached is shown); empty or
    /// absent: <see cref="DefaultWarnings"/>. No default in the array itself: the configuration
    /// binder adds configured elements to an array that already has some instead of replacing them.
    /// </summary>
    public int[]? WarnAtDaysLeft { get; set; }

    public IReadOnlyList<int> Warnings => WarnAtDaysLeft is { Length: > 0 } configured ? configured : DefaultWarnings;

    /// <summary>The largest text accepted for import, in characters.</summary>
    public int MaxTextCharacters { get; set; } = 4_000_000;

    /// <summary>
    /// The deepest nesting of hierarchical units (part, chapter, section, article, paragraph,
    /// point…) accepted in an imported text, 1 to <see cref="Akn.AknLimits.HardMaxDepth"/>; checked on
    /// the XML stream before the schema validation. Real laws go about ten levels deep.
    /// </summary>
    public int MaxNestingDepth { get; set; } = Akn.AknLimits.DefaultMaxDepth;

    /// <summary>
    /// The longest Akoma Ntoso XML stored for one expression, in characters (at most
    /// <see cref="Akn.AknSchema.MaxDocumentCharacters"/>, what the reader reads back). Twice the
    /// largest import leaves room for the markup of a text of many short articles.
    /// </summary>
    public int MaxStoredCharacters { get; set; } = 8_000_000;

    /// <summary>The reader's limits for an import.</summary>
    internal Akn.AknLimits AknLimits => new() { MaxDepth = MaxNestingDepth };

    /// <summary>Why these settings cannot be used, or null when they can.</summary>
    public string? Problem() =>
        MaxNestingDepth is < 1 or > Akn.AknLimits.HardMaxDepth ? $"{Section}:MaxNestingDepth is between 1 and {Akn.AknLimits.HardMaxDepth}."
        : MaxStoredCharacters is < 1 or > Akn.AknSchema.MaxDocumentCharacters ? $"{Section}:MaxStoredCharacters is between 1 and {Akn.AknSchema.MaxDocumentCharacters:N0}."
        : MaxTextCharacters < 1 ? $"{Section}:MaxTextCharacters is at least 1."
        : null;
}

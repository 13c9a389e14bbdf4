namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>
/// Settings of the courts' interface (configuration section <c>CivilRegistration:CourtDecisions</c>):
/// the courts whose decisions are received, the format of their case numbers and the largest PDF.
/// </summary>
internal sealed class CourtDecisionOptions
{
    /// <summary>
    /// A case number as Cambodian courts write it: the case's sequence in the court's register, a
    /// slash, and the year it was filed ("1234/2026"). Replace it when the courts' system sends
    /// another form; <see cref="CaseNumberFormat"/> is what the refusal tells the sender.
    /// </summary>
    public string CaseNumberPattern { get; set; } = @"^[1-9][0-9]{0,5}/(19|20)[0-9]{2}$";

    /// <summary>The case number's format as the refusal on <c>caseNumber</c> describes it.</summary>
    public string CaseNumberFormat { get; set; } = "<n>/<yyyy>, e.g. 1234/2026";

    /// <summary>The largest decision PDF accepted, in bytes.</summary>
    public long MaxPdfBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The courts whose decisions are received, replacing the built-in list when set (the
    /// configuration binder appends to a list that has items, hence null here and
    /// <see cref="EffectiveCourts"/>).
    /// </summary>
    public CourtEntry[]? Courts { get; set; }

    public IReadOnlyList<CourtEntry> EffectiveCourts => Courts is { Length: > 0 } courts ? courts : DefaultCourts;

    /// <summary>
    /// The courts that decide divorces, adoptions, paternity and names: the Supreme Court, the Court
    /// of Appeal, and the municipal and provincial courts of first instance (one per province,
    /// gazetteer province codes).
    /// </summary>
    public static readonly IReadOnlyList<CourtEntry> DefaultCourts =
    [
        new() { Name = "Supreme Court" },
        new() { Name = "Court of Appeal" },
        .. new (string Code, string Province, string Kind)[]
        {
            ("01", "Banteay Meanchey", "Provincial"), ("02", "Battambang", "Provincial"), ("03", "Kampong Cham", "Provincial"),
            ("04", "Kampong Chhnang", "Provincial"), ("05", "Kampong Speu", "Provincial"), ("06", "Kampong Thom", "Provincial"),
            ("07", "Kampot", "Provincial"), ("08", "Kandal", "Provincial"), ("09", "Koh Kong", "Provincial"),
            ("10", "Kratie", "Provincial"), ("11", "Mondulkiri", "Provincial"), ("12", "Phnom Penh", "Municipal"),
            ("13", "Preah Vihear", "Provincial"), ("14", "Prey Veng", "Provincial"), ("15", "Pursat", "Provincial"),
            ("16", "Ratanakiri", "Provincial"), ("17", "Siem Reap", "Provincial"), ("18", "Preah Sihanouk", "Provincial"),
            ("19", "Stung Treng", "Provincial"), ("20", "Svay Rieng", "Provincial"), ("21", "Takeo", "Provincial"),
            ("22", "Oddar Meanchey", "Provincial"), ("23", "Kep", "Provincial"), ("24", "Pailin", "Provincial"),
            ("25", "Tbong Khmum", "Provincial"),
        }.Select(c => new CourtEntry { Name = $"{c.Province} {c.Kind} Court of First Instance", AreaCode = c.Code }),
    ];
}

/// <summary>A court the interface receives decisions from.</summary>
internal sealed class CourtEntry
{
    /// <summary>The name the courts' system sends (compared without regard to case).</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The gazetteer area of the court's territory (a province code), or null for a national court:
    /// a decision whose office cannot be found from the registry (a person not found) is held for
    /// review there.
    /// </summary>
    public string? AreaCode { get; set; }
}

using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Khmer;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>The statistical record of one registered event, as the tabulations read it.</summary>
internal sealed record StatFact(
    VitalEvent Event,
    int OccurrenceYear,
    int OccurrenceMonth,
    int? RegistrationYear,
    string OccurrenceCode,
    string? ResidenceCode,
    string? PlaceKind,
    string? Sex,
    int DelayDays,
    int? MotherAge,
    int? BirthOrder,
    string? Attendant,
    string? BirthType,
    int? BirthWeightGrams,
    int? AgeDays,
    int? AgeYears,
    string? UnderlyingCause,
    bool MedicallyCertified,
    string? Manner,
    bool Maternal,
    int? HusbandAge = null,
    int? WifeAge = null,
    string? HusbandPreviousStatus = null,
    string? WifePreviousStatus = null,
    int? MarriageYears = null,
    int? DependentChildren = null,
    int? GestationWeeks = null);

/// <summary>The area a set of tables is for, and the areas one level below it (the rows of "by place" tables).</summary>
internal sealed record AreaScope(string Code, StatLabel Name, IReadOnlyList<StatLabel> Children)
{
    public int ChildLength => Code.Length switch { 0 => 2, 2 => 4, 4 => 6, _ => 8 };

    public bool Contains(string? code) => Code.Length == 0 || (code is not null && code.StartsWith(Code, StringComparison.Ordinal));

    public string? ChildOf(string? code) => code is not null && code.Length >= ChildLength && Contains(code) ? code[..ChildLength] : null;
}

/// <summary>
/// The tabulation plan (UN Principles and Recommendations for a Vital Statistics System, Rev. 3,
/// minimum tabulation programme) computed over registered events in one pass: live births (with
/// the late foetal deaths the plan puts beside them), deaths, marriages and divorces. Births, foetal
/// deaths and deaths are by sex; marriages and divorces are by couple (age of groom by age of bride,
/// previous marital status of each, duration of the marriage, dependent children). "Not stated"
/// rows and columns keep the totals whole.
/// </summary>
internal static class Tabulator
{
    public static readonly StatLabel[] SexColumns =
    [
        new("Male", "ប្រុស", "Male"),
        new("Female", "ស្រី", "Female"),
        new("NotStated", "មិនបានបញ្ជាក់", "Not stated"),
        new("Total", "សរុប", "Total"),
    ];

    private static readonly StatLabel NotStated = new("NotStated", "មិនបានបញ្ជាក់", "Not stated");

    public static readonly StatLabel[] Months = Enumerable.Range(1, 12).Select(m => new StatLabel(
        m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        new[] { "មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ" }[m - 1],
        System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m))).ToArray();

    /// <summary>Age of the mother: under 15, five-year groups 15-19 to 45-49, 50 and over.</summary>
    public static readonly StatLabel[] MotherAgeGroups =
    [
        new("0-14", "ក្រោម ១៥ ឆ្នាំ", "Under 15"),
        .. Enumerable.Range(0, 7).Select(i => new StatLabel($"{15 + (5 * i)}-{19 + (5 * i)}", $"{KhmerNumerals.ToKhmer(15 + (5 * i))}-{KhmerNumerals.ToKhmer(19 + (5 * i))} ឆ្នាំ", $"{15 + (5 * i)}-{19 + (5 * i)}")),
        new("50+", "៥០ ឆ្នាំ ឡើង", "50 and over"),
        NotStated,
    ];

    public static readonly StatLabel[] BirthOrders =
    [
        new("1", "ទី ១", "1st"), new("2", "ទី ២", "2nd"), new("3", "ទី ៣", "3rd"), new("4", "ទី ៤", "4th"), new("5+", "ទី ៥ ឡើង", "5th and higher"), NotStated,
    ];

    public static readonly StatLabel[] PlaceKinds =
    [
        new("HealthFacility", "មូលដ្ឋានសុខាភិបាល", "Health facility"), new("Home", "ផ្ទះ", "Home"), new("Other", "កន្លែងផ្សេង", "Other place"), NotStated,
    ];

    public static readonly StatLabel[] Attendants =
    [
        new("Doctor", "វេជ្ជបណ្ឌិត", "Doctor"), new("Midwife", "ឆ្មប", "Midwife"), new("Nurse", "គិលានុបដ្ឋាក", "Nurse"),
        new("TraditionalBirthAttendant", "ឆ្មបបុរាណ", "Traditional birth attendant"), new("Relative", "សាច់ញាតិ", "Relative"),
        new("None", "គ្មាន", "None"), new("Other", "ផ្សេងៗ", "Other"), NotStated,
    ];

    public static readonly StatLabel[] WeightClasses =
    [
        new("0-1499", "ក្រោម ១ ៥០០ ក្រាម", "Under 1,500 g"), new("1500-2499", "១ ៥០០-២ ៤៩៩ ក្រាម", "1,500-2,499 g"),
        new("2500-2999", "២ ៥០០-២ ៩៩៩ ក្រាម", "2,500-2,999 g"), new("3000-3499", "៣ ០០០-៣ ៤៩៩ ក្រាម", "3,000-3,499 g"),
        new("3500-3999", "៣ ៥០០-៣ ៩៩៩ ក្រាម", "3,500-3,999 g"), new("4000+", "៤ ០០០ ក្រាម ឡើង", "4,000 g and over"), NotStated,
    ];

    public static readonly StatLabel[] BirthTypes =
    [
        new("Single", "កូនមួយ", "Single"), new("Twin", "កូនភ្លោះពីរ", "Twin"), new("Triplet", "កូនភ្លោះបី", "Triplet"), new("Higher", "ច្រើនជាងបី", "Quadruplet or more"), NotStated,
    ];

    /// <summary>Age at death: the infant groups the issue and UN Table 4.3 ask for, then single years to 4 and five-year bands.</summary>
    public static readonly StatLabel[] DeathAgeGroups =
    [
        new("0d", "ក្រោម ២៤ ម៉ោង", "Under 24 hours"),
        new("1-7d", "១-៧ ថ្ងៃ", "1-7 days"),
        new("8-27d", "៨-២៧ ថ្ងៃ", "8-27 days"),
        new("28d-11m", "២៨ ថ្ងៃ-១១ ខែ", "28 days-11 months"),
        new("0y", "ក្រោម ១ ឆ្នាំ (អាយុមិនច្បាស់ថ្ងៃ)", "Under 1 year (days not known)"),
        .. Enumerable.Range(1, 4).Select(y => new StatLabel($"{y}y", $"{KhmerNumerals.ToKhmer(y)} ឆ្នាំ", $"{y} year{(y == 1 ? "" : "s")}")),
        .. Enumerable.Range(1, 16).Select(i => new StatLabel($"{5 * i}-{(5 * i) + 4}", $"{KhmerNumerals.ToKhmer(5 * i)}-{KhmerNumerals.ToKhmer((5 * i) + 4)} ឆ្នាំ", $"{5 * i}-{(5 * i) + 4} years")),
        new("85+", "៨៥ ឆ្នាំ ឡើង", "85 years and over"),
        NotStated,
    ];

    public static readonly StatLabel[] Manners =
    [
        new("Disease", "ជំងឺ", "Disease"), new("Accident", "គ្រោះថ្នាក់", "Accident"), new("IntentionalSelfHarm", "ធ្វើអត្តឃាត", "Intentional self-harm"),
        new("Assault", "ការវាយប្រហារ", "Assault"), new("LegalIntervention", "អន្តរាគមន៍ច្បាប់", "Legal intervention"), new("War", "សង្គ្រាម", "War"),
        new("PendingInvestigation", "កំពុងស៊ើបអង្កេត", "Pending investigation"), new("CouldNotBeDetermined", "មិនអាចកំណត់បាន", "Could not be determined"), NotStated,
    ];

    /// <summary>The names of the tables in the plan, in order (the foetal deaths with the births, where the plan puts them).</summary>
    public static readonly string[] Names =
    [
        "births-month", "births-mother-age", "births-order", "births-place-occurrence", "births-place-residence", "births-place-kind",
        "births-attendant", "births-weight", "births-type", "foetal-deaths-gestation", "foetal-deaths-mother-age",
        "deaths-age", "deaths-month", "deaths-place-occurrence", "deaths-place-residence", "deaths-place-kind", "deaths-cause", "deaths-manner",
        "marriages-month", "marriages-place-occurrence", "marriages-age", "marriages-previous-status",
        "divorces-month", "divorces-age", "divorces-duration", "divorces-children",
    ];

    /// <summary>Age of a spouse: below the Civil Code's ages (art. 948: 18, 16 with consent), then groups.</summary>
    public static readonly StatLabel[] SpouseAgeGroups =
    [
        new("0-15", "ក្រោម ១៦ ឆ្នាំ", "Under 16"), new("16-17", "១៦-១៧", "16-17"), new("18-19", "១៨-១៩", "18-19"),
        new("20-24", "២០-២៤", "20-24"), new("25-29", "២៥-២៩", "25-29"), new("30-34", "៣០-៣៤", "30-34"), new("35-39", "៣៥-៣៩", "35-39"),
        new("40-49", "៤០-៤៩", "40-49"), new("50-59", "៥០-៥៩", "50-59"), new("60+", "៦០ ឡើង", "60 and over"), NotStated,
    ];

    /// <summary>Marital status before the marriage (UN P&amp;R Rev. 3: single/never married, widowed, divorced).</summary>
    public static readonly StatLabel[] PreviousStatuses =
    [
        new("Single", "នៅលីវ (មិនធ្លាប់រៀបការ)", "Single (never married)"), new("Widowed", "មេម៉ាយ/ពោះម៉ាយ", "Widowed"),
        new("Divorced", "លែងលះ", "Divorced"), NotStated,
    ];

    /// <summary>Duration of the marriage in completed years.</summary>
    public static readonly StatLabel[] Durations =
    [
        new("0", "ក្រោម ១ ឆ្នាំ", "Under 1 year"),
        .. Enumerable.Range(1, 4).Select(y => new StatLabel($"{y}", $"{KhmerNumerals.ToKhmer(y)} ឆ្នាំ", $"{y} year{(y == 1 ? "" : "s")}")),
        new("5-9", "៥-៩ ឆ្នាំ", "5-9 years"), new("10-14", "១០-១៤ ឆ្នាំ", "10-14 years"), new("15-19", "១៥-១៩ ឆ្នាំ", "15-19 years"),
        new("20+", "២០ ឆ្នាំ ឡើង", "20 years and over"), NotStated,
    ];

    public static readonly StatLabel[] ChildCounts =
    [
        new("0", "គ្មាន", "None"), new("1", "១ នាក់", "1"), new("2", "២ នាក់", "2"), new("3", "៣ នាក់", "3"), new("4", "៤ នាក់", "4"),
        new("5+", "៥ នាក់ ឡើង", "5 and more"), NotStated,
    ];

    /// <summary>Completed weeks of gestation: late foetal deaths are those of 28 weeks or more (WHO, UN P&amp;R Rev. 3).</summary>
    public static readonly StatLabel[] GestationGroups =
    [
        new("28-31", "២៨-៣១ សប្ដាហ៍", "28-31 weeks"), new("32-36", "៣២-៣៦ សប្ដាហ៍", "32-36 weeks"), new("37-41", "៣៧-៤១ សប្ដាហ៍", "37-41 weeks"),
        new("42+", "៤២ សប្ដាហ៍ ឡើង", "42 weeks and over"), new("0-27", "ក្រោម ២៨ សប្ដាហ៍ (មិនមែនការស្លាប់ទារកក្នុងផ្ទៃចុង)", "Under 28 weeks (not late foetal deaths)"),
        NotStated,
    ];

    /// <summary>Every table of the plan for the facts given (already restricted to the year and basis), counted for the area.</summary>
    public static List<StatTable> Tabulate(IEnumerable<StatFact> facts, AreaScope area, int year, TabulationBasis basis)
    {
        var specs = Specs(area);
        var counts = specs.ToDictionary(s => s.Name, s => new long[s.Rows.Count, 3]);
        var rowIndex = specs.ToDictionary(s => s.Name, s => s.Rows.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal));
        foreach (var f in facts)
        {
            if (!area.Contains(f.ResidenceCode))
            {
                continue;
            }

            var sex = f.Sex switch { "Male" => 0, "Female" => 1, _ => 2 };
            foreach (var spec in specs)
            {
                if (spec.Event != f.Event || spec.Key(f, area) is not { } key || !rowIndex[spec.Name].TryGetValue(key, out var row))
                {
                    continue;
                }

                counts[spec.Name][row, sex]++;
            }
        }

        var basisNote = basis == TabulationBasis.Occurrence
            ? new StatLabel("basis", $"ព្រឹត្តិការណ៍ដែលបានកើតឡើងក្នុងឆ្នាំ {KhmerNumerals.ToKhmer(year)} ហើយបានចុះបញ្ជី", $"Events that occurred in {year} and were registered")
            : new StatLabel("basis", $"ព្រឹត្តិការណ៍ដែលបានចុះបញ្ជីក្នុងឆ្នាំ {KhmerNumerals.ToKhmer(year)}", $"Events registered in {year}");
        var residenceNote = new StatLabel("residence", "តាមទីលំនៅធម្មតា", "By place of usual residence");
        var tables = new List<StatTable>();
        foreach (var spec in specs)
        {
            var c = counts[spec.Name];
            var rows = spec.Rows.Select((label, i) => new StatRow(label, [c[i, 0], c[i, 1], c[i, 2], c[i, 0] + c[i, 1] + c[i, 2]])).ToList();
            var total = new StatRow(new StatLabel("Total", "សរុប", "Total"), Enumerable.Range(0, 4).Select(j => (double?)rows.Sum(r => r.Values[j]!.Value)).ToList());
            tables.Add(new StatTable(spec.Name, spec.Title, spec.RowHeading, SexColumns, [.. rows, total], StatValueKind.Count,
                spec.Name.Contains("occurrence", StringComparison.Ordinal) ? [basisNote] : [basisNote, residenceNote]));
        }

        tables.AddRange(CoupleTables(facts, area, basisNote));
        return tables;
    }

    /// <summary>
    /// The marriages and divorces of the plan, counted by couple (UN P&amp;R Rev. 3, minimum
    /// tabulation programme, marriages: by month, by place of occurrence, by age of groom and age of
    /// bride, by previous marital status of groom and bride; divorces: by month, by age of husband
    /// and age of wife, by duration of marriage, by number of dependent children). Annulments and
    /// legal separations are registered but are not divorces: not in these tables.
    /// </summary>
    private static IEnumerable<StatTable> CoupleTables(IEnumerable<StatFact> all, AreaScope area, StatLabel basisNote)
    {
        var inArea = all.Where(f => area.Contains(f.ResidenceCode)).ToList();
        var marriages = inArea.Where(f => f.Event == VitalEvent.Marriage).ToList();
        var divorces = inArea.Where(f => f.Event == VitalEvent.Divorce).ToList();
        var residenceNote = new StatLabel("residence", "តាមទីលំនៅរបស់ប្ដីប្រពន្ធ (ទីលំនៅប្ដី ឬប្រពន្ធ ពេលប្ដីជាជនបរទេស)", "By the couple's residence (the husband's, or the wife's for a foreign husband)");
        var month = new StatLabel("month", "ខែកើតហេតុ", "Month of occurrence");
        string MonthOf(StatFact f) => f.OccurrenceMonth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var areas = area.Children.Append(NotStated).ToList();
        var groomAge = new StatLabel("age", "អាយុកូនកំលោះ (ជួរដេក) អាយុកូនក្រមុំ (ជួរឈរ)", "Age of groom (rows), of bride (columns)");
        var husbandAge = new StatLabel("age", "អាយុប្ដី (ជួរដេក) អាយុប្រពន្ធ (ជួរឈរ)", "Age of husband (rows), of wife (columns)");
        var divorceNote = new StatLabel("duration", "រយៈពេលអាពាហ៍ពិពាហ៍ គិតពីកាលបរិច្ឆេទក្នុងបញ្ជីអាពាហ៍ពិពាហ៍ ដល់ថ្ងៃសេចក្ដីសម្រេចចូលជាធរមាន",
            "Duration from the date in the marriage register to the date the decision took effect");
        return
        [
            Couples("marriages-month", new("marriages-month", "អាពាហ៍ពិពាហ៍តាមខែ", "Marriages by month of occurrence"), month, Months, null,
                marriages, MonthOf, null, [basisNote, residenceNote]),
            Couples("marriages-place-occurrence", new("marriages-place-occurrence", "អាពាហ៍ពិពាហ៍តាមទីកន្លែងរៀបការ", "Marriages by place of occurrence"),
                new StatLabel("area", "តំបន់", "Area"), areas, null, marriages, f => area.ChildOf(f.OccurrenceCode) ?? "NotStated", null, [basisNote]),
            Couples("marriages-age", new("marriages-age", "អាពាហ៍ពិពាហ៍តាមអាយុកូនកំលោះ និងអាយុកូនក្រមុំ", "Marriages by age of groom and age of bride"), groomAge,
                SpouseAgeGroups, SpouseAgeGroups, marriages, f => SpouseAgeGroup(f.HusbandAge), f => SpouseAgeGroup(f.WifeAge), [basisNote, residenceNote]),
            Couples("marriages-previous-status", new("marriages-previous-status", "អាពាហ៍ពិពាហ៍តាមស្ថានភាពអាពាហ៍ពិពាហ៍មុនរបស់កូនកំលោះ និងកូនក្រមុំ",
                    "Marriages by previous marital status of groom and bride"),
                new StatLabel("status", "កូនកំលោះ (ជួរដេក) កូនក្រមុំ (ជួរឈរ)", "Groom (rows), bride (columns)"), PreviousStatuses, PreviousStatuses, marriages,
                f => Known(f.HusbandPreviousStatus, PreviousStatuses), f => Known(f.WifePreviousStatus, PreviousStatuses), [basisNote, residenceNote]),
            Couples("divorces-month", new("divorces-month", "ការលែងលះតាមខែ", "Divorces by month of occurrence"), month, Months, null,
                divorces, MonthOf, null, [basisNote, residenceNote]),
            Couples("divorces-age", new("divorces-age", "ការលែងលះតាមអាយុប្ដី និងអាយុប្រពន្ធ", "Divorces by age of husband and age of wife"), husbandAge,
                SpouseAgeGroups, SpouseAgeGroups, divorces, f => SpouseAgeGroup(f.HusbandAge), f => SpouseAgeGroup(f.WifeAge), [basisNote, residenceNote]),
            Couples("divorces-duration", new("divorces-duration", "ការលែងលះតាមរយៈពេលអាពាហ៍ពិពាហ៍", "Divorces by duration of marriage"),
                new StatLabel("duration", "រយៈពេលអាពាហ៍ពិពាហ៍", "Duration of marriage"), Durations, null, divorces, f => Duration(f.MarriageYears), null,
                [basisNote, residenceNote, divorceNote]),
            Couples("divorces-children", new("divorces-children", "ការលែងលះតាមចំនួនកូនក្នុងបន្ទុក", "Divorces by number of dependent children"),
                new StatLabel("children", "កូនក្នុងបន្ទុក", "Dependent children"), ChildCounts, null, divorces,
                f => f.DependentChildren switch { null or < 0 => "NotStated", >= 5 => "5+", var n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                null, [basisNote, residenceNote]),
        ];
    }

    /// <summary>A count table of couples: rows by one key, and columns by a second key (with a total) or the total alone.</summary>
    private static StatTable Couples(string name, StatLabel title, StatLabel heading, IReadOnlyList<StatLabel> rows, IReadOnlyList<StatLabel>? columns,
        IReadOnlyList<StatFact> facts, Func<StatFact, string> rowKey, Func<StatFact, string>? columnKey, IReadOnlyList<StatLabel> notes)
    {
        var total = new StatLabel("Total", "សរុប", "Total");
        var cols = columns ?? [];
        var rowIndex = rows.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var colIndex = cols.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var counts = new long[rows.Count, cols.Count + 1];
        foreach (var f in facts)
        {
            if (!rowIndex.TryGetValue(rowKey(f), out var r))
            {
                continue;
            }

            if (columnKey is not null && colIndex.TryGetValue(columnKey(f), out var c))
            {
                counts[r, c]++;
            }

            counts[r, cols.Count]++;
        }

        var width = cols.Count + 1;
        var tableRows = rows.Select((label, i) => new StatRow(label, Enumerable.Range(0, width).Select(j => (double?)counts[i, j]).ToList())).ToList();
        tableRows.Add(new StatRow(total, Enumerable.Range(0, width).Select(j => (double?)tableRows.Sum(r => r.Values[j]!.Value)).ToList()));
        return new StatTable(name, title, heading, [.. cols, total], tableRows, StatValueKind.Count, notes);
    }

    public static string SpouseAgeGroup(int? age) => age switch
    {
        null or < 0 => "NotStated",
        < 16 => "0-15",
        < 18 => "16-17",
        < 20 => "18-19",
        < 40 => $"{age.Value / 5 * 5}-{(age.Value / 5 * 5) + 4}",
        < 60 => $"{age.Value / 10 * 10}-{(age.Value / 10 * 10) + 9}",
        _ => "60+",
    };

    public static string Duration(int? years) => years switch
    {
        null or < 0 => "NotStated",
        < 5 => years.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        < 20 => $"{years.Value / 5 * 5}-{(years.Value / 5 * 5) + 4}",
        _ => "20+",
    };

    public static string GestationGroup(int? weeks) => weeks switch
    {
        null or <= 0 => "NotStated",
        < 28 => "0-27",
        < 32 => "28-31",
        < 37 => "32-36",
        < 42 => "37-41",
        _ => "42+",
    };

    private sealed record Spec(string Name, VitalEvent Event, StatLabel Title, StatLabel RowHeading, IReadOnlyList<StatLabel> Rows, Func<StatFact, AreaScope, string?> Key);

    private static List<Spec> Specs(AreaScope area)
    {
        var areas = area.Children.Append(NotStated).ToList();
        var causeRows = Icd10.Chapters.Select(c => new StatLabel(c.Numeral, $"{c.Numeral} {c.Km} ({c.From}-{c.To})", $"{c.Numeral} {c.En} ({c.From}-{c.To})"))
            .Append(new StatLabel("NotCoded", "មិនមានលេខកូដ ICD-10", "Cause not coded")).ToList();
        var month = new StatLabel("month", "ខែកើតហេតុ", "Month of occurrence");
        var place = new StatLabel("area", "តំបន់", "Area");
        return
        [
            new("births-month", VitalEvent.Birth, new("births-month", "កំណើតរស់តាមខែ និងភេទ", "Live births by month of occurrence and sex"), month, Months,
                (f, _) => f.OccurrenceMonth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("births-mother-age", VitalEvent.Birth, new("births-mother-age", "កំណើតរស់តាមអាយុម្ដាយ និងភេទកូន", "Live births by age of mother and sex of child"),
                new("age", "អាយុម្ដាយ", "Age of mother"), MotherAgeGroups, (f, _) => MotherAgeGroup(f.MotherAge)),
            new("births-order", VitalEvent.Birth, new("births-order", "កំណើតរស់តាមលំដាប់កំណើត និងភេទ", "Live births by live-birth order and sex"),
                new("order", "លំដាប់កំណើត", "Live-birth order"), BirthOrders, (f, _) => f.BirthOrder switch { null or < 1 => "NotStated", >= 5 => "5+", var o => o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new("births-place-occurrence", VitalEvent.Birth, new("births-place-occurrence", "កំណើតរស់តាមទីកន្លែងកើត និងភេទ", "Live births by place of occurrence and sex"),
                place, areas, (f, a) => a.ChildOf(f.OccurrenceCode) ?? "NotStated"),
            new("births-place-residence", VitalEvent.Birth, new("births-place-residence", "កំណើតរស់តាមទីលំនៅធម្មតារបស់ម្ដាយ និងភេទ", "Live births by place of usual residence of mother and sex"),
                place, areas, (f, a) => a.ChildOf(f.ResidenceCode) ?? "NotStated"),
            new("births-place-kind", VitalEvent.Birth, new("births-place-kind", "កំណើតរស់តាមប្រភេទទីកន្លែងកើត និងភេទ", "Live births by type of place of occurrence and sex"),
                new("kind", "ប្រភេទទីកន្លែង", "Type of place"), PlaceKinds, (f, _) => Known(f.PlaceKind, PlaceKinds)),
            new("births-attendant", VitalEvent.Birth, new("births-attendant", "កំណើតរស់តាមអ្នកជួយសម្រាល និងភេទ", "Live births by attendant at birth and sex"),
                new("attendant", "អ្នកជួយសម្រាល", "Attendant at birth"), Attendants, (f, _) => Known(f.Attendant, Attendants)),
            new("births-weight", VitalEvent.Birth, new("births-weight", "កំណើតរស់តាមទម្ងន់ពេលកើត និងភេទ", "Live births by birth weight and sex"),
                new("weight", "ទម្ងន់ពេលកើត", "Birth weight"), WeightClasses, (f, _) => WeightClass(f.BirthWeightGrams)),
            new("births-type", VitalEvent.Birth, new("births-type", "កំណើតរស់តាមប្រភេទកំណើត និងភេទ", "Live births by type of birth (single or multiple) and sex"),
                new("type", "ប្រភេទកំណើត", "Type of birth"), BirthTypes, (f, _) => Known(f.BirthType, BirthTypes)),
            new("foetal-deaths-gestation", VitalEvent.FoetalDeath, new("foetal-deaths-gestation", "ការស្លាប់ទារកក្នុងផ្ទៃចុង តាមអាយុគភ៌ និងភេទ",
                    "Late foetal deaths by gestational age and sex"),
                new("gestation", "អាយុគភ៌ (សប្ដាហ៍គ្រប់)", "Gestation (completed weeks)"), GestationGroups, (f, _) => GestationGroup(f.GestationWeeks)),
            new("foetal-deaths-mother-age", VitalEvent.FoetalDeath, new("foetal-deaths-mother-age", "ការស្លាប់ទារកក្នុងផ្ទៃ តាមអាយុម្ដាយ និងភេទ",
                    "Foetal deaths by age of mother and sex"),
                new("age", "អាយុម្ដាយ", "Age of mother"), MotherAgeGroups, (f, _) => MotherAgeGroup(f.MotherAge)),
            new("deaths-age", VitalEvent.Death, new("deaths-age", "មរណភាពតាមក្រុមអាយុ និងភេទ", "Deaths by age and sex"),
                new("age", "អាយុពេលស្លាប់", "Age at death"), DeathAgeGroups, (f, _) => DeathAgeGroup(f.AgeDays, f.AgeYears)),
            new("deaths-month", VitalEvent.Death, new("deaths-month", "មរណភាពតាមខែ និងភេទ", "Deaths by month of occurrence and sex"), month, Months,
                (f, _) => f.OccurrenceMonth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("deaths-place-occurrence", VitalEvent.Death, new("deaths-place-occurrence", "មរណភាពតាមទីកន្លែងស្លាប់ និងភេទ", "Deaths by place of occurrence and sex"),
                place, areas, (f, a) => a.ChildOf(f.OccurrenceCode) ?? "NotStated"),
            new("deaths-place-residence", VitalEvent.Death, new("deaths-place-residence", "មរណភាពតាមទីលំនៅធម្មតា និងភេទ", "Deaths by place of usual residence and sex"),
                place, areas, (f, a) => a.ChildOf(f.ResidenceCode) ?? "NotStated"),
            new("deaths-place-kind", VitalEvent.Death, new("deaths-place-kind", "មរណភាពតាមប្រភេទទីកន្លែងស្លាប់ និងភេទ", "Deaths by type of place of occurrence and sex"),
                new("kind", "ប្រភេទទីកន្លែង", "Type of place"), PlaceKinds, (f, _) => Known(f.PlaceKind, PlaceKinds)),
            new("deaths-cause", VitalEvent.Death, new("deaths-cause", "មរណភាពតាមមូលហេតុ (ជំពូក ICD-10) និងភេទ", "Deaths by underlying cause (ICD-10 chapter) and sex"),
                new("cause", "មូលហេតុមូលដ្ឋាន", "Underlying cause"), causeRows, (f, _) => Icd10.ChapterOf(f.UnderlyingCause)?.Numeral ?? "NotCoded"),
            new("deaths-manner", VitalEvent.Death, new("deaths-manner", "មរណភាពតាមលក្ខណៈនៃការស្លាប់ និងភេទ", "Deaths by manner of death and sex"),
                new("manner", "លក្ខណៈនៃការស្លាប់", "Manner of death"), Manners, (f, _) => Known(f.Manner, Manners)),
        ];
    }

    private static string Known(string? value, IEnumerable<StatLabel> labels) =>
        value is not null && labels.Any(l => l.Key == value && l.Key != "NotStated") ? value : "NotStated";

    public static string MotherAgeGroup(int? age) => age switch
    {
        null or < 0 => "NotStated",
        < 15 => "0-14",
        >= 50 => "50+",
        var a => $"{15 + ((a.Value - 15) / 5 * 5)}-{19 + ((a.Value - 15) / 5 * 5)}",
    };

    public static string WeightClass(int? grams) => grams switch
    {
        null or <= 0 => "NotStated",
        < 1500 => "0-1499",
        < 2500 => "1500-2499",
        < 3000 => "2500-2999",
        < 3500 => "3000-3499",
        < 4000 => "3500-3999",
        _ => "4000+",
    };

    public static string DeathAgeGroup(int? days, int? years)
    {
        if (days is { } d && d < 366 && (years ?? 0) == 0)
        {
            return d switch { <= 0 => "0d", <= 7 => "1-7d", <= 27 => "8-27d", _ => "28d-11m" };
        }

        return years switch
        {
            null or < 0 => "NotStated",
            0 => "0y",
            < 5 => $"{years}y",
            >= 85 => "85+",
            var y => $"{y.Value / 5 * 5}-{(y.Value / 5 * 5) + 4}",
        };
    }
}

using Nokor.Platform.Spreadsheets;

namespace Nokor.Platform.Tests.Spreadsheets;

/// <summary>Tables shaped like the vital statistics the module will publish.</summary>
internal static class SampleTables
{
    public const string KhmerTitle = "ចំនួនកំណើតតាមខេត្ត និងភេទ";
    public const string PhnomPenh = "រាជធានីភ្នំពេញ";
    public const string Battambang = "ខេត្តបាត់ដំបង";

    /// <summary>Births by province, sex and age group of the mother: two header rows, every kind of cell.</summary>
    public static SheetTable BirthsBySex() => new()
    {
        SheetName = "Births by sex",
        Titles = [KhmerTitle, "Births by province and sex", "Cambodia, 2025", "Cells under 5 suppressed"],
        HeaderRows =
        [
            ["Province", new SheetHeader("Male", 2), new SheetHeader("Female", 2), "Total", "Share female"],
            ["", "0-4", "5-9", "0-4", "5-9", "", ""],
        ],
        Rows =
        [
            [PhnomPenh, 1234, 1100, 1201, 1050, 4585, SheetCell.Percent(2251m / 4585m)],
            [Battambang, 880, SheetCell.Suppressed("<5"), 901, 3, SheetCell.Suppressed(), SheetCell.Percent(0.5m)],
            ["Total", 2114, SheetCell.Suppressed(), 2102, SheetCell.Empty, SheetCell.Decimal(-12.345m, 1), SheetCell.Percent(0.4991m, 2)],
        ],
        Footnotes = ["Source: civil registration, Ministry of Interior.", "– suppressed"],
    };

    /// <summary>A one-header table of rates.</summary>
    public static SheetTable Rates(string sheetName = "Rates") => new()
    {
        SheetName = sheetName,
        Titles = ["Crude birth rate"],
        HeaderRows = [["Year", "Rate per 1,000"]],
        Rows =
        [
            ["2024", SheetCell.Decimal(19.87m, 1)],
            ["2025", SheetCell.Decimal(19.81m, 2)],
        ],
    };
}

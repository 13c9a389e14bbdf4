namespace Nokor.Platform.Gazetteer;

/// <summary>
/// The type words of the NCDD gazetteer and the provinces, which the workbook names only in its
/// sheet titles (one sheet per province, no province row), so their Khmer names live here.
/// </summary>
internal static class AdminTypes
{
    public sealed record TypeWord(string Km, string Latin, AdminLevel Level);

    public static readonly IReadOnlyList<TypeWord> Words =
    [
        new("ខេត្ត", "Province", AdminLevel.Province),
        new("រាជធានី", "Capital", AdminLevel.Province),
        new("ស្រុក", "Srok", AdminLevel.District),
        new("ក្រុង", "Krong", AdminLevel.District),
        new("ខណ្ឌ", "Khan", AdminLevel.District),
        new("ឃុំ", "Khum", AdminLevel.Commune),
        new("សង្កាត់", "Sangkat", AdminLevel.Commune),
        new("ភូមិ", "Phum", AdminLevel.Village),
    ];

    private static readonly Dictionary<string, TypeWord> _byKm =
        Words.ToDictionary(w => w.Km, StringComparer.Ordinal);

    public static TypeWord? FromKhmer(string word) => _byKm.GetValueOrDefault(GazetteerText.Clean(word));

    public sealed record Province(string Code, string NameKm, string NameLatin, bool IsCapital);

    /// <summary>The 25 provinces and the capital with their NCDD codes (Latin spelling as NCDD uses it).</summary>
    public static readonly IReadOnlyList<Province> Provinces =
    [
        new("01", "បន្ទាយមានជ័យ", "Banteay Meanchey", false),
        new("02", "បាត់ដំបង", "Battambang", false),
        new("03", "កំពង់ចាម", "Kampong Cham", false),
        new("04", "កំពង់ឆ្នាំង", "Kampong Chhnang", false),
        new("05", "កំពង់ស្ពឺ", "Kampong Speu", false),
        new("06", "កំពង់ធំ", "Kampong Thom", false),
        new("07", "កំពត", "Kampot", false),
        new("08", "កណ្ដាល", "Kandal", false),
        new("09", "កោះកុង", "Koh Kong", false),
        new("10", "ក្រចេះ", "Kratie", false),
        new("11", "មណ្ឌលគិរី", "Mondul Kiri", false),
        new("12", "ភ្នំពេញ", "Phnom Penh", true),
        new("13", "ព្រះវិហារ", "Preah Vihear", false),
        new("14", "ព្រៃវែង", "Prey Veng", false),
        new("15", "ពោធិ៍សាត់", "Pursat", false),
        new("16", "រតនគិរី", "Ratanak Kiri", false),
        new("17", "សៀមរាប", "Siem Reap", false),
        new("18", "ព្រះសីហនុ", "Preah Sihanouk", false),
        new("19", "ស្ទឹងត្រែង", "Stung Treng", false),
        new("20", "ស្វាយរៀង", "Svay Rieng", false),
        new("21", "តាកែវ", "Takeo", false),
        new("22", "ឧត្ដរមានជ័យ", "Oddar Meanchey", false),
        new("23", "កែប", "Kep", false),
        new("24", "ប៉ៃលិន", "Pailin", false),
        new("25", "ត្បូងឃ្មុំ", "Tboung Khmum", false),
    ];

    private static readonly Dictionary<string, Province> _provinces =
        Provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);

    public static Province? FindProvince(string code) => _provinces.GetValueOrDefault(code);
}

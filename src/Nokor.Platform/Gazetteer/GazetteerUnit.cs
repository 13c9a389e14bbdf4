namespace Nokor.Platform.Gazetteer;

/// <summary>
/// One administrative unit of the NCDD gazetteer. Codes are stored zero-padded (province "01",
/// district "0102", commune "010201", village "01020101") so that an area contains exactly the
/// codes that start with its own code.
/// </summary>
public sealed class GazetteerUnit
{
    public required string Code { get; set; }
    public AdminLevel Level { get; set; }
    public string? ParentCode { get; set; }
    public required string NameKm { get; set; }
    public required string NameLatin { get; set; }
    /// <summary>Khmer type word of the unit (ខេត្ត, ក្រុង, ស្រុក, ខណ្ឌ, ឃុំ, សង្កាត់, ភូមិ).</summary>
    public string? TypeKm { get; set; }
    /// <summary>Latin type word (Province, Capital, Krong, Srok, Khan, Khum, Sangkat, Phum).</summary>
    public string? TypeLatin { get; set; }
}

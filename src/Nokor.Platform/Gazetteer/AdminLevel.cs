namespace Nokor.Platform.Gazetteer;

/// <summary>The four levels of the NCDD gazetteer, with the digits of their codes.</summary>
public enum AdminLevel
{
    Province = 1,
    District = 2,
    Commune = 3,
    Village = 4,
}

public static class AdminLevels
{
    /// <summary>Codes are fixed width: province 2 digits, district 4, commune 6, village 8.</summary>
    public static int CodeLength(this AdminLevel level) => (int)level * 2;

    public static AdminLevel? FromCodeLength(int length) => length switch
    {
        2 => AdminLevel.Province,
        4 => AdminLevel.District,
        6 => AdminLevel.Commune,
        8 => AdminLevel.Village,
        _ => null,
    };
}

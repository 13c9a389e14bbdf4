namespace Nokor.Platform.Staff;

/// <summary>The level of the gazetteer an office covers.</summary>
public enum OfficeLevel
{
    National = 0,
    Province = 1,
    District = 2,
    Commune = 3,
}

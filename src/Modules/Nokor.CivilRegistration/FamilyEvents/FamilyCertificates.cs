using Nokor.CivilRegistration.Contracts;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The family events that have no certificate of their own, and what the registrar prints instead:
/// a foetal death gets an extract of the registration (information services), an adoption, a
/// recognition, a legitimization or a change of name a new birth certificate of the person, printed
/// from the birth registration's new version.
/// </summary>
internal static class FamilyCertificates
{
    /// <summary>Why a certificate of this event is not printed (the 409's detail), or null when it has one.</summary>
    public static string? RefusalOrNull(VitalEvent e) => e switch
    {
        VitalEvent.FoetalDeath =>
            "A foetal death is registered without a certificate: the family gets an extract of the registration (information request), as the law provides.",
        VitalEvent.Adoption =>
            "An adoption has no certificate of its own: print the child's new birth certificate from the birth registration, which the adoption gave a new version.",
        VitalEvent.Recognition or VitalEvent.Legitimization =>
            "A recognition or legitimization has no certificate of its own: print the child's new birth certificate from the birth registration, which now names the parent.",
        VitalEvent.NameChange =>
            "A change of name has no certificate of its own: print a new birth (or marriage) certificate, which shows the current name.",
        _ => null,
    };

    public static string Refusal(VitalEvent e) => RefusalOrNull(e) ?? throw new ArgumentOutOfRangeException(nameof(e), e, "This event has a certificate.");
}

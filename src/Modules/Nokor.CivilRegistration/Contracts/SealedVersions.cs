namespace Nokor.CivilRegistration.Contracts;

/// <summary>
/// A sealed version of a birth registration (before a full adoption), as a senior registrar reads
/// it: the dossier as it was, with the certificates printed from it and the history lines of it.
/// </summary>
public sealed record SealedVersionView(
    int Version,
    DateTimeOffset At,
    string Reason,
    BirthDossier? Birth,
    IReadOnlyList<CertificateView> Certificates,
    IReadOnlyList<RegistrationHistoryEntry> History);

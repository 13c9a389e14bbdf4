using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Khmer;

namespace Nokor.CivilRegistration.Corrections;

/// <summary>
/// How a registered record gets a new version: an approved correction (<see cref="DecideCorrection"/>),
/// and the events that change a birth registration after it (a recognition, a legitimization, an
/// adoption, a change of name). Versions are only added, never changed: certificates of the earlier
/// versions stay verifiable as superseded.
/// </summary>
internal static class RegistrationVersions
{
    /// <summary>
    /// Makes <paramref name="dossier"/> the record's next version, in the tracked context (saved by the
    /// caller's save, which checks the record's revision), and updates the record's searchable facts.
    /// </summary>
    public static RegistrationVersionEntity Add(CivilDbContext db, RegistrationEntity r, string dossier, string by, string reason, DateTimeOffset at, Guid? correctionId = null)
    {
        r.Version++;
        r.Dossier = dossier;
        ApplyFacts(r);
        r.Revision++;
        var version = new RegistrationVersionEntity
        {
            RegistrationId = r.Id, Version = r.Version, Dossier = dossier, At = at, By = by, Reason = reason, CorrectionId = correctionId,
        };
        db.Versions.Add(version);
        return version;
    }

    /// <summary>Updates the searchable facts of a birth, death, marriage or dissolution record from its current dossier (other events keep theirs).</summary>
    private static void ApplyFacts(RegistrationEntity r)
    {
        if (Marriages.MarriageCorrections.Handles(r.Event))
        {
            Marriages.MarriageCorrections.ApplyFacts(r);
        }
        else if (r.Event == VitalEvent.Birth)
        {
            var child = Dossiers.Read<BirthDossier>(r.Dossier).Child!;
            r.SubjectNameKm = $"{child.SurnameKm} {child.GivenNameKm}";
            r.SubjectNameLatin = $"{child.SurnameLatin} {child.GivenNameLatin}";
            r.SubjectNameKey = NameKeys.KhmerKey(r.SubjectNameKm);
            r.SubjectSex = child.Sex;
            r.SubjectBirthDate = child.BirthDate;
            r.SubjectResidenceCode = child.ResidenceVillageCode;
            r.EventDate = DateOnly.Parse(child.BirthDate!, System.Globalization.CultureInfo.InvariantCulture);
            r.EventPlaceCode = child.BirthPlaceCode!;
        }
        else if (r.Event == VitalEvent.Death)
        {
            var death = Dossiers.Read<DeathDossier>(r.Dossier);
            r.EventDate = DateOnly.Parse(death.DeathDate!, System.Globalization.CultureInfo.InvariantCulture);
            r.EventPlaceCode = death.DeathPlaceCode!;
        }
        else if (Marriages.MarriageCorrections.Handles(r.Event))
        {
            Marriages.MarriageCorrections.ApplyFacts(r);
        }
    }
}

using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;

namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>
/// An application entered from a court decision registers what the court decided: the marriage it
/// names, the persons it names by KIDC (the adoptee and the adoptive parents, the child and the
/// father, the person renamed) and the names it gives. The entry step every event shares
/// (<c>RegistrationEntry.CreateAsync</c>) refuses an application that departs from its decision,
/// naming the application's field, before anything is written; the entries' own checks (kind,
/// court, case, date) come first.
/// </summary>
internal static class CourtDecisionMatch
{
    public static FieldErrors Contradictions(CourtDecisionEntity decision, VitalEvent e, string dossierJson)
    {
        var errors = new FieldErrors();
        var decided = Dossiers.Read<CourtDecisionInput>(decision.Details);
        switch (e)
        {
            case VitalEvent.Divorce or VitalEvent.Annulment or VitalEvent.LegalSeparation when decided.Dissolution is { } d:
            {
                var dossier = Dossiers.Read<DissolutionDossier>(dossierJson);
                Same(errors, "dissolution.marriageNumber", d.MarriageNumber, dossier.MarriageNumber, "the marriage");
                break;
            }

            case VitalEvent.Adoption when decided.Adoption is { } a:
            {
                var dossier = Dossiers.Read<AdoptionDossier>(dossierJson);
                Same(errors, "adoption.adoptee.kidc", a.AdopteeKidc, dossier.Adoptee?.Kidc, "the adoptee");
                Same(errors, "adoption.adoptiveFather.kidc", a.AdoptiveFatherKidc, dossier.AdoptiveFather?.Kidc, "the adoptive father");
                Same(errors, "adoption.adoptiveMother.kidc", a.AdoptiveMotherKidc, dossier.AdoptiveMother?.Kidc, "the adoptive mother");
                Given(errors, "adoption.newSurnameKm", a.NewSurnameKm, dossier.NewSurnameKm);
                Given(errors, "adoption.newGivenNameKm", a.NewGivenNameKm, dossier.NewGivenNameKm);
                Given(errors, "adoption.newSurnameLatin", a.NewSurnameLatin, dossier.NewSurnameLatin);
                Given(errors, "adoption.newGivenNameLatin", a.NewGivenNameLatin, dossier.NewGivenNameLatin);
                break;
            }

            case VitalEvent.Recognition when decided.Paternity is { } p:
            {
                var dossier = Dossiers.Read<RecognitionDossier>(dossierJson);
                Same(errors, "recognition.child.kidc", p.ChildKidc, dossier.Child?.Kidc, "the child");
                Same(errors, "recognition.parent.kidc", p.FatherKidc, dossier.Parent?.Kidc, "the father");
                if (!string.Equals(dossier.ParentRole, "Father", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add("recognition.parentRole", "A paternity judgment establishes the father: the parent's role is Father.");
                }

                break;
            }

            case VitalEvent.NameChange when decided.NameChange is { } n:
            {
                var dossier = Dossiers.Read<NameChangeDossier>(dossierJson);
                Same(errors, "nameChange.person.kidc", n.PersonKidc, dossier.Person?.Kidc, "the person");
                Given(errors, "nameChange.newSurnameKm", n.NewSurnameKm, dossier.NewSurnameKm);
                Given(errors, "nameChange.newGivenNameKm", n.NewGivenNameKm, dossier.NewGivenNameKm);
                Given(errors, "nameChange.newSurnameLatin", n.NewSurnameLatin, dossier.NewSurnameLatin);
                Given(errors, "nameChange.newGivenNameLatin", n.NewGivenNameLatin, dossier.NewGivenNameLatin);
                break;
            }
        }

        return errors;
    }

    private static void Same(FieldErrors errors, string field, string? decided, string? entered, string what)
    {
        if (!string.Equals(decided, entered, StringComparison.Ordinal))
        {
            errors.Add(field, decided is null
                ? $"The court decision names no {what[4..]}: leave it out."
                : $"The court decision names {what} {decided}: the application registers what the court decided.");
        }
    }

    private static void Given(FieldErrors errors, string field, string? decided, string? entered)
    {
        if (decided is not null && !string.Equals(decided, entered, StringComparison.Ordinal))
        {
            errors.Add(field, $"The court decision gives the name \"{decided}\".");
        }
    }
}

using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Marriages;

/// <summary>
/// A correction of a registered marriage, divorce, annulment or legal separation, validated by the
/// same validators as the entry. What the Population Registry and the marriage register follow stays
/// as registered: the spouses' KIDCs and the date of a marriage (its spouse links run from it), and
/// the marriage and effective date of its end (the links end on it). Those are changed only by a
/// court: an annulment, or a new decision registered anew.
/// </summary>
internal sealed class MarriageCorrections(MarriageValidator marriages, DissolutionValidator dissolutions)
{
    public static bool Handles(VitalEvent e) => e is VitalEvent.Marriage or VitalEvent.Divorce or VitalEvent.Annulment or VitalEvent.LegalSeparation;

    /// <summary>The corrected dossier as JSON, or null with the errors added.</summary>
    public async Task<string?> DossierAsync(RegistrationEntity r, CorrectionRequest request, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var act = $"civil registration correction of {r.Id}";
        if (r.Event == VitalEvent.Marriage)
        {
            var registered = Dossiers.Read<MarriageDossier>(r.Dossier);
            if (request.Marriage is { } m)
            {
                if (m.Husband?.Kidc != registered.Husband!.Kidc)
                {
                    errors.Add("marriage.husband.kidc", "The spouses of a registered marriage are not corrected here: a court annuls the marriage.");
                }

                if (m.Wife?.Kidc != registered.Wife!.Kidc)
                {
                    errors.Add("marriage.wife.kidc", "The spouses of a registered marriage are not corrected here: a court annuls the marriage.");
                }

                if (m.MarriageDate != registered.MarriageDate)
                {
                    errors.Add("marriage.marriageDate", "The date of a registered marriage (the spouse links run from it) is corrected only by a court's decision.");
                }
            }

            var (marriage, _) = await marriages.MarriageAsync(request.Marriage, actor, errors, act, ct, correcting: r.Id);
            return errors.Any || marriage is null ? null : Dossiers.Write(marriage);
        }

        var before = Dossiers.Read<DissolutionDossier>(r.Dossier);
        if (request.Dissolution is { } d)
        {
            if (!string.Equals(d.MarriageNumber?.Trim(), before.MarriageNumber, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("dissolution.marriageNumber", "The marriage a registered decision ends is not corrected: register the decision anew for the right marriage.");
            }

            if (d.EffectiveDate != before.EffectiveDate)
            {
                errors.Add("dissolution.effectiveDate", "The effective date (the spouse links end on it) is corrected only by a court's decision.");
            }
        }

        var (dissolution, _) = await dissolutions.DissolutionAsync(r.Event, request.Dissolution, null, actor, errors, ct, correcting: r.Id);
        return errors.Any || dissolution is null ? null : Dossiers.Write(dissolution);
    }

    /// <summary>The searchable facts of a corrected marriage (the spouses' names as now typed); an end of marriage keeps the marriage's.</summary>
    public static void ApplyFacts(RegistrationEntity r)
    {
        if (r.Event != VitalEvent.Marriage)
        {
            return;
        }

        var m = Dossiers.Read<MarriageDossier>(r.Dossier);
        r.SubjectNameKm = Cap($"{MarriageValidator.NameKm(m.Husband!)} & {MarriageValidator.NameKm(m.Wife!)}");
        r.SubjectNameLatin = Cap($"{MarriageValidator.NameLatin(m.Husband!)} & {MarriageValidator.NameLatin(m.Wife!)}");
        r.SubjectNameKey = NameKeys.KhmerKey(r.SubjectNameKm);
        r.EventPlaceCode = m.MarriagePlaceCode!;
    }

    private static string Cap(string text) => text.Length <= 200 ? text : text[..200];
}

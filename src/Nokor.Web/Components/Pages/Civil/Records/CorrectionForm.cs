using Nokor.CivilRegistration.Contracts;

namespace Nokor.Web.Components.Pages.Civil.Records;

/// <summary>
/// The correction request form: the fields a correction usually changes. The request carries the
/// whole corrected dossier, so it starts from the registered one and replaces only these fields.
/// </summary>
internal sealed class CorrectionForm
{
    public string? Reason { get; set; }
    public string? EvidenceAnnexId { get; set; }

    public string? SurnameKm { get; set; }
    public string? GivenNameKm { get; set; }
    public string? SurnameLatin { get; set; }
    public string? GivenNameLatin { get; set; }
    public string? Sex { get; set; }
    public string? BirthDate { get; set; }

    public string? DeathDate { get; set; }
    public string? DeathTime { get; set; }
    public string? LineACondition { get; set; }
    public string? LineAIcd10 { get; set; }
    public string? LineAInterval { get; set; }
    public string? Manner { get; set; }

    public static CorrectionForm From(RegistrationView r)
    {
        var child = r.Birth?.Child;
        var death = r.Death;
        return new CorrectionForm
        {
            SurnameKm = child?.SurnameKm,
            GivenNameKm = child?.GivenNameKm,
            SurnameLatin = child?.SurnameLatin,
            GivenNameLatin = child?.GivenNameLatin,
            Sex = child?.Sex,
            BirthDate = child?.BirthDate,
            DeathDate = death?.DeathDate,
            DeathTime = death?.DeathTime,
            LineACondition = death?.Cause?.LineA?.Condition,
            LineAIcd10 = death?.Cause?.LineA?.Icd10,
            LineAInterval = death?.Cause?.LineA?.Interval,
            Manner = death?.Cause?.Manner,
        };
    }

    public CorrectionRequest ToRequest(RegistrationView r)
    {
        Guid? evidence = Guid.TryParse(EvidenceAnnexId, out var id) ? id : null;
        if (r.Birth is { } birth)
        {
            var child = birth.Child ?? new ChildDetails();
            return new CorrectionRequest
            {
                Reason = Reason,
                EvidenceAnnexId = evidence,
                Birth = birth with
                {
                    Child = child with
                    {
                        SurnameKm = CivilFormat.Blank(SurnameKm),
                        GivenNameKm = CivilFormat.Blank(GivenNameKm),
                        SurnameLatin = CivilFormat.Blank(SurnameLatin),
                        GivenNameLatin = CivilFormat.Blank(GivenNameLatin),
                        Sex = CivilFormat.Blank(Sex),
                        BirthDate = CivilFormat.Blank(BirthDate),
                    },
                },
            };
        }

        var death = r.Death ?? new DeathDossier();
        var cause = death.Cause ?? new CauseOfDeath();
        var condition = CivilFormat.Blank(LineACondition);
        var icd = CivilFormat.Blank(LineAIcd10);
        var interval = CivilFormat.Blank(LineAInterval);
        var lineA = cause.LineA is null && condition is null && icd is null && interval is null
            ? null
            : (cause.LineA ?? new CauseLine()) with { Condition = condition, Icd10 = icd, Interval = interval };
        return new CorrectionRequest
        {
            Reason = Reason,
            EvidenceAnnexId = evidence,
            Death = death with
            {
                DeathDate = CivilFormat.Blank(DeathDate),
                DeathTime = CivilFormat.Blank(DeathTime),
                Cause = cause with { LineA = lineA, Manner = CivilFormat.Blank(Manner) },
            },
        };
    }
}

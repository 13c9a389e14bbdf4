using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>What a valid dossier establishes, besides the normalized dossier itself.</summary>
internal sealed record DossierFacts(
    DateOnly EventDate,
    string EventPlaceCode,
    string SubjectNameKm,
    string SubjectNameLatin,
    string? SubjectKidc,
    string? SubjectSex,
    string? SubjectBirthDate,
    string? SubjectResidenceCode);

/// <summary>
/// Checks a birth or death dossier against the rules of registration and the Population Registry:
/// dates in order and not in the future, places in the gazetteer, a mother at least 10 years older
/// than the child, a death after the birth. A person named by KIDC (a parent, the deceased) is
/// confirmed by the registry with the names and date of birth the clerk typed: the registry answers
/// only "confirmed" or not, the dossier keeps what was typed, and every reason for "not" (no such
/// code, other names or date, not a woman, recorded dead) gives the one <see cref="NotConfirmed"/>
/// answer on the KIDC field, so a look-up tells nothing about a person the clerk could not already
/// describe. The rule is the same inside and outside the office's area: the answer then does not
/// depend on where the person lives, and the forms ask for the names and date of birth anyway.
/// </summary>
internal sealed class DossierValidator(GazetteerService gazetteer, IPopulationRegistry registry, TimeProvider clock)
{
    /// <summary>Below this age at the child's birth a declared mother is refused as an entry error.</summary>
    public const int MinimumMotherAge = 10;

    /// <summary>The one answer for a person named by KIDC whom the registry does not confirm, whatever the reason.</summary>
    public const string NotConfirmed =
        "The Population Registry does not confirm this KIDC with these names and date of birth for this role: check them against the identity document.";

    /// <param name="input">The dossier as entered.</param>
    /// <param name="actor">Who enters it.</param>
    /// <param name="errors">Field errors are added here.</param>
    /// <param name="act">The act, for the audit of registry look-ups ("civil registration &lt;id&gt;").</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<(BirthDossier? Dossier, DossierFacts? Facts)> BirthAsync(BirthDossier? input, Actor actor, FieldErrors errors, string act, CancellationToken ct)
    {
        var f = new Fields(errors, gazetteer);
        if (input?.Child is null)
        {
            errors.Add("birth.child", "The child's details are required.");
        }

        if (input?.Mother is null)
        {
            errors.Add("birth.mother", "The mother's details are required.");
        }

        if (input?.Informant is null)
        {
            errors.Add("birth.informant", "The informant is required.");
        }

        if (errors.Any)
        {
            return (null, null);
        }

        var today = Today();
        var c = input!.Child!;
        var birthDate = f.Date("birth.child.birthDate", c.BirthDate, required: true);
        if (birthDate > today)
        {
            errors.Add("birth.child.birthDate", "The child's date of birth is after today, the date of registration.");
            birthDate = null;
        }

        var child = new ChildDetails
        {
            SurnameKm = f.KhmerName("birth.child.surnameKm", c.SurnameKm, required: true),
            GivenNameKm = f.KhmerName("birth.child.givenNameKm", c.GivenNameKm, required: true),
            SurnameLatin = f.LatinName("birth.child.surnameLatin", c.SurnameLatin, required: true),
            GivenNameLatin = f.LatinName("birth.child.givenNameLatin", c.GivenNameLatin, required: true),
            Sex = f.Enum<Sex>("birth.child.sex", c.Sex, required: true)?.ToString(),
            BirthDate = birthDate?.ToString("yyyy-MM-dd"),
            BirthTime = f.Time("birth.child.birthTime", c.BirthTime),
            BirthPlaceCode = await f.VillageAsync("birth.child.birthPlaceCode", c.BirthPlaceCode, required: true),
            PlaceKind = f.Enum<EventPlaceKind>("birth.child.placeKind", c.PlaceKind, required: true)?.ToString(),
            FacilityName = f.Text("birth.child.facilityName", c.FacilityName, required: false),
            Attendant = f.Enum<BirthAttendant>("birth.child.attendant", c.Attendant, required: true)?.ToString(),
            BirthType = f.Enum<BirthType>("birth.child.birthType", c.BirthType, required: true)?.ToString(),
            BirthOrder = f.Range("birth.child.birthOrder", c.BirthOrder, 1, 30, required: false, "birth order"),
            BirthWeightGrams = f.Range("birth.child.birthWeightGrams", c.BirthWeightGrams, 300, 7000, required: false, "birth weight in grams"),
            ResidenceVillageCode = await f.VillageAsync("birth.child.residenceVillageCode", c.ResidenceVillageCode, required: true),
            ResidenceAddress = f.Text("birth.child.residenceAddress", c.ResidenceAddress, required: false),
        };
        if (child.PlaceKind == nameof(EventPlaceKind.HealthFacility) && child.FacilityName is null && !errors.Has("birth.child.facilityName"))
        {
            errors.Add("birth.child.facilityName", "Name the health facility where the child was born.");
        }

        var mother = ParentAsDeclared("birth.mother", input.Mother!, birthDate, today, f);
        var father = input.Father is null ? null : ParentAsDeclared("birth.father", input.Father, birthDate, today, f);
        if (mother?.Kidc is not null && mother.Kidc == father?.Kidc)
        {
            errors.Add("birth.father.kidc", "The mother and the father cannot be the same person.");
        }

        // Both parents named by KIDC are confirmed at once (one audit commit for the two look-ups):
        // a mother must be a woman not recorded dead before the birth, a father a man.
        var claims = new List<(string Path, ParentDetails Parent, PersonClaim Claim)>();
        if (mother?.Kidc is not null && !errors.Has("birth.mother.kidc"))
        {
            claims.Add(("birth.mother", mother, Claim(mother, Sex.Female) with { AliveOn = birthDate }));
        }

        if (father?.Kidc is not null && !errors.Has("birth.father.kidc"))
        {
            claims.Add(("birth.father", father, Claim(father, Sex.Male)));
        }

        if (claims.Count > 0)
        {
            var answers = await registry.ConfirmManyAsync(claims.Select(c => c.Claim).ToList(), actor, $"{act}: parents of a birth", ct);
            for (var i = 0; i < claims.Count; i++)
            {
                if (!answers[i].Confirmed)
                {
                    errors.Add($"{claims[i].Path}.kidc", NotConfirmed);
                }
            }

            mother = mother is null ? null : Confirmed(mother);
            father = father is null ? null : Confirmed(father);
        }

        var informant = Informant("birth.informant", input.Informant!, f);
        if (errors.Any)
        {
            return (null, null);
        }

        var dossier = new BirthDossier { Child = child, Mother = mother, Father = father, Informant = informant };
        var facts = new DossierFacts(
            birthDate!.Value,
            child.BirthPlaceCode!,
            $"{child.SurnameKm} {child.GivenNameKm}",
            $"{child.SurnameLatin} {child.GivenNameLatin}",
            null,
            child.Sex,
            child.BirthDate,
            child.ResidenceVillageCode);

        // The office registers births that happen in its area or concern its residents (NSPI 6.2).
        if (!actor.Jurisdiction.Covers(child.BirthPlaceCode) && !actor.Jurisdiction.Covers(child.ResidenceVillageCode))
        {
            errors.Add("birth.child.birthPlaceCode", "Neither the place of birth nor the child's residence is in your office's area.");
            return (null, null);
        }

        return (dossier, facts);
    }

    /// <param name="input">The dossier as entered.</param>
    /// <param name="actor">Who enters it.</param>
    /// <param name="errors">Field errors are added here.</param>
    /// <param name="act">The act, for the audit of the registry look-up ("civil registration &lt;id&gt;").</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="correcting">A correction of a registered death: the deceased is recorded dead already.</param>
    public async Task<(DeathDossier? Dossier, DossierFacts? Facts)> DeathAsync(
        DeathDossier? input, Actor actor, FieldErrors errors, string act, CancellationToken ct, bool correcting = false)
    {
        var f = new Fields(errors, gazetteer);
        if (input is null)
        {
            errors.Add("death", "The death's details are required.");
            return (null, null);
        }

        if (input.Informant is null)
        {
            errors.Add("death.informant", "The informant is required.");
        }

        var today = Today();
        var kidc = f.Kidc("death.deceasedKidc", input.DeceasedKidc);
        if (kidc is null && !errors.Has("death.deceasedKidc"))
        {
            errors.Add("death.deceasedKidc", "The deceased's KIDC is required.");
        }

        var deathDate = f.Date("death.deathDate", input.DeathDate, required: true);
        if (deathDate > today)
        {
            errors.Add("death.deathDate", "The date of death is after today, the date of registration.");
            deathDate = null;
        }

        var born = f.BirthDate("death.deceasedBirthDate", input.DeceasedBirthDate, required: true, today);
        var sex = f.Enum<Sex>("death.deceasedSex", input.DeceasedSex, required: true);
        var dossier = new DeathDossier
        {
            DeceasedKidc = kidc,
            DeceasedSurnameKm = f.KhmerName("death.deceasedSurnameKm", input.DeceasedSurnameKm, required: true),
            DeceasedGivenNameKm = f.KhmerName("death.deceasedGivenNameKm", input.DeceasedGivenNameKm, required: true),
            DeceasedSurnameLatin = f.LatinName("death.deceasedSurnameLatin", input.DeceasedSurnameLatin, required: true),
            DeceasedGivenNameLatin = f.LatinName("death.deceasedGivenNameLatin", input.DeceasedGivenNameLatin, required: true),
            DeceasedSex = sex?.ToString(),
            DeceasedBirthDate = born?.ToString(),
            DeathDate = deathDate?.ToString("yyyy-MM-dd"),
            DeathTime = f.Time("death.deathTime", input.DeathTime),
            DeathPlaceCode = await f.VillageAsync("death.deathPlaceCode", input.DeathPlaceCode, required: true),
            PlaceKind = f.Enum<EventPlaceKind>("death.placeKind", input.PlaceKind, required: true)?.ToString(),
            FacilityName = f.Text("death.facilityName", input.FacilityName, required: false),
            Informant = input.Informant is null ? null : Informant("death.informant", input.Informant, f),
        };

        if (deathDate is { } dd && born is { } b && dd < b.Earliest)
        {
            errors.Add("death.deathDate", "The date of death is before the deceased's date of birth.");
        }

        var cause = input.Cause is null ? null : Cause("death.cause", input.Cause, sex, born, deathDate, f);

        // The registry confirms the person only once everything typed about them is well formed: a
        // new death needs a person not yet recorded dead; a correction keeps the registered one.
        PersonConfirmation? confirmation = null;
        if (kidc is not null && dossier.DeceasedSurnameKm is not null && dossier.DeceasedGivenNameKm is not null &&
            dossier.DeceasedSurnameLatin is not null && dossier.DeceasedGivenNameLatin is not null && sex is not null && born is not null)
        {
            confirmation = await registry.ConfirmAsync(
                new PersonClaim(kidc, dossier.DeceasedSurnameKm, dossier.DeceasedGivenNameKm, dossier.DeceasedSurnameLatin,
                    dossier.DeceasedGivenNameLatin, dossier.DeceasedBirthDate!, sex) { Living = !correcting },
                actor, $"{act}: deceased of a death", ct);
            if (!confirmation.Confirmed)
            {
                errors.Add("death.deceasedKidc", NotConfirmed);
            }
        }

        if (errors.Any)
        {
            return (null, null);
        }

        // A death is registered by the office of the place of death or of the deceased's residence.
        if (!actor.Jurisdiction.Covers(dossier.DeathPlaceCode) && !confirmation!.ResidesInCallerArea)
        {
            errors.Add("death.deathPlaceCode", "Neither the place of death nor the deceased's residence is in your office's area.");
            return (null, null);
        }

        dossier = dossier with { Cause = cause };
        return (dossier, new DossierFacts(
            deathDate!.Value,
            dossier.DeathPlaceCode!,
            $"{dossier.DeceasedSurnameKm} {dossier.DeceasedGivenNameKm}",
            $"{dossier.DeceasedSurnameLatin} {dossier.DeceasedGivenNameLatin}",
            kidc,
            dossier.DeceasedSex,
            dossier.DeceasedBirthDate,
            confirmation!.ResidenceVillageCode));
    }

    /// <summary>
    /// The parent as declared: names required, the date of birth required with a KIDC (the registry
    /// confirms the two together), nationality KH unless given. Nothing is read from the registry here.
    /// </summary>
    internal static ParentDetails? ParentAsDeclared(string path, ParentDetails p, DateOnly? childBirth, DateOnly today, Fields f)
    {
        var errors = f.Errors;
        var kidc = f.Kidc($"{path}.kidc", p.Kidc);
        var birth = f.BirthDate($"{path}.birthDate", p.BirthDate, required: kidc is not null, today);
        var parent = new ParentDetails
        {
            Kidc = kidc,
            SurnameKm = f.KhmerName($"{path}.surnameKm", p.SurnameKm, required: true),
            GivenNameKm = f.KhmerName($"{path}.givenNameKm", p.GivenNameKm, required: true),
            SurnameLatin = f.LatinName($"{path}.surnameLatin", p.SurnameLatin, required: false),
            GivenNameLatin = f.LatinName($"{path}.givenNameLatin", p.GivenNameLatin, required: false),
            BirthDate = birth?.ToString(),
            Nationality = f.Country($"{path}.nationality", p.Nationality) ?? "KH",
        };
        CheckParentAge(path, $"{path}.birthDate", parent.BirthDate, childBirth, errors);
        string[] described = ["birthDate", "surnameKm", "givenNameKm", "surnameLatin", "givenNameLatin"];
        if (errors.Has($"{path}.kidc") || described.Any(d => errors.Has($"{path}.{d}")))
        {
            // Not asked of the registry: the KIDC field keeps its own error, or the others theirs.
            return kidc is null || errors.Has($"{path}.kidc") ? null : parent with { Kidc = null };
        }

        return parent;
    }

    internal static PersonClaim Claim(ParentDetails p, Sex sex) =>
        new(p.Kidc!, p.SurnameKm!, p.GivenNameKm!, p.SurnameLatin, p.GivenNameLatin, p.BirthDate!, sex);

    internal static ParentDetails Confirmed(ParentDetails p) => p.Kidc is null ? p : p with { Confirmed = true };

    private static void CheckParentAge(string path, string field, string? parentBirth, DateOnly? childBirth, FieldErrors errors)
    {
        if (childBirth is not { } cb || !PartialDate.TryParse(parentBirth, out var born))
        {
            return;
        }

        if (born.Earliest > cb)
        {
            errors.Add(field, "This parent was born after the child.");
        }
        else if (path.EndsWith("mother", StringComparison.Ordinal) && born.Earliest.AddYears(MinimumMotherAge) > cb)
        {
            errors.Add(field, $"The mother would be younger than {MinimumMotherAge} at the child's birth: check the dates and the KIDC.");
        }
    }

    internal static InformantDetails Informant(string path, InformantDetails i, Fields f) => new()
    {
        Kind = f.Enum<InformantKind>($"{path}.kind", i.Kind, required: true)?.ToString(),
        Name = f.Text($"{path}.name", i.Name, required: true, max: 200),
        Relationship = f.Text($"{path}.relationship", i.Relationship, required: false, max: 100),
        Kidc = f.Kidc($"{path}.kidc", i.Kidc),
    };

    private static CauseOfDeath Cause(string path, CauseOfDeath c, Sex? sex, PartialDate? born, DateOnly? deathDate, Fields f)
    {
        CauseLine? Line(string name, CauseLine? line)
        {
            if (line is null || (line.Condition is null && line.Icd10 is null && line.Interval is null))
            {
                return null;
            }

            return new CauseLine
            {
                Condition = f.Text($"{path}.{name}.condition", line.Condition, required: true, max: 200),
                Icd10 = f.Icd10($"{path}.{name}.icd10", line.Icd10),
                Interval = f.Text($"{path}.{name}.interval", line.Interval, required: false, max: 40),
            };
        }

        var result = new CauseOfDeath
        {
            LineA = Line("lineA", c.LineA),
            LineB = Line("lineB", c.LineB),
            LineC = Line("lineC", c.LineC),
            LineD = Line("lineD", c.LineD),
            Contributing = f.Text($"{path}.contributing", c.Contributing, required: false, max: 300),
            ContributingIcd10 = f.Icd10($"{path}.contributingIcd10", c.ContributingIcd10),
            Manner = f.Enum<MannerOfDeath>($"{path}.manner", c.Manner, required: true)?.ToString(),
            Pregnancy = f.Enum<PregnancyStatus>($"{path}.pregnancy", c.Pregnancy, required: false)?.ToString(),
            PregnancyContributed = c.PregnancyContributed,
            CertifierName = f.Text($"{path}.certifierName", c.CertifierName, required: false, max: 200),
            CertifierRole = f.Text($"{path}.certifierRole", c.CertifierRole, required: false, max: 60),
        };

        // Part 1 is a chain: line (a) is the immediate cause and no line may follow a gap.
        if (result.LineA is null)
        {
            f.Errors.Add($"{path}.lineA", "Part 1 line (a), the immediate cause of death, is required.");
        }
        else if ((result.LineC is not null && result.LineB is null) || (result.LineD is not null && (result.LineB is null || result.LineC is null)))
        {
            f.Errors.Add($"{path}.lineB", "Fill part 1 from line (a) down without leaving a line empty.");
        }

        // The pregnancy questions are asked for women aged 15 to 49 (WHO form, frame B).
        var womanOfReproductiveAge = sex == Sex.Female && deathDate is { } dd && born is { } b &&
            AgeAt(b.Earliest, dd) is >= 15 and <= 49;
        if (womanOfReproductiveAge && result.Pregnancy is null && !f.Errors.Has($"{path}.pregnancy"))
        {
            f.Errors.Add($"{path}.pregnancy", "For a woman aged 15 to 49, answer whether she was pregnant at or shortly before death.");
        }
        else if (!womanOfReproductiveAge && sex is not null && born is not null && result.Pregnancy is not null and not nameof(PregnancyStatus.NotPregnant) and not nameof(PregnancyStatus.Unknown))
        {
            f.Errors.Add($"{path}.pregnancy", "The pregnancy questions apply only to women aged 15 to 49.");
        }

        if (result.PregnancyContributed is not null && result.Pregnancy is null or nameof(PregnancyStatus.NotPregnant))
        {
            f.Errors.Add($"{path}.pregnancyContributed", "Say whether the pregnancy contributed only when she was pregnant or recently pregnant.");
        }

        return result;
    }

    public static int AgeAt(DateOnly born, DateOnly at)
    {
        var age = at.Year - born.Year;
        return at < born.AddYears(age) ? age - 1 : age;
    }

    private DateOnly Today() => CambodiaTime.Today(clock);
}

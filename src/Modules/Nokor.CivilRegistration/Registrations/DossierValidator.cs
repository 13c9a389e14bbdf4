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
/// dates in order and not in the future, places in the gazetteer, parents and the deceased by valid,
/// existing KIDCs, a mother at least 10 years older than the child, a death after the birth.
/// </summary>
internal sealed class DossierValidator(GazetteerService gazetteer, IPopulationRegistry registry, TimeProvider clock)
{
    /// <summary>Below this age at the child's birth a declared mother is refused as an entry error.</summary>
    public const int MinimumMotherAge = 10;

    public async Task<(BirthDossier? Dossier, DossierFacts? Facts)> BirthAsync(BirthDossier? input, Actor actor, FieldErrors errors, CancellationToken ct)
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

        // Both parents are read from the registry at once (one audit commit for the two reads).
        var parentKidcs = new[] { input.Mother!.Kidc, input.Father?.Kidc }
            .Select(Fields.Trimmed).OfType<string>().Where(Nokor.Population.Kidc.Kidc.IsValid).ToList();
        var parents = parentKidcs.Count == 0
            ? new Dictionary<string, PersonRecord>()
            : await registry.FindManyAsync(parentKidcs, actor, "civil registration: parent of a birth", ct);
        var mother = Parent("birth.mother", input.Mother!, Sex.Female, birthDate, parents, f);
        var father = input.Father is null ? null : Parent("birth.father", input.Father, Sex.Male, birthDate, parents, f);
        if (mother?.Kidc is not null && mother.Kidc == father?.Kidc)
        {
            errors.Add("birth.father.kidc", "The mother and the father cannot be the same person.");
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

    public async Task<(DeathDossier? Dossier, DossierFacts? Facts)> DeathAsync(
        DeathDossier? input, Actor actor, FieldErrors errors, CancellationToken ct, bool correcting = false)
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

        var dossier = new DeathDossier
        {
            DeceasedKidc = kidc,
            DeathDate = deathDate?.ToString("yyyy-MM-dd"),
            DeathTime = f.Time("death.deathTime", input.DeathTime),
            DeathPlaceCode = await f.VillageAsync("death.deathPlaceCode", input.DeathPlaceCode, required: true),
            PlaceKind = f.Enum<EventPlaceKind>("death.placeKind", input.PlaceKind, required: true)?.ToString(),
            FacilityName = f.Text("death.facilityName", input.FacilityName, required: false),
            Informant = input.Informant is null ? null : Informant("death.informant", input.Informant, f),
        };

        PersonRecord? deceased = null;
        if (kidc is not null)
        {
            deceased = await registry.FindAsync(kidc, actor, "civil registration: death application", ct);
            if (deceased is null)
            {
                errors.Add("death.deceasedKidc", "No person with this KIDC is in the Population Registry.");
            }
            else if (deceased.LifeStatus == LifeStatus.Deceased && !correcting)
            {
                errors.Add("death.deceasedKidc", "This person's death is already recorded in the Population Registry.");
            }
            else if (deathDate is { } dd && PartialDate.TryParse(deceased.BirthDate, out var born) && dd < born.Earliest)
            {
                errors.Add("death.deathDate", "The date of death is before the deceased's date of birth.");
            }
        }

        var cause = input.Cause is null ? null : Cause("death.cause", input.Cause, deceased, deathDate, f);
        if (errors.Any)
        {
            return (null, null);
        }

        // A death is registered by the office of the place of death or of the deceased's residence.
        if (!actor.Jurisdiction.Covers(dossier.DeathPlaceCode) && !actor.Jurisdiction.Covers(deceased!.Residence.VillageCode))
        {
            errors.Add("death.deathPlaceCode", "Neither the place of death nor the deceased's residence is in your office's area.");
            return (null, null);
        }

        dossier = dossier with { Cause = cause };
        return (dossier, new DossierFacts(
            deathDate!.Value,
            dossier.DeathPlaceCode!,
            $"{deceased!.SurnameKm} {deceased.GivenNameKm}",
            $"{deceased.SurnameLatin} {deceased.GivenNameLatin}",
            deceased.Kidc,
            deceased.Sex.ToString(),
            deceased.BirthDate,
            deceased.Residence.VillageCode));
    }

    private static ParentDetails? Parent(string path, ParentDetails p, Sex expectedSex, DateOnly? childBirth, IReadOnlyDictionary<string, PersonRecord> parents, Fields f)
    {
        var errors = f.Errors;
        var kidc = f.Kidc($"{path}.kidc", p.Kidc);
        if (kidc is not null)
        {
            var person = parents.GetValueOrDefault(kidc);
            if (person is null)
            {
                errors.Add($"{path}.kidc", "No person with this KIDC is in the Population Registry.");
                return null;
            }

            if (person.Sex != expectedSex)
            {
                errors.Add($"{path}.kidc", expectedSex == Sex.Female
                    ? "The person with this KIDC is not a woman: check the mother's KIDC."
                    : "The person with this KIDC is not a man: check the father's KIDC.");
                return null;
            }

            CheckParentAge(path, $"{path}.kidc", person.BirthDate, childBirth, errors);
            if (expectedSex == Sex.Female && person.LifeStatus == LifeStatus.Deceased && person.DeathDate < childBirth)
            {
                errors.Add($"{path}.kidc", "The registry records this mother's death before the child's birth.");
            }

            return new ParentDetails
            {
                Kidc = person.Kidc,
                SurnameKm = person.SurnameKm,
                GivenNameKm = person.GivenNameKm,
                SurnameLatin = person.SurnameLatin,
                GivenNameLatin = person.GivenNameLatin,
                BirthDate = person.BirthDate,
                Nationality = person.Nationality,
            };
        }

        if (errors.Has($"{path}.kidc"))
        {
            return null;
        }

        var birth = f.Date($"{path}.birthDate", p.BirthDate, required: false);
        var parent = new ParentDetails
        {
            SurnameKm = f.KhmerName($"{path}.surnameKm", p.SurnameKm, required: true),
            GivenNameKm = f.KhmerName($"{path}.givenNameKm", p.GivenNameKm, required: true),
            SurnameLatin = f.LatinName($"{path}.surnameLatin", p.SurnameLatin, required: false),
            GivenNameLatin = f.LatinName($"{path}.givenNameLatin", p.GivenNameLatin, required: false),
            BirthDate = birth?.ToString("yyyy-MM-dd"),
            Nationality = f.Country($"{path}.nationality", p.Nationality) ?? "KH",
        };
        CheckParentAge(path, $"{path}.birthDate", parent.BirthDate, childBirth, errors);
        return parent;
    }

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

    private static InformantDetails Informant(string path, InformantDetails i, Fields f) => new()
    {
        Kind = f.Enum<InformantKind>($"{path}.kind", i.Kind, required: true)?.ToString(),
        Name = f.Text($"{path}.name", i.Name, required: true, max: 200),
        Relationship = f.Text($"{path}.relationship", i.Relationship, required: false, max: 100),
        Kidc = f.Kidc($"{path}.kidc", i.Kidc),
    };

    private static CauseOfDeath Cause(string path, CauseOfDeath c, PersonRecord? deceased, DateOnly? deathDate, Fields f)
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
        var womanOfReproductiveAge = deceased is { Sex: Sex.Female } && deathDate is { } dd &&
            PartialDate.TryParse(deceased.BirthDate, out var born) &&
            AgeAt(born.Earliest, dd) is >= 15 and <= 49;
        if (womanOfReproductiveAge && result.Pregnancy is null && !f.Errors.Has($"{path}.pregnancy"))
        {
            f.Errors.Add($"{path}.pregnancy", "For a woman aged 15 to 49, answer whether she was pregnant at or shortly before death.");
        }
        else if (!womanOfReproductiveAge && deceased is not null && result.Pregnancy is not null and not nameof(PregnancyStatus.NotPregnant) and not nameof(PregnancyStatus.Unknown))
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

    private DateOnly Today() => CivilDates.Today(clock);
}

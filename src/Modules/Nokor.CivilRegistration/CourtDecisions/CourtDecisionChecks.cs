using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Numbers;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Pdf;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>A decision whose fields are well formed, normalized (<see cref="Details"/> is what is stored).</summary>
internal sealed record ParsedDecision(
    CourtDecisionKind Kind, string Court, string? CourtArea, string CaseNumber, DateOnly DecisionDate, DateOnly? EffectiveDate, CourtDecisionInput Details);

/// <summary>What the registry says of a decision: its problems (none: it can be applied), the office it goes to, and its one-line summary.</summary>
internal sealed record DecisionCheck(IReadOnlyList<CourtDecisionProblem> Problems, string OfficeCode, string Summary);

/// <summary>
/// The two checks of a court decision, shared by its reception and a registrar's re-check: the form
/// of each field (a bad one is refused, nothing stored), then the registry (persons by KIDC in the
/// Population Registry, the marriage in the marriage register, the registration to correct), whose
/// problems hold the decision for review. The registry check also finds the office it goes to: the
/// marriage's office for a dissolution, the registration's office for a correction, the residence
/// commune of the child or person otherwise; the court's area when none is found.
/// </summary>
internal sealed class CourtDecisionChecks(
    CivilDbContext db, IPopulationRegistry registry, GazetteerService gazetteer, IOptions<CivilRegistrationOptions> options, TimeProvider clock)
{
    private CourtDecisionOptions Options => options.Value.CourtDecisions;

    /// <summary>The audit purpose of the registry look-ups made for a decision.</summary>
    public static string Purpose(string court, string caseNumber) => $"court decision {court} {caseNumber}";

    /// <summary>The decision's PDF: present, within the size limit, a PDF by its first bytes, and one PdfPig opens.</summary>
    public void CheckPdf(CourtDecisionFile? pdf, FieldErrors errors)
    {
        var max = Options.MaxPdfBytes;
        if (pdf is null || pdf.Content.Length == 0)
        {
            errors.Add("pdf", "Send the decision's PDF in the part \"pdf\" of the multipart/form-data body.");
        }
        else if (pdf.Content.Length > max)
        {
            errors.Add("pdf", $"The PDF is larger than {max / (1024 * 1024)} MB.");
        }
        else if (!pdf.Content.AsSpan().StartsWith("%PDF-"u8))
        {
            errors.Add("pdf", "This file is not a PDF.");
        }
        else if (!PdfReader.TryOpen(pdf.Content, out _, out var error))
        {
            errors.Add("pdf", $"This PDF cannot be read: {error}");
        }
    }

    /// <summary>The decision's fields, normalized; null with the field errors when one is malformed.</summary>
    public ParsedDecision? Parse(CourtDecisionInput? input, FieldErrors errors)
    {
        if (input is null)
        {
            errors.Add("decision", "Send the decision as JSON in the part \"decision\" of the multipart/form-data body.");
            return null;
        }

        var f = new Fields(errors, gazetteer);
        var kind = f.Enum<CourtDecisionKind>("kind", input.Kind, required: true);
        var court = Court(input.Court, errors);
        var caseNumber = CaseNumber(input.CaseNumber, errors);
        var today = CambodiaTime.Today(clock);
        var decisionDate = f.Date("decisionDate", input.DecisionDate, required: true);
        if (decisionDate > today)
        {
            errors.Add("decisionDate", "The decision date is in the future.");
        }

        var dissolution = kind is CourtDecisionKind.Divorce or CourtDecisionKind.Annulment or CourtDecisionKind.LegalSeparation;
        var effectiveDate = f.Date("effectiveDate", input.EffectiveDate, required: dissolution);
        if (effectiveDate is { } effective && (effective > today || (decisionDate is { } decided && effective < decided)))
        {
            errors.Add("effectiveDate", "The decision becomes final between the decision date and today.");
        }

        // Exactly the part of the decision's kind.
        var part = kind switch
        {
            null => null,
            CourtDecisionKind.Divorce or CourtDecisionKind.Annulment or CourtDecisionKind.LegalSeparation => "dissolution",
            CourtDecisionKind.SimpleAdoption or CourtDecisionKind.FullAdoption => "adoption",
            CourtDecisionKind.Paternity => "paternity",
            CourtDecisionKind.NameChange => "nameChange",
            _ => "correction",
        };
        foreach (var (name, given) in new (string, object?)[]
                 {
                     ("dissolution", input.Dissolution), ("adoption", input.Adoption), ("paternity", input.Paternity),
                     ("nameChange", input.NameChange), ("correction", input.Correction),
                 })
        {
            if (part is not null && name != part && given is not null)
            {
                errors.Add(name, $"A {kind} decision has no \"{name}\" part: give only \"{part}\".");
            }
            else if (name == part && given is null)
            {
                errors.Add(name, $"A {kind} decision gives its details in the part \"{part}\".");
            }
        }

        var details = new CourtDecisionInput
        {
            Kind = kind?.ToString(),
            Court = court?.Name,
            CaseNumber = caseNumber,
            DecisionDate = decisionDate?.ToString("yyyy-MM-dd"),
            EffectiveDate = effectiveDate?.ToString("yyyy-MM-dd"),
            Dissolution = part == "dissolution" && input.Dissolution is { } d ? Dissolution(d, f) : null,
            Adoption = part == "adoption" && input.Adoption is { } a ? Adoption(a, f) : null,
            Paternity = part == "paternity" && input.Paternity is { } p ? Paternity(p, f) : null,
            NameChange = part == "nameChange" && input.NameChange is { } n ? NameChange(n, f) : null,
            Correction = part == "correction" && input.Correction is { } c ? Correction(c, f) : null,
        };
        return errors.Any ? null : new ParsedDecision(kind!.Value, court!.Name, court.AreaCode, caseNumber!, decisionDate!.Value, effectiveDate, details);
    }

    private CourtEntry? Court(string? text, FieldErrors errors)
    {
        var name = Fields.Trimmed(text);
        if (name is null)
        {
            errors.Add("court", "The court is required.");
            return null;
        }

        var court = Options.EffectiveCourts.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (court is null)
        {
            errors.Add("court", $"Not a court this interface receives decisions from; the courts are: {string.Join("; ", Options.EffectiveCourts.Select(c => c.Name))}.");
        }

        return court;
    }

    private string? CaseNumber(string? text, FieldErrors errors)
    {
        var number = Fields.Trimmed(text);
        if (number is null)
        {
            errors.Add("caseNumber", $"The case number is required ({Options.CaseNumberFormat}).");
            return null;
        }

        bool matches;
        try
        {
            matches = number.Length <= 64 && Regex.IsMatch(number, Options.CaseNumberPattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (RegexMatchTimeoutException)
        {
            matches = false;
        }

        if (!matches)
        {
            errors.Add("caseNumber", $"Unknown case number format: give it as {Options.CaseNumberFormat}.");
            return null;
        }

        return number;
    }

    private static string? RequiredKidc(Fields f, string field, string? text)
    {
        if (Fields.Trimmed(text) is null)
        {
            f.Errors.Add(field, "The KIDC is required.");
            return null;
        }

        return f.Kidc(field, text);
    }

    private static string? Number(Fields f, string field, string? text, string letters, string what)
    {
        var number = Fields.Trimmed(text)?.ToUpperInvariant();
        if (number is null || !RegistrationNumbers.LooksLikeNumber(number) || !letters.Contains(number[0]))
        {
            f.Errors.Add(field, $"Give {what} as it is printed on its certificate (e.g. {letters[0]}120101-2026-000042).");
            return null;
        }

        return number;
    }

    private static CourtDissolution Dissolution(CourtDissolution d, Fields f)
    {
        var petitioner = Fields.Trimmed(d.Petitioner)?.ToLowerInvariant();
        if (petitioner is not null and not ("husband" or "wife" or "both"))
        {
            f.Errors.Add("dissolution.petitioner", "Use husband, wife or both.");
        }

        return new CourtDissolution
        {
            MarriageNumber = Number(f, "dissolution.marriageNumber", d.MarriageNumber, "M", "the marriage's registration number"),
            Petitioner = petitioner,
            DependentChildren = f.Range("dissolution.dependentChildren", d.DependentChildren, 0, 30, required: false, "number of dependent children"),
        };
    }

    private static CourtAdoption Adoption(CourtAdoption a, Fields f)
    {
        var adoptee = RequiredKidc(f, "adoption.adopteeKidc", a.AdopteeKidc);
        var father = f.Kidc("adoption.adoptiveFatherKidc", a.AdoptiveFatherKidc);
        var mother = f.Kidc("adoption.adoptiveMotherKidc", a.AdoptiveMotherKidc);
        if (Fields.Trimmed(a.AdoptiveFatherKidc) is null && Fields.Trimmed(a.AdoptiveMotherKidc) is null)
        {
            f.Errors.Add("adoption.adoptiveFatherKidc", "Name at least one adoptive parent by KIDC.");
        }

        if (father is not null && (father == adoptee || father == mother))
        {
            f.Errors.Add("adoption.adoptiveFatherKidc", "One person cannot hold two roles in the adoption.");
        }

        if (mother is not null && mother == adoptee)
        {
            f.Errors.Add("adoption.adoptiveMotherKidc", "One person cannot hold two roles in the adoption.");
        }

        return new CourtAdoption
        {
            AdopteeKidc = adoptee,
            AdoptiveFatherKidc = father,
            AdoptiveMotherKidc = mother,
            NewSurnameKm = f.KhmerName("adoption.newSurnameKm", a.NewSurnameKm, required: false),
            NewGivenNameKm = f.KhmerName("adoption.newGivenNameKm", a.NewGivenNameKm, required: false),
            NewSurnameLatin = f.LatinName("adoption.newSurnameLatin", a.NewSurnameLatin, required: false),
            NewGivenNameLatin = f.LatinName("adoption.newGivenNameLatin", a.NewGivenNameLatin, required: false),
        };
    }

    private static CourtPaternity Paternity(CourtPaternity p, Fields f)
    {
        var child = RequiredKidc(f, "paternity.childKidc", p.ChildKidc);
        var father = RequiredKidc(f, "paternity.fatherKidc", p.FatherKidc);
        if (father is not null && father == child)
        {
            f.Errors.Add("paternity.fatherKidc", "The father and the child are the same KIDC.");
        }

        return new CourtPaternity { ChildKidc = child, FatherKidc = father };
    }

    private static CourtNameChange NameChange(CourtNameChange n, Fields f)
    {
        var changed = new CourtNameChange
        {
            PersonKidc = RequiredKidc(f, "nameChange.personKidc", n.PersonKidc),
            NewSurnameKm = f.KhmerName("nameChange.newSurnameKm", n.NewSurnameKm, required: false),
            NewGivenNameKm = f.KhmerName("nameChange.newGivenNameKm", n.NewGivenNameKm, required: false),
            NewSurnameLatin = f.LatinName("nameChange.newSurnameLatin", n.NewSurnameLatin, required: false),
            NewGivenNameLatin = f.LatinName("nameChange.newGivenNameLatin", n.NewGivenNameLatin, required: false),
            Reason = f.Text("nameChange.reason", n.Reason, required: false),
        };
        if (Fields.Trimmed(n.NewSurnameKm) is null && Fields.Trimmed(n.NewGivenNameKm) is null)
        {
            f.Errors.Add("nameChange.newGivenNameKm", "Give the new name in Khmer (the surname, the given name, or both).");
        }

        return changed;
    }

    private static CourtCorrection Correction(CourtCorrection c, Fields f) => new()
    {
        RegistrationNumber = Number(f, "correction.registrationNumber", c.RegistrationNumber, "BDMVASPRLFN", "the registration's number"),
        Corrected = f.Text("correction.corrected", c.Corrected, required: true, max: 1000),
    };

    /// <summary>
    /// Checks the decision against the registry and the marriage register, under
    /// <paramref name="actor"/> (the courts' system on reception, the registrar on a re-check);
    /// each person look-up is audited with the decision's purpose.
    /// </summary>
    public async Task<DecisionCheck> CheckAsync(ParsedDecision d, Actor actor, CancellationToken ct)
    {
        var problems = new List<CourtDecisionProblem>();
        var fallbackOffice = d.CourtArea ?? RegistrationNumbers.NationalOffice;
        var purpose = Purpose(d.Court, d.CaseNumber);
        var details = d.Details;
        switch (d.Kind)
        {
            case CourtDecisionKind.Divorce or CourtDecisionKind.Annulment or CourtDecisionKind.LegalSeparation:
            {
                var number = details.Dissolution!.MarriageNumber!;
                var marriage = await db.Marriages.AsNoTracking().FirstOrDefaultAsync(m => m.Number == number, ct);
                if (marriage is null)
                {
                    problems.Add(Problem("dissolution.marriageNumber", "គ្មានអាពាហ៍ពិពាហ៍ណាដែលបានចុះបញ្ជីក្រោមលេខនេះទេ។", "No registered marriage has this number."));
                    return new DecisionCheck(problems, fallbackOffice, number);
                }

                // A legal separation suspends a marriage in force; a divorce or an annulment may end a separated one.
                var open = marriage.State == MarriageState.InForce || (marriage.State == MarriageState.Separated && d.Kind != CourtDecisionKind.LegalSeparation);
                if (!open)
                {
                    var ended = $"{marriage.State} on {marriage.EndedOn:yyyy-MM-dd}{(marriage.EndedByNumber is { } by ? $" by {by}" : "")}";
                    problems.Add(Problem("dissolution.marriageNumber",
                        marriage.State == MarriageState.Separated
                            ? $"អាពាហ៍ពិពាហ៍នេះត្រូវបានបំបែកការរស់នៅរួចហើយ ({ended})។"
                            : $"អាពាហ៍ពិពាហ៍នេះបានបញ្ចប់រួចហើយ ({ended})។",
                        marriage.State == MarriageState.Separated
                            ? $"This marriage is already legally separated ({ended})."
                            : $"This marriage already ended ({ended})."));
                }
                else if (d.EffectiveDate < marriage.MarriageDate)
                {
                    problems.Add(Problem("effectiveDate", $"កាលបរិច្ឆេទនេះមុនថ្ងៃរៀបអាពាហ៍ពិពាហ៍ ({marriage.MarriageDate:yyyy-MM-dd})។",
                        $"The effective date is before the marriage was concluded ({marriage.MarriageDate:yyyy-MM-dd})."));
                }

                return new DecisionCheck(problems, marriage.OfficeCode, $"{marriage.Number} · {marriage.HusbandName} · {marriage.WifeName}");
            }

            case CourtDecisionKind.SimpleAdoption or CourtDecisionKind.FullAdoption:
            {
                var a = details.Adoption!;
                var adoptee = await PersonAsync("adoption.adopteeKidc", a.AdopteeKidc, actor, purpose, problems, ct);
                var father = await PersonAsync("adoption.adoptiveFatherKidc", a.AdoptiveFatherKidc, actor, purpose, problems, ct);
                var mother = await PersonAsync("adoption.adoptiveMotherKidc", a.AdoptiveMotherKidc, actor, purpose, problems, ct);
                RequireSex("adoption.adoptiveFatherKidc", father, Population.Contracts.Sex.Male, problems);
                RequireSex("adoption.adoptiveMotherKidc", mother, Population.Contracts.Sex.Female, problems);
                return new DecisionCheck(problems, OfficeOf(adoptee) ?? fallbackOffice, Summary(adoptee, a.AdopteeKidc, father, mother));
            }

            case CourtDecisionKind.Paternity:
            {
                var p = details.Paternity!;
                var child = await PersonAsync("paternity.childKidc", p.ChildKidc, actor, purpose, problems, ct);
                var father = await PersonAsync("paternity.fatherKidc", p.FatherKidc, actor, purpose, problems, ct);
                RequireSex("paternity.fatherKidc", father, Population.Contracts.Sex.Male, problems);
                if (child?.Father?.Kidc is { } registered)
                {
                    problems.Add(registered == p.FatherKidc
                        ? Problem("paternity.fatherKidc", "កុមារនេះមានឪពុកនេះក្នុងបញ្ជីប្រជាជនរួចហើយ។", "The child already has this father in the Population Registry.")
                        : Problem("paternity.childKidc", "កុមារនេះមានឪពុកផ្សេងទៀតក្នុងបញ្ជីប្រជាជនរួចហើយ៖ ត្រូវកែតម្រូវការចុះបញ្ជីកំណើតជាមុនសិន។",
                            "The child already has another father in the Population Registry: the birth registration must be corrected first."));
                }

                return new DecisionCheck(problems, OfficeOf(child) ?? fallbackOffice, Summary(child, p.ChildKidc, father, null));
            }

            case CourtDecisionKind.NameChange:
            {
                var n = details.NameChange!;
                var person = await PersonAsync("nameChange.personKidc", n.PersonKidc, actor, purpose, problems, ct);
                if (person is { LifeStatus: LifeStatus.Deceased })
                {
                    problems.Add(Problem("nameChange.personKidc", "បុគ្គលនេះបានទទួលមរណភាពហើយ តាមបញ្ជីប្រជាជន។", "This person is deceased in the Population Registry."));
                }

                var newName = string.Join(' ', new[] { n.NewSurnameKm, n.NewGivenNameKm }.Where(x => x is not null));
                return new DecisionCheck(problems, OfficeOf(person) ?? fallbackOffice, $"{Name(person, n.PersonKidc)} → {newName}");
            }

            default:
            {
                var number = details.Correction!.RegistrationNumber!;
                var r = await db.Registrations.AsNoTracking().Where(x => x.Number == number)
                    .Select(x => new { x.Status, x.OfficeCode, x.SubjectNameKm }).FirstOrDefaultAsync(ct);
                if (r is null || r.Status != RegistrationStatus.Approved)
                {
                    problems.Add(Problem("correction.registrationNumber", "គ្មានការចុះបញ្ជីដែលបានអនុម័តណាមួយក្រោមលេខនេះទេ។", "No approved registration has this number."));
                    return new DecisionCheck(problems, fallbackOffice, number);
                }

                return new DecisionCheck(problems, r.OfficeCode, $"{number} · {r.SubjectNameKm}");
            }
        }
    }

    private async Task<PersonRecord?> PersonAsync(string field, string? kidc, Actor actor, string purpose, List<CourtDecisionProblem> problems, CancellationToken ct)
    {
        if (kidc is null)
        {
            return null;
        }

        var person = await registry.FindAsync(kidc, actor, purpose, ct);
        if (person is null)
        {
            problems.Add(Problem(field, "គ្មានបុគ្គលណាដែលមានលេខអត្តសញ្ញាណនេះក្នុងបញ្ជីប្រជាជនទេ។", "No person with this KIDC in the Population Registry."));
        }

        return person;
    }

    private static void RequireSex(string field, PersonRecord? person, Sex expected, List<CourtDecisionProblem> problems)
    {
        if (person is not null && person.Sex != expected)
        {
            problems.Add(expected == Population.Contracts.Sex.Male
                ? Problem(field, "បុគ្គលនេះមិនមែនជាបុរសក្នុងបញ្ជីប្រជាជនទេ។", "This person is not male in the Population Registry.")
                : Problem(field, "បុគ្គលនេះមិនមែនជាស្ត្រីក្នុងបញ្ជីប្រជាជនទេ។", "This person is not female in the Population Registry."));
        }
    }

    private static CourtDecisionProblem Problem(string field, string km, string en) => new(field, km, en);

    /// <summary>The commune of the person's residence (its office registers the person's events).</summary>
    private static string? OfficeOf(PersonRecord? person) =>
        person?.Residence.VillageCode is { Length: >= 6 } village ? village[..6] : null;

    private static string Name(PersonRecord? person, string? kidc) =>
        person is null ? kidc ?? "" : $"{person.SurnameKm} {person.GivenNameKm}";

    private static string Summary(PersonRecord? subject, string? subjectKidc, PersonRecord? father, PersonRecord? mother) =>
        string.Join(" · ", new[]
        {
            Name(subject, subjectKidc),
            father is null ? null : Name(father, null),
            mother is null ? null : Name(mother, null),
        }.Where(x => x is not null));
}

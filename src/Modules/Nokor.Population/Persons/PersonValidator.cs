using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Kidc;

namespace Nokor.Population.Persons;

/// <summary>
/// Checks a person's fields and writes the valid ones onto the entity. The caller saves only when
/// no error was found, so bad input never changes anything.
/// </summary>
internal sealed partial class PersonValidator(PopulationDbContext db, GazetteerService gazetteer, TimeProvider clock)
{
    public const int MaxNameLength = PersonNames.MaxLength;
    public const int MaxAddressLength = 300;
    public const int EarliestBirthYear = 1850;

    /// <summary>Why a change of marital status on a record is refused.</summary>
    public const string MaritalStatusIsDerived =
        "ស្ថានភាពអាពាហ៍ពិពាហ៍ធ្វើតាមអាពាហ៍ពិពាហ៍ ការលែងលះ និងមរណភាពដែលបានចុះបញ្ជី៖ សូមចុះបញ្ជីព្រឹត្តិការណ៍នោះ។ " +
        "Marital status follows the registered marriages, divorces and deaths: register the event.";

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    /// <summary>
    /// Applies <paramref name="input"/> to <paramref name="target"/>. For a new person every required
    /// field must be present; for an update a null field is left as it is. Returns the names of the
    /// fields that changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(
        PersonFields input, PersonEntity target, bool isNew, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var changed = new List<string>();

        void Set<T>(string field, T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed.Add(field);
            }
        }

        var surnameKm = KhmerName("surnameKm", input.SurnameKm, isNew, errors);
        var givenNameKm = KhmerName("givenNameKm", input.GivenNameKm, isNew, errors);
        var surnameLatin = LatinName("surnameLatin", input.SurnameLatin, isNew, errors);
        var givenNameLatin = LatinName("givenNameLatin", input.GivenNameLatin, isNew, errors);

        var sex = ParseEnum<Sex>("sex", input.Sex, isNew, errors);
        var citizenship = ParseEnum<CitizenshipStatus>("citizenshipStatus", input.CitizenshipStatus, isNew, errors);
        var marital = ParseEnum<MaritalStatus>("maritalStatus", input.MaritalStatus, required: false, errors);
        if (!isNew && marital is { } asked && asked != target.MaritalStatus)
        {
            // Derived: only the registered family events (marriage, its end, a spouse's death) change it.
            errors.Add("maritalStatus", MaritalStatusIsDerived);
            marital = null;
        }

        PartialDate? birthDate = null;
        if (input.BirthDate is not null || isNew)
        {
            if (!PartialDate.TryParse(input.BirthDate, out var parsed))
            {
                errors.Add("birthDate", "Give the date of birth as yyyy-MM-dd, or yyyy-MM or yyyy when the day or month is unknown.");
            }
            else if (parsed.Earliest > CambodiaTime.Today(clock))
            {
                errors.Add("birthDate", "The date of birth is in the future.");
            }
            else if (parsed.Year < EarliestBirthYear)
            {
                errors.Add("birthDate", $"The date of birth is before {EarliestBirthYear}.");
            }
            else
            {
                birthDate = parsed;
            }
        }

        string? birthPlaceCode = Trimmed(input.BirthPlaceCode);
        string? birthCountry = Trimmed(input.BirthCountry)?.ToUpperInvariant();
        var birthPlaceGiven = input.BirthPlaceCode is not null || input.BirthCountry is not null;
        if (birthPlaceGiven || isNew)
        {
            if (birthPlaceCode is null && birthCountry is null)
            {
                errors.Add("birthPlaceCode", "Give the village or commune of birth, or the country of birth when born abroad.");
            }
            else if (birthPlaceCode is not null && birthCountry is not null)
            {
                errors.Add("birthCountry", "Give either a place of birth in Cambodia or a country abroad, not both.");
            }
            else if (birthPlaceCode is not null && !await gazetteer.ExistsAsync(birthPlaceCode, AdminLevel.Village, AdminLevel.Commune))
            {
                errors.Add("birthPlaceCode", "No village or commune has this code in the gazetteer.");
            }
            else if (birthCountry is not null && (!CountryPattern().IsMatch(birthCountry) || birthCountry == "KH"))
            {
                errors.Add("birthCountry", "Give an ISO 3166-1 alpha-2 country other than KH; for a birth in Cambodia give birthPlaceCode.");
            }
        }

        string? nationality = Trimmed(input.Nationality)?.ToUpperInvariant() ?? (isNew ? "KH" : null);
        if (nationality is not null && !CountryPattern().IsMatch(nationality))
        {
            errors.Add("nationality", "Give the nationality as an ISO 3166-1 alpha-2 code such as KH.");
            nationality = null;
        }

        var residence = Trimmed(input.ResidenceVillageCode);
        if (residence is not null || isNew)
        {
            if (residence is null)
            {
                errors.Add("residenceVillageCode", "The village of residence is required.");
            }
            else if (!await gazetteer.ExistsAsync(residence, AdminLevel.Village))
            {
                errors.Add("residenceVillageCode", "No village has this code in the gazetteer.");
                residence = null;
            }
            else if (!actor.Jurisdiction.Covers(residence))
            {
                // NSPI 6.2: each office registers the people of its own area; a move to another
                // area is made by an office covering both, or by the residence system.
                errors.Add("residenceVillageCode", "This village is outside your office's area.");
                residence = null;
            }
        }

        // A free-text field like every module's (TextFields); the address's Khmer is normalized, not validated.
        var address = TextFields.Read(errors, "residenceAddress", input.ResidenceAddress, MaxAddressLength, required: false, validateKhmer: false);
        var fatherNameKm = OptionalKhmer("fatherNameKm", input.FatherNameKm, errors);
        var motherNameKm = OptionalKhmer("motherNameKm", input.MotherNameKm, errors);

        var effectiveBirth = birthDate ?? (isNew ? (PartialDate?)null : new PartialDate(target.BirthYear, target.BirthMonth, target.BirthDay));
        var fatherKidc = await ParentAsync("fatherKidc", input.FatherKidc, target, effectiveBirth, errors, ct);
        var motherKidc = await ParentAsync("motherKidc", input.MotherKidc, target, effectiveBirth, errors, ct);
        if (fatherKidc is not null && fatherKidc == motherKidc)
        {
            errors.Add("motherKidc", "The mother and the father cannot be the same person.");
        }

        // Citizenship and nationality must agree (NSPI 6.3.5): citizens hold Khmer nationality,
        // foreign residents another one.
        var effectiveCitizenship = citizenship ?? (isNew ? null : target.CitizenshipStatus);
        var effectiveNationality = nationality ?? (isNew ? null : target.Nationality);
        if (effectiveCitizenship is CitizenshipStatus.ForeignResident && effectiveNationality == "KH")
        {
            errors.Add("nationality", "A foreign resident holds a nationality other than KH.");
        }
        else if (effectiveCitizenship is CitizenshipStatus.CitizenByBirth or CitizenshipStatus.Naturalized &&
                 effectiveNationality is not null && effectiveNationality != "KH")
        {
            errors.Add("nationality", "A Cambodian citizen's nationality is KH.");
        }

        if (!isNew && birthDate is { } changedBirth && !errors.Has("birthDate"))
        {
            await CheckBirthAgainstRecordAsync(changedBirth, target, input, errors, ct);
        }

        if (errors.Any)
        {
            return [];
        }

        if (surnameKm is not null) Set("surnameKm", target.SurnameKm, surnameKm, v => target.SurnameKm = v);
        if (givenNameKm is not null) Set("givenNameKm", target.GivenNameKm, givenNameKm, v => target.GivenNameKm = v);
        if (surnameLatin is not null) Set("surnameLatin", target.SurnameLatin, surnameLatin, v => target.SurnameLatin = v);
        if (givenNameLatin is not null) Set("givenNameLatin", target.GivenNameLatin, givenNameLatin, v => target.GivenNameLatin = v);
        if (sex is not null) Set("sex", target.Sex, sex.Value, v => target.Sex = v);
        if (citizenship is not null) Set("citizenshipStatus", target.CitizenshipStatus, citizenship.Value, v => target.CitizenshipStatus = v);
        if (marital is not null) Set("maritalStatus", target.MaritalStatus, marital.Value, v => target.MaritalStatus = v);
        else if (isNew) target.MaritalStatus = MaritalStatus.NeverMarried;
        if (birthDate is { } bd)
        {
            var before = (target.BirthYear, target.BirthMonth, target.BirthDay);
            (target.BirthYear, target.BirthMonth, target.BirthDay) = (bd.Year, bd.Month, bd.Day);
            if (before != (bd.Year, bd.Month, bd.Day)) changed.Add("birthDate");
        }

        if (birthPlaceGiven || isNew)
        {
            Set("birthPlaceCode", target.BirthPlaceCode, birthPlaceCode, v => target.BirthPlaceCode = v);
            Set("birthCountry", target.BirthCountry, birthCountry, v => target.BirthCountry = v);
        }

        if (nationality is not null) Set("nationality", target.Nationality, nationality, v => target.Nationality = v);
        if (residence is not null) Set("residenceVillageCode", target.ResidenceVillageCode, residence, v => target.ResidenceVillageCode = v);
        if (input.ResidenceAddress is not null) Set("residenceAddress", target.ResidenceAddress, address, v => target.ResidenceAddress = v);
        if (input.FatherNameKm is not null) Set("fatherNameKm", target.FatherNameKm, fatherNameKm, v => target.FatherNameKm = v);
        if (input.MotherNameKm is not null) Set("motherNameKm", target.MotherNameKm, motherNameKm, v => target.MotherNameKm = v);
        if (input.FatherKidc is not null) Set("fatherKidc", target.FatherKidc, fatherKidc, v => target.FatherKidc = v);
        if (input.MotherKidc is not null) Set("motherKidc", target.MotherKidc, motherKidc, v => target.MotherKidc = v);

        target.NameKmKey = NameKeys.KhmerKey(target.SurnameKm, target.GivenNameKm);
        target.NameLatinKey = NameKeys.LatinKey(target.SurnameLatin, target.GivenNameLatin);
        return changed;
    }

    private async Task<string?> ParentAsync(
        string field, string? kidcText, PersonEntity child, PartialDate? childBirth, FieldErrors errors, CancellationToken ct)
    {
        var kidc = Trimmed(kidcText);
        if (kidc is null)
        {
            return null;
        }

        if (!KidcRule.IsValid(kidc))
        {
            errors.Add(field, ChangeRequest.InvalidKidc);
            return null;
        }

        if (kidc == child.Kidc)
        {
            errors.Add(field, "A person cannot be their own parent.");
            return null;
        }

        // Parents may live anywhere: the link is checked against the whole registry. The caller
        // learns only whether the link is possible (the code exists, the dates allow it); the
        // parent's names are shown later only inside the caller's area.
        var parent = await db.Persons.AsNoTracking()
            .Where(p => p.Kidc == kidc)
            .Select(p => new { p.BirthYear, p.BirthMonth, p.BirthDay })
            .FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            errors.Add(field, "No person with this KIDC is in the Population Registry.");
            return null;
        }

        if (childBirth is { } cb && new PartialDate(parent.BirthYear, parent.BirthMonth, parent.BirthDay).Earliest > cb.Latest)
        {
            errors.Add(field, "This parent was born after the child.");
            return null;
        }

        return kidc;
    }

    /// <summary>
    /// A new date of birth must still come before the recorded death, after the parents' births
    /// (those not being changed in the same request) and before the children's.
    /// </summary>
    private async Task CheckBirthAgainstRecordAsync(PartialDate birth, PersonEntity target, PersonFields input, FieldErrors errors, CancellationToken ct)
    {
        if (target.DeathDate is { } died && died < birth.Earliest)
        {
            errors.Add("birthDate", "The date of birth is after the recorded date of death.");
            return;
        }

        var parentKidcs = new[] { input.FatherKidc is null ? target.FatherKidc : null, input.MotherKidc is null ? target.MotherKidc : null }
            .OfType<string>().ToArray();
        var kidc = target.Kidc;
        var relatives = await db.Persons.AsNoTracking()
            .Where(x => parentKidcs.Contains(x.Kidc) || x.FatherKidc == kidc || x.MotherKidc == kidc)
            .Select(x => new { x.Kidc, x.BirthYear, x.BirthMonth, x.BirthDay })
            .ToListAsync(ct);
        foreach (var r in relatives)
        {
            var born = new PartialDate(r.BirthYear, r.BirthMonth, r.BirthDay);
            if (parentKidcs.Contains(r.Kidc) && born.Earliest > birth.Latest)
            {
                errors.Add("birthDate", "The date of birth is before a parent's.");
                return;
            }

            if (!parentKidcs.Contains(r.Kidc) && birth.Earliest > born.Latest)
            {
                errors.Add("birthDate", "The date of birth is after a child's.");
                return;
            }
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? KhmerName(string field, string? text, bool required, FieldErrors errors)
    {
        if (text is null)
        {
            if (required) errors.Add(field, "This name is required.");
            return null;
        }

        var name = PersonNames.Khmer(text, out var error);
        if (error is not null) errors.Add(field, error);
        return name;
    }

    private static string? OptionalKhmer(string field, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return KhmerName(field, text, required: false, errors);
    }

    private static string? LatinName(string field, string? text, bool required, FieldErrors errors)
    {
        if (text is null)
        {
            if (required) errors.Add(field, "This name is required.");
            return null;
        }

        var name = PersonNames.Latin(text, out var error);
        if (error is not null) errors.Add(field, error);
        return name;
    }

    private static T? ParseEnum<T>(string field, string? text, bool required, FieldErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, $"Required: one of {string.Join(", ", Enum.GetNames<T>())}.");
            return null;
        }

        if (ChangeRequest.TryParseName<T>(text, out var value))
        {
            return value;
        }

        errors.Add(field, $"Use one of {string.Join(", ", Enum.GetNames<T>())}.");
        return null;
    }
}

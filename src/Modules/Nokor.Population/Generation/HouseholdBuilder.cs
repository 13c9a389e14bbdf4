using Nokor.Population.Contracts;

namespace Nokor.Population.Generation;

/// <summary>
/// Draws households, deterministically from one seeded <see cref="Random"/>:
/// <list type="bullet">
/// <item>Families (about 85% of households): a married couple, the mother's age drawn from the
/// <see cref="AgePyramid"/> (18 and over), the father usually a few years older; children born from
/// the mother's 17th year on, 1 to 5 years apart, more of them for older mothers. Children of 22 and
/// over have mostly left home (they are adults of other households), so older couples come out as
/// "empty nests". Children take the <b>father's surname</b>: the civil registration practice of
/// giving the father's given name as the child's surname also exists in Cambodia, but the
/// family-surname convention is the common one today and keeps families easy to recognise in
/// demos. Wives keep their own surname, as Cambodian women do.</item>
/// <item>Widowhood grows with age: in some older families one spouse (usually the husband) is
/// recorded as deceased and the survivor is widowed; a few younger mothers are divorced, their
/// children carrying the father's name without his KIDC.</item>
/// <item>Single-person households (about 12%): young unmarried adults and elderly widows and
/// widowers, a few of them deceased.</item>
/// <item>Foreign residents (about 0.5% of people): couples of Vietnamese, Chinese or Thai
/// nationality with their children born in Cambodia, all with KIDCs of the foreign-resident
/// category and no Khmer ID card.</item>
/// </list>
/// Everybody shares the household's village and address; places of birth are often in the same
/// commune, otherwise in the same province or anywhere. Records of people born before 1975 often
/// know only the year or the month of birth, as paper registers did.
/// </summary>
internal sealed class HouseholdBuilder(Random random, NameLists names, VillageSet villages, DateOnly referenceDate)
{
    public const double SinglePersonShare = 0.12;
    public const double ForeignHouseholdShare = 0.006;
    public const int LeaveHomeAge = 22;
    public const int IdCardAge = 15;
    public const int IdCardValidityYears = 10;

    private static readonly int[] s_husbandAgeGap = [-2, -1, 0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 7, 8, 10];
    private static readonly int[] s_childrenYoungMother = [1, 2, 2, 2, 3, 3, 4];
    private static readonly int[] s_childrenOlderMother = [2, 3, 3, 4, 4, 5, 5, 6];
    private static readonly string[] s_foreignNationalities = ["VN", "VN", "VN", "VN", "VN", "VN", "CN", "CN", "CN", "TH"];

    public DateOnly ReferenceDate => referenceDate;

    /// <summary>Appends the members of one household to <paramref name="output"/>, parents before children.</summary>
    public void Next(List<SyntheticPerson> output)
    {
        var village = villages.Pick(random);
        var address = Address(village);
        var kind = random.NextDouble();
        if (kind < ForeignHouseholdShare)
        {
            Family(output, village, address, foreign: s_foreignNationalities[random.Next(s_foreignNationalities.Length)]);
        }
        else if (kind < ForeignHouseholdShare + SinglePersonShare)
        {
            Single(output, village, address);
        }
        else
        {
            Family(output, village, address, foreign: null);
        }
    }

    private void Single(List<SyntheticPerson> output, int village, string address)
    {
        var age = AgePyramid.Sample(random, 18, AgePyramid.MaxAge);
        var sex = age >= 60 && random.NextDouble() < 0.7 ? Sex.Female : RandomSex();
        var person = NewPerson(names.Surnames.Next(random), sex, BirthDateForAge(age), village, address);
        person.BirthPlaceCode = BirthPlace(village, sameCommune: 0.4);
        person.MaritalStatus = age < 30
            ? (random.NextDouble() < 0.95 ? MaritalStatus.NeverMarried : MaritalStatus.Divorced)
            : age < 55
                ? Pick(MaritalStatus.NeverMarried, 0.5, MaritalStatus.Divorced, 0.3, MaritalStatus.Separated)
                : Pick(MaritalStatus.Widowed, 0.7, MaritalStatus.Divorced, 0.2, MaritalStatus.NeverMarried);
        if (age >= 60 && random.NextDouble() < 0.05)
        {
            Die(person, earliest: referenceDate.AddYears(-5));
        }

        Finish(person);
        output.Add(person);
    }

    private void Family(List<SyntheticPerson> output, int village, string address, string? foreign)
    {
        var motherAge = foreign is null
            ? AgePyramid.Sample(random, 18, 80)
            : AgePyramid.Sample(random, 20, 55);
        var motherBirth = BirthDateForAge(motherAge);
        var fatherBirth = motherBirth.AddYears(-s_husbandAgeGap[random.Next(s_husbandAgeGap.Length)]).AddDays(random.Next(-180, 181));
        if (fatherBirth > motherBirth.AddYears(1))
        {
            // At most a year younger than his wife, so at least 16 years older than any child.
            fatherBirth = motherBirth.AddYears(1);
        }

        var father = NewPerson(names.Surnames.Next(random), Sex.Male, fatherBirth, village, address);
        var mother = NewPerson(names.Surnames.Next(random), Sex.Female, motherBirth, village, address);
        father.MaritalStatus = MaritalStatus.Married;
        mother.MaritalStatus = MaritalStatus.Married;
        foreach (var parent in (ReadOnlySpan<SyntheticPerson>)[father, mother])
        {
            if (foreign is null)
            {
                parent.BirthPlaceCode = BirthPlace(village, sameCommune: 0.45);
            }
            else
            {
                MakeForeign(parent, foreign);
                parent.BirthCountry = foreign;
            }
        }

        // Children: born from the mother's 17th year, 1 to 5 years apart.
        var children = new List<SyntheticPerson>();
        var count = motherAge >= 45
            ? s_childrenOlderMother[random.Next(s_childrenOlderMother.Length)]
            : s_childrenYoungMother[random.Next(s_childrenYoungMother.Length)];
        if (foreign is not null)
        {
            count = random.Next(0, 3);
        }

        var firstAt = random.NextDouble() < 0.3 ? random.Next(17, 34) : random.Next(18, 26);
        var birth = motherBirth.AddYears(firstAt).AddDays(random.Next(0, 365));
        var youngest = birth;
        for (var i = 0; i < count && birth <= referenceDate; i++)
        {
            var age = AgeOn(birth, referenceDate);
            var sex = RandomSex();
            var given = names.GivenNames(sex).Next(random);
            var atHome = age < LeaveHomeAge || (age < 30 && random.NextDouble() < 0.3);
            if (atHome)
            {
                var child = new SyntheticPerson
                {
                    Surname = father.Surname,
                    GivenName = given,
                    Sex = sex,
                    BirthDate = birth,
                    ResidenceVillageCode = villages[village],
                    ResidenceAddress = address,
                    Father = father,
                    Mother = mother,
                };
                child.BirthPlaceCode = BirthPlace(village, sameCommune: 0.7);
                if (foreign is not null)
                {
                    MakeForeign(child, foreign);
                }

                children.Add(child);
            }

            youngest = birth;
            birth = birth.AddDays(random.Next(365, 5 * 365));
        }

        var includeFather = true;
        if (foreign is null)
        {
            var widowhood = motherAge < 50 ? 0.01 : 0.04 + (motherAge - 50) * 0.012;
            if (random.NextDouble() < widowhood)
            {
                var (dead, survivor) = random.NextDouble() < 0.8 ? (father, mother) : (mother, father);
                var earliest = Max(youngest, dead.BirthDate.AddYears(40));
                Die(dead, earliest);
                survivor.MaritalStatus = MaritalStatus.Widowed;
            }
            else if (motherAge < 50 && children.Count > 0 && random.NextDouble() < 0.04)
            {
                // Divorced: the father lives elsewhere and is known to the children's records by name only.
                includeFather = false;
                mother.MaritalStatus = MaritalStatus.Divorced;
                foreach (var child in children)
                {
                    child.Father = null;
                    child.FatherNameKm = father.Surname.Km + " " + father.GivenName.Km;
                }
            }
        }

        if (includeFather)
        {
            // The marriage a year before the first child could have come, when both were adults
            // (no draw: the seeded sequence of the other fields stays as it was).
            var adults = Max(motherBirth.AddYears(18), fatherBirth.AddYears(18));
            var married = Max(motherBirth.AddYears(firstAt - 1), adults);
            mother.Husband = father;
            mother.MarriedOn = married < referenceDate ? married : referenceDate;
            Finish(father);
            output.Add(father);
        }

        Finish(mother);
        output.Add(mother);
        foreach (var child in children)
        {
            Finish(child);
            output.Add(child);
        }
    }

    private SyntheticPerson NewPerson(NameEntry surname, Sex sex, DateOnly birth, int village, string address) => new()
    {
        Surname = surname,
        GivenName = names.GivenNames(sex).Next(random),
        Sex = sex,
        BirthDate = birth,
        ResidenceVillageCode = villages[village],
        ResidenceAddress = address,
    };

    private static void MakeForeign(SyntheticPerson person, string nationality)
    {
        person.Nationality = nationality;
        person.CitizenshipStatus = CitizenshipStatus.ForeignResident;
    }

    /// <summary>Partial birth dates for old records, and the Khmer ID card of adult citizens.</summary>
    private void Finish(SyntheticPerson person)
    {
        if (person.BirthDate.Year < 1975)
        {
            var r = random.NextDouble();
            if (r < 0.25)
            {
                person.BirthMonthKnown = false;
                person.BirthDayKnown = false;
            }
            else if (r < 0.40)
            {
                person.BirthDayKnown = false;
            }
        }

        var cardAge = person.BirthDate.AddYears(IdCardAge);
        if (!person.IsForeignResident && person.LifeStatus == LifeStatus.Alive && cardAge <= referenceDate &&
            random.NextDouble() < 0.75)
        {
            // Issued some time in the last 12 years, never before the 15th birthday: a few have expired.
            var earliest = Max(cardAge, referenceDate.AddYears(-12));
            person.IdCardIssuedOn = earliest.AddDays(random.Next(referenceDate.DayNumber - earliest.DayNumber + 1));
        }
    }

    private void Die(SyntheticPerson person, DateOnly earliest)
    {
        earliest = Max(earliest, person.BirthDate.AddDays(1));
        var latest = referenceDate.AddDays(-1);
        if (earliest > latest)
        {
            earliest = latest;
        }

        person.LifeStatus = LifeStatus.Deceased;
        person.DeathDate = earliest.AddDays(random.Next(latest.DayNumber - earliest.DayNumber + 1));
    }

    private string? BirthPlace(int village, double sameCommune)
    {
        var r = random.NextDouble();
        var index = r < sameCommune ? villages.PickInCommune(random, village)
            : r < sameCommune + (1 - sameCommune) / 2 ? villages.PickInProvince(random, village)
            : villages.Pick(random);
        return villages[index];
    }

    private string Address(int village)
    {
        var house = random.Next(1, 300);
        return villages.IsCapital(village)
            ? $"House {house}, Street {random.Next(1, 600)}"
            : $"House {house}, Group {random.Next(1, 13)}";
    }

    private DateOnly BirthDateForAge(int age)
    {
        // Uniform over the year of days on which a person born then is exactly `age` today.
        var latest = referenceDate.AddYears(-age);
        var earliest = referenceDate.AddYears(-age - 1).AddDays(1);
        return earliest.AddDays(random.Next(latest.DayNumber - earliest.DayNumber + 1));
    }

    private Sex RandomSex() => random.NextDouble() < 0.51 ? Sex.Female : Sex.Male;

    private MaritalStatus Pick(MaritalStatus a, double pa, MaritalStatus b, double pb, MaritalStatus c)
    {
        var r = random.NextDouble();
        return r < pa ? a : r < pa + pb ? b : c;
    }

    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

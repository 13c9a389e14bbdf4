using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Marriages;

/// <summary>
/// Checks a marriage dossier against the Civil Code of Cambodia (2007), Book 7, and the Population
/// Registry. Well-formed fields first (dates, gazetteer place, two witnesses, a property regime of
/// the list); a spouse with a KIDC is confirmed by the registry with the names, sex and date of
/// birth the clerk typed and alive on the date (<see cref="DossierValidator.NotConfirmed"/> for
/// every reason, as for the parents of a birth); a foreign spouse is described by passport. Then the
/// Code's conditions, each refused on the field it concerns with its article: the age (art. 948),
/// no spouse married already (art. 949, naming the marriage registration in force) nor named in an
/// open marriage application, and no kinship in a prohibited degree (art. 950 by blood, 951 by
/// affinity, 952 by adoption) found through the registry's parent links.
/// </summary>
internal sealed class MarriageValidator(
    GazetteerService gazetteer, IPopulationRegistry registry, CivilDbContext db, IOptions<CivilRegistrationOptions> options, TimeProvider clock)
{
    /// <summary>The reference prefix the registry knows a marriage registration's spouse links by.</summary>
    public const string ReferencePrefix = "crvs:marriage:";

    public static readonly string[] ConsentRelationships = ["father", "mother", "guardian"];

    private MarriageRules Rules => options.Value.Marriage;

    /// <param name="input">The dossier as entered.</param>
    /// <param name="actor">Who enters it.</param>
    /// <param name="errors">Field errors are added here.</param>
    /// <param name="act">The act, for the audit of registry look-ups ("civil registration &lt;id&gt;").</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="correcting">The marriage registration being corrected: its own spouse links and application are not a second marriage.</param>
    public async Task<(MarriageDossier? Dossier, DossierFacts? Facts)> MarriageAsync(
        MarriageDossier? input, Actor actor, FieldErrors errors, string act, CancellationToken ct, Guid? correcting = null)
    {
        var f = new Fields(errors, gazetteer);
        if (input is null)
        {
            errors.Add("marriage", "The marriage's details are required.");
            return (null, null);
        }

        if (input.Husband is null)
        {
            errors.Add("marriage.husband", "The husband's details are required.");
        }

        if (input.Wife is null)
        {
            errors.Add("marriage.wife", "The wife's details are required.");
        }

        var today = CambodiaTime.Today(clock);
        var date = f.Date("marriage.marriageDate", input.MarriageDate, required: true);
        if (date > today)
        {
            errors.Add("marriage.marriageDate", "The date of the marriage is after today, the date of registration.");
            date = null;
        }

        var place = await f.VillageAsync("marriage.marriagePlaceCode", input.MarriagePlaceCode, required: true);
        var husband = input.Husband is null ? null : await SpouseAsync("marriage.husband", input.Husband, date, today, f);
        var wife = input.Wife is null ? null : await SpouseAsync("marriage.wife", input.Wife, date, today, f);
        if (husband?.Kidc is not null && husband.Kidc == wife?.Kidc)
        {
            errors.Add("marriage.wife.kidc", "The husband and the wife cannot be the same person (the same KIDC twice).");
        }

        if (husband is not null && wife is not null && husband.Kidc is null && wife.Kidc is null &&
            !errors.Has("marriage.husband.kidc") && !errors.Has("marriage.wife.kidc"))
        {
            errors.Add("marriage.husband.kidc", "At least one spouse must be a person of the Population Registry, named by KIDC.");
        }

        var witnesses = Witnesses(input.Witnesses, husband, wife, f);
        var regime = Regime(input.PropertyRegime, errors);
        var informant = input.Informant is null ? null : DossierValidator.Informant("marriage.informant", input.Informant, f);
        if (date is { } d && husband is not null && wife is not null)
        {
            CheckAges(husband, wife, d, errors);
        }

        // The registry confirms both spouses named by KIDC at once (one audit commit), each of the
        // sex of the role and with no death recorded (art. 948 ff. ask a living person, and the
        // registry records a marriage only while both spouses live: a spouse who died after the date
        // is refused here, at entry, not at approval).
        var claims = new List<(string Path, SpouseDetails Spouse, PersonClaim Claim)>();
        if (husband?.Kidc is not null && !Described(errors, "marriage.husband"))
        {
            claims.Add(("marriage.husband", husband, Claim(husband, Sex.Male, date)));
        }

        if (wife?.Kidc is not null && !Described(errors, "marriage.wife"))
        {
            claims.Add(("marriage.wife", wife, Claim(wife, Sex.Female, date)));
        }

        var residesHere = false;
        string? residence = null;
        if (claims.Count > 0)
        {
            var answers = await registry.ConfirmManyAsync(claims.Select(c => c.Claim).ToList(), actor, $"{act}: spouses of a marriage", ct);
            for (var i = 0; i < claims.Count; i++)
            {
                if (!answers[i].Confirmed)
                {
                    errors.Add($"{claims[i].Path}.kidc", DossierValidator.NotConfirmed);
                }
                else
                {
                    residesHere |= answers[i].ResidesInCallerArea;
                    residence ??= answers[i].ResidenceVillageCode;
                }
            }
        }

        if (errors.Any)
        {
            return (null, null);
        }

        // The Code's conditions that need the registers: asked only of a dossier otherwise valid.
        await CheckNotMarriedAsync("marriage.husband", husband!, actor, act, correcting, errors, ct);
        await CheckNotMarriedAsync("marriage.wife", wife!, actor, act, correcting, errors, ct);
        if (husband!.Kidc is not null && wife!.Kidc is not null && !errors.Any)
        {
            await CheckKinshipAsync(husband.Kidc, wife.Kidc, actor, act, errors, ct);
        }

        if (errors.Any)
        {
            return (null, null);
        }

        // A marriage is registered by the office of the place where it is concluded or where a spouse lives.
        if (!actor.Jurisdiction.Covers(place) && !residesHere && !actor.Jurisdiction.Covers(husband.ResidenceVillageCode) && !actor.Jurisdiction.Covers(wife!.ResidenceVillageCode))
        {
            errors.Add("marriage.marriagePlaceCode", "Neither the place of the marriage nor a spouse's residence is in your office's area.");
            return (null, null);
        }

        husband = husband.Kidc is null ? husband : husband with { Confirmed = true };
        wife = wife!.Kidc is null ? wife : wife with { Confirmed = true };
        var dossier = new MarriageDossier
        {
            Husband = husband,
            Wife = wife,
            MarriageDate = date!.Value.ToString("yyyy-MM-dd"),
            MarriagePlaceCode = place,
            Witnesses = witnesses,
            PropertyRegime = regime,
            Informant = informant,
        };
        return (dossier, new DossierFacts(
            date.Value,
            place!,
            Cap($"{NameKm(husband)} & {NameKm(wife)}"),
            Cap($"{NameLatin(husband)} & {NameLatin(wife)}"),
            husband.Kidc ?? wife.Kidc,
            null,
            null,
            residence ?? husband.ResidenceVillageCode ?? wife.ResidenceVillageCode));
    }

    /// <summary>A spouse's name as printed: Khmer, or the Latin names of a foreign spouse who has none.</summary>
    public static string NameKm(SpouseDetails s) =>
        s.SurnameKm is not null ? $"{s.SurnameKm} {s.GivenNameKm}".Trim() : NameLatin(s);

    public static string NameLatin(SpouseDetails s) => $"{s.SurnameLatin} {s.GivenNameLatin}".Trim();

    /// <summary>The registration id a registry marriage reference (<c>crvs:marriage:&lt;id&gt;</c>) names, if it is one.</summary>
    public static Guid? RegistrationOf(string reference) =>
        reference.StartsWith(ReferencePrefix, StringComparison.Ordinal) && Guid.TryParse(reference[ReferencePrefix.Length..], out var id) ? id : null;

    private static string Cap(string text) => text.Length <= 200 ? text : text[..200];

    private static bool Described(FieldErrors errors, string path) =>
        new[] { "kidc", "birthDate", "surnameKm", "givenNameKm", "surnameLatin", "givenNameLatin" }.Any(x => errors.Has($"{path}.{x}"));

    private static PersonClaim Claim(SpouseDetails s, Sex sex, DateOnly? date) =>
        new(s.Kidc!, s.SurnameKm!, s.GivenNameKm!, s.SurnameLatin, s.GivenNameLatin, s.BirthDate!, sex) { AliveOn = date, Living = true };

    /// <summary>
    /// A spouse as declared. With a KIDC: the Khmer names and the date of birth (the registry confirms
    /// them). Without: a foreign spouse, by passport number, issuing state, nationality (not KH:
    /// a Cambodian is named by KIDC) and Latin names.
    /// </summary>
    private async Task<SpouseDetails?> SpouseAsync(string path, SpouseDetails s, DateOnly? date, DateOnly today, Fields f)
    {
        var errors = f.Errors;
        var kidc = f.Kidc($"{path}.kidc", s.Kidc);
        var foreign = kidc is null && !errors.Has($"{path}.kidc");
        var born = f.BirthDate($"{path}.birthDate", s.BirthDate, required: true, today);
        if (born is { } b && date is { } d && b.Earliest > d)
        {
            errors.Add($"{path}.birthDate", "This spouse was born after the date of the marriage.");
        }

        var spouse = new SpouseDetails
        {
            Kidc = kidc,
            SurnameKm = f.KhmerName($"{path}.surnameKm", s.SurnameKm, required: !foreign),
            GivenNameKm = f.KhmerName($"{path}.givenNameKm", s.GivenNameKm, required: !foreign),
            SurnameLatin = f.LatinName($"{path}.surnameLatin", s.SurnameLatin, required: foreign),
            GivenNameLatin = f.LatinName($"{path}.givenNameLatin", s.GivenNameLatin, required: foreign),
            BirthDate = born?.ToString(),
            Nationality = f.Country($"{path}.nationality", s.Nationality) ?? (foreign ? null : "KH"),
            PassportNumber = foreign ? Passport($"{path}.passportNumber", s.PassportNumber, f) : null,
            PassportCountry = foreign ? f.Country($"{path}.passportCountry", s.PassportCountry) : null,
            ResidenceVillageCode = await f.VillageAsync($"{path}.residenceVillageCode", s.ResidenceVillageCode, required: false),
            Consent = s.Consent is null ? null : Consent($"{path}.consent", s.Consent, date, f),
            PriorMarriages = PriorMarriages($"{path}.priorMarriages", s.PriorMarriages, date, f),
        };
        if (foreign)
        {
            if (spouse.PassportCountry is null && !errors.Has($"{path}.passportCountry"))
            {
                errors.Add($"{path}.passportCountry", "A spouse without a KIDC is described by passport: give the issuing country (ISO 3166-1 alpha-2).");
            }

            if (spouse.Nationality is null && !errors.Has($"{path}.nationality"))
            {
                errors.Add($"{path}.nationality", "A spouse without a KIDC is described by passport: give the nationality (ISO 3166-1 alpha-2).");
            }
            else if (spouse.Nationality == "KH")
            {
                errors.Add($"{path}.kidc", "A Cambodian spouse is named by KIDC; a passport describes a foreign spouse only.");
            }
        }

        return spouse;
    }

    private static string? Passport(string field, string? text, Fields f)
    {
        var number = Fields.Trimmed(text)?.ToUpperInvariant();
        if (number is null)
        {
            f.Errors.Add(field, "A spouse without a KIDC is described by passport: give the passport number.");
            return null;
        }

        if (number.Length is < 5 or > 20 || !number.All(char.IsAsciiLetterOrDigit))
        {
            f.Errors.Add(field, "A passport number is 5 to 20 letters and digits.");
            return null;
        }

        return number;
    }

    private static ConsentDetails Consent(string path, ConsentDetails c, DateOnly? date, Fields f)
    {
        var relationship = Fields.Trimmed(c.Relationship)?.ToLowerInvariant();
        if (relationship is null || !ConsentRelationships.Contains(relationship))
        {
            f.Errors.Add($"{path}.relationship", $"Say who holds parental power: one of {string.Join(", ", ConsentRelationships)}.");
            relationship = null;
        }

        var given = f.Date($"{path}.givenOn", c.GivenOn, required: true);
        if (given is { } g && date is { } d && g > d)
        {
            f.Errors.Add($"{path}.givenOn", "The consent must be given before the marriage.");
        }

        return new ConsentDetails
        {
            Name = f.Text($"{path}.name", c.Name, required: true, max: 200),
            Relationship = relationship,
            Kidc = f.Kidc($"{path}.kidc", c.Kidc),
            GivenOn = given?.ToString("yyyy-MM-dd"),
        };
    }

    private static IReadOnlyList<PriorMarriage>? PriorMarriages(string path, IReadOnlyList<PriorMarriage>? prior, DateOnly? date, Fields f)
    {
        if (prior is null || prior.Count == 0)
        {
            return null;
        }

        if (prior.Count > 10)
        {
            f.Errors.Add(path, "At most 10 earlier marriages are recorded.");
            return null;
        }

        var list = new List<PriorMarriage>();
        for (var i = 0; i < prior.Count; i++)
        {
            var p = prior[i];
            var at = $"{path}[{i}]";
            var number = Fields.Trimmed(p.RegistrationNumber)?.ToUpperInvariant();
            if (number is not null && (!Numbers.RegistrationNumbers.LooksLikeNumber(number) || number[0] != 'M'))
            {
                f.Errors.Add($"{at}.registrationNumber", "A marriage registration number looks like M120101-2020-000042.");
                number = null;
            }

            var endedBy = Fields.Trimmed(p.EndedBy);
            if (endedBy is null || !new[] { "Divorce", "Annulment", "Death" }.Contains(endedBy, StringComparer.OrdinalIgnoreCase))
            {
                f.Errors.Add($"{at}.endedBy", "Say how the earlier marriage ended: Divorce, Annulment or Death (of that spouse).");
                endedBy = null;
            }

            var endedOn = f.Date($"{at}.endedOn", p.EndedOn, required: true);
            if (endedOn is { } e && date is { } d && e > d)
            {
                f.Errors.Add($"{at}.endedOn", "An earlier marriage must have ended before this one.");
            }

            list.Add(new PriorMarriage
            {
                RegistrationNumber = number,
                SpouseName = f.Text($"{at}.spouseName", p.SpouseName, required: true, max: 200),
                EndedBy = endedBy is null ? null : char.ToUpperInvariant(endedBy[0]) + endedBy[1..].ToLowerInvariant(),
                EndedOn = endedOn?.ToString("yyyy-MM-dd"),
            });
        }

        return list;
    }

    /// <summary>Two witnesses (at most four), each named; a spouse is not a witness of their own marriage.</summary>
    private static IReadOnlyList<WitnessDetails>? Witnesses(IReadOnlyList<WitnessDetails>? input, SpouseDetails? husband, SpouseDetails? wife, Fields f)
    {
        if (input is null || input.Count < 2)
        {
            f.Errors.Add("marriage.witnesses", "Two witnesses of age attend the marriage: name both.");
            return null;
        }

        if (input.Count > 4)
        {
            f.Errors.Add("marriage.witnesses", "At most four witnesses are recorded.");
            return null;
        }

        var list = new List<WitnessDetails>();
        for (var i = 0; i < input.Count; i++)
        {
            var at = $"marriage.witnesses[{i}]";
            var w = input[i];
            var kidc = f.Kidc($"{at}.kidc", w.Kidc);
            if (kidc is not null && (kidc == husband?.Kidc || kidc == wife?.Kidc))
            {
                f.Errors.Add($"{at}.kidc", "A spouse cannot be a witness of their own marriage.");
            }

            list.Add(new WitnessDetails
            {
                Name = f.Text($"{at}.name", w.Name, required: true, max: 200),
                Kidc = kidc,
                Address = f.Text($"{at}.address", w.Address, required: false, max: 300),
            });
        }

        return list;
    }

    private string Regime(string? text, FieldErrors errors)
    {
        var regime = Fields.Trimmed(text);
        if (regime is null)
        {
            return Rules.PropertyRegimes.FirstOrDefault() ?? "Legal";
        }

        var known = Rules.PropertyRegimes.FirstOrDefault(r => string.Equals(r, regime, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            errors.Add("marriage.propertyRegime", $"Use one of {string.Join(", ", Rules.PropertyRegimes)}.");
            return regime;
        }

        return known;
    }

    /// <summary>
    /// Civil Code art. 948: a man and a woman may marry at <see cref="MarriageRules.MinimumAge"/>
    /// (18); art. 948(2): a minor of <see cref="MarriageRules.MinimumAgeWithConsent"/> (16) or more
    /// may marry an adult with the consent of the holder of parental power. A date of birth known
    /// only to the month or year counts from its last possible day: the law asks the age to be sure.
    /// </summary>
    private void CheckAges(SpouseDetails husband, SpouseDetails wife, DateOnly date, FieldErrors errors)
    {
        int? Age(SpouseDetails s) => PartialDate.TryParse(s.BirthDate, out var born) ? DossierValidator.AgeAt(born.Latest, date) : null;

        var ages = new[] { ("marriage.husband", husband, Age(husband)), ("marriage.wife", wife, Age(wife)) };
        foreach (var (path, spouse, age) in ages)
        {
            if (age is not { } a || errors.Has($"{path}.birthDate"))
            {
                continue;
            }

            if (a >= Rules.MinimumAge)
            {
                if (spouse.Consent is not null)
                {
                    errors.Add($"{path}.consent", $"Consent to marry is recorded only for a spouse under {Rules.MinimumAge} (Civil Code art. 948(2)).");
                }

                continue;
            }

            if (a < Rules.MinimumAgeWithConsent)
            {
                errors.Add($"{path}.birthDate",
                    $"Civil Code art. 948: this spouse is {a} on the date of the marriage; the minimum age is {Rules.MinimumAge}, or {Rules.MinimumAgeWithConsent} with the consent of the holder of parental power.");
                continue;
            }

            var other = ages.First(x => x.Item1 != path).Item3;
            if (Rules.MinorMustMarryAnAdult && other is { } o && o < Rules.MinimumAge)
            {
                errors.Add($"{path}.birthDate",
                    $"Civil Code art. 948(2): a spouse under {Rules.MinimumAge} may marry only a spouse who is of age; both are minors on the date of the marriage.");
            }
            else if (spouse.Consent is null)
            {
                errors.Add($"{path}.consent",
                    $"Civil Code art. 948(2): this spouse is {a} on the date of the marriage: record the consent of the holder of parental power (name, relationship, date).");
            }
        }
    }

    /// <summary>
    /// Civil Code art. 949: a person who has a spouse may not marry again. The registry's marriage in
    /// force is refused naming its registration; an open marriage application naming the same person
    /// is refused too (another office's is not revealed: it gets the one "not confirmed" answer).
    /// </summary>
    private async Task CheckNotMarriedAsync(string path, SpouseDetails spouse, Actor actor, string act, Guid? correcting, FieldErrors errors, CancellationToken ct)
    {
        if (spouse.Kidc is not { } kidc)
        {
            return;
        }

        var link = await registry.MarriageInForceAsync(kidc, actor, $"{act}: marriage in force of a spouse", ct);
        if (link is not null && (correcting is null || RegistrationOf(link.MarriageReference) != correcting))
        {
            var registrationId = RegistrationOf(link.MarriageReference);
            var number = registrationId is { } id
                ? await db.Registrations.AsNoTracking().Where(r => r.Id == id).Select(r => r.Number).FirstOrDefaultAsync(ct)
                : null;
            errors.Add($"{path}.kidc", number is not null
                ? $"Civil Code art. 949: this person is already married: marriage registration {number} is in force since {link.From:yyyy-MM-dd}."
                : $"Civil Code art. 949: this person is already married: the Population Registry holds a marriage in force since {link.From:yyyy-MM-dd}.");
            return;
        }

        var open = await db.Registrations.AsNoTracking()
            .Where(r => r.Event == VitalEvent.Marriage && (r.Status == RegistrationStatus.Entered || r.Status == RegistrationStatus.Verified) &&
                r.Id != correcting && r.Dossier.Contains(kidc))
            .Select(r => new { r.Id, r.OfficeCode, r.Dossier })
            .ToListAsync(ct);
        var pending = open.FirstOrDefault(r =>
        {
            var m = Dossiers.Read<MarriageDossier>(r.Dossier);
            return m.Husband?.Kidc == kidc || m.Wife?.Kidc == kidc;
        });
        if (pending is not null)
        {
            errors.Add($"{path}.kidc", actor.Jurisdiction.Covers(pending.OfficeCode)
                ? $"Civil Code art. 949: a marriage application naming this person is already open ({pending.Id}): it must be rejected before a new one is entered."
                : DossierValidator.NotConfirmed);
        }
    }

    /// <summary>
    /// Civil Code art. 950 (lineal relatives by blood, and collateral ones within the third degree),
    /// art. 951 (lineal relatives by affinity) and art. 952 (adoptive relationship): the registry
    /// answers the closest relationship within the limits, never who the common relatives are.
    /// </summary>
    private async Task CheckKinshipAsync(string husband, string wife, Actor actor, string act, FieldErrors errors, CancellationToken ct)
    {
        var limits = new KinshipLimits(Rules.ProhibitedCollateralDegree, Rules.ProhibitedLinealGenerations)
        {
            Affinity = Rules.AffinityProhibited,
            Adoptive = Rules.AdoptiveProhibited,
        };
        var kinship = await registry.KinshipAsync(husband, wife, limits, actor, $"{act}: prohibited degrees of a marriage", ct);
        if (kinship is null)
        {
            return;
        }

        var article = kinship.Kind switch
        {
            KinshipKind.Lineal => "art. 950 (lineal relatives by blood)",
            KinshipKind.Collateral => $"art. 950 (collateral relatives by blood within the {Ordinal(Rules.ProhibitedCollateralDegree)} degree)",
            KinshipKind.LinealByAffinity => "art. 951 (lineal relatives by affinity)",
            _ => "art. 952 (adoptive relationship)",
        };
        if (kinship.Kind == KinshipKind.Collateral && kinship.Degree > Rules.ProhibitedCollateralDegree)
        {
            return;
        }

        errors.Add("marriage.wife.kidc",
            $"Civil Code {article}: the spouses are related in a prohibited degree ({kinship.Description}, degree {kinship.Degree}); they may not marry.");
    }

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", 4 => "fourth", _ => $"{n}th" };
}

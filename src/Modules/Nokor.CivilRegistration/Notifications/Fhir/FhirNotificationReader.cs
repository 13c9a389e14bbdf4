using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Khmer;

namespace Nokor.CivilRegistration.Notifications.Fhir;

/// <summary>
/// Reads a birth or death notification sent by a hospital information system as a FHIR R4 Bundle
/// (NSPI 5.3 notification services: "the authority that witnessed the appearance of the vital
/// event") into a <see cref="NotificationRequest"/>, which <see cref="NotifyVitalEvent"/> then
/// validates and stores like any other notification. It never throws: any problem comes back as an
/// <see cref="OperationOutcome"/> listing every issue (severity error, a code, the FHIRPath of the
/// element in <c>expression</c>).
/// <para>The profile accepted (one event per Bundle):</para>
/// <list type="bullet">
/// <item><b>Bundle</b>: <c>type</c> collection, message or document; <c>identifier.value</c> required,
/// becomes the source reference, so sending the same Bundle again stores it once. The source system
/// is the first of <c>Bundle.meta.source</c>, <c>MessageHeader.source.endpoint</c>,
/// <c>MessageHeader.source.name</c>, or else the notifying organization's name. Resources of other
/// types (Composition, MessageHeader, Practitioner...) are allowed and ignored; a resource type FHIR
/// R4 does not know is an error.</item>
/// <item>Exactly one <b>Patient</b>: the newborn, or the deceased. A Patient with
/// <c>deceasedDateTime</c> makes the Bundle a death; <c>deceasedBoolean</c> alone is refused (the
/// date of death is required). Otherwise it is a birth.</item>
/// <item><b>Location</b> with an identifier of system <c>https://nokor.gov.kh/gazetteer</c>: the
/// gazetteer village code of the place of the event (for a facility, the village it stands in).
/// Required; several Locations with different village codes are refused.</item>
/// <item><b>Encounter</b> (optional): <c>location[0].location.display</c> (else the Location's name,
/// else <c>serviceProvider.display</c>) is the facility name; <c>serviceProvider.display</c> (else
/// the first Organization's name, else the first Practitioner's name, else the facility name) is the
/// informant's name, which is required. The informant kind is always HealthFacility: Bundles come
/// from hospital systems.</item>
/// <item>Birth: Patient <c>birthDate</c> (a full date, required) is the date of the event; the
/// <c>http://hl7.org/fhir/StructureDefinition/patient-birthTime</c> extension on <c>birthDate</c>
/// (or on the Patient) gives the time, converted to Cambodian time (UTC+7), which must fall on that
/// date; <c>gender</c> male/female gives the child's sex. The birth type is, in order: an
/// Observation LOINC 57722-1 (birth plurality, an integer: 1 single, 2 twin, 3 triplet, 4+ higher);
/// else <c>multipleBirthBoolean</c> true (twin: at least two) or <c>multipleBirthInteger</c> 2, 3, 4+
/// (FHIR makes the integer the birth order, so it is read as "at least that many": twin, triplet,
/// higher); else single. Weight: an Observation LOINC 8339-4 with <c>valueQuantity</c> in g or kg
/// (UCUM), rounded to grams. The mother is required: exactly one <b>RelatedPerson</b> whose
/// relationship has v3-RoleCode MTH (or NMTH, BIOMTH); each of her names goes to the Khmer name when
/// it contains Khmer script (U+1780–U+17FF) and to the Latin name otherwise (<c>text</c>, else family
/// then given names); an identifier of system <c>https://nokor.gov.kh/kidc</c> is her KIDC;
/// <c>birthDate</c> (a full date) her date of birth.</item>
/// <item>Death: the Patient's <c>deceasedDateTime</c> (at least a full date) gives the date, and
/// the time when it has one, in Cambodian time; KIDC identifier, names, gender and birthDate as for
/// the mother. <b>Condition</b> resources are the WHO certificate: in Bundle order, part 1 lines a to d
/// (at most four); a Condition with a category coding
/// <c>https://nokor.gov.kh/fhir/CodeSystem/cause-of-death-part#contributing</c> is part 2
/// (several are joined with "; ", the first ICD-10 code is kept). For each: the ICD-10 code is the
/// coding of system <c>http://hl7.org/fhir/sid/icd-10</c> (or <c>http://hl7.org/fid/icd-10</c>),
/// which must look like A09, I21.9; the condition text is <c>code.text</c>, else the coding's display;
/// the interval is <c>onsetString</c> as written ("3 days") or <c>onsetAge</c> as "value unit"
/// (other onset types are ignored). Manner of death: an Observation LOINC 69449-7 whose
/// <c>valueCodeableConcept</c> has a SNOMED CT code of the VRDR value set (38605008 natural →
/// Disease, 7878000 accident, 44301001 suicide → IntentionalSelfHarm, 27935005 homicide → Assault,
/// 185973002 pending investigation, 65037004 could not be determined).</item>
/// <item>Stillbirth (foetal death): a <b>Composition</b> whose <c>type</c> has the LOINC coding
/// 69045-3 (report of fetal death) makes the Bundle a foetal death, whatever the Patient says. The
/// one Patient is the foetus delivered dead: <c>birthDate</c> (a full date, required) is the date of
/// delivery; <c>gender</c> male/female gives the sex, any other value or none "Undetermined"; it has
/// no KIDC and none is ever issued (an identifier of system <c>https://nokor.gov.kh/kidc</c> is
/// refused). The mother, the Location, the Encounter, the weight (LOINC 8339-4) and the plurality
/// (LOINC 57722-1, or <c>multipleBirth</c>) are read as for a birth, with the same limits. The
/// gestation is required: an Observation LOINC 11884-4 (gestational age, estimated) whose
/// <c>valueQuantity</c> is in <c>wk</c> or <c>d</c> (UCUM), kept as completed weeks; the registration
/// then asks at least the configured minimum (22 weeks). The cause, optional: an Observation LOINC
/// 92022-3 (coded initiating cause or condition of fetal death) whose <c>valueCodeableConcept</c> has
/// an ICD-10 coding (such as P02.1 or P95), its text the condition as certified. The notification
/// is a <c>FoetalDeath</c>; the registration made from it creates no person.</item>
/// </list>
/// Checking is in two passes: the JSON and FHIR R4 syntax first (with the Firely SDK, whose every
/// issue becomes one of ours); only a well-formed Bundle is then checked against this profile.
/// </summary>
internal static partial class FhirNotificationReader
{
    public const string KidcSystem = "https://nokor.gov.kh/kidc";
    public const string GazetteerSystem = "https://nokor.gov.kh/gazetteer";
    public const string CauseOfDeathPartSystem = "https://nokor.gov.kh/fhir/CodeSystem/cause-of-death-part";
    public const string ContributingCode = "contributing";
    public const string BirthTimeExtension = "http://hl7.org/fhir/StructureDefinition/patient-birthTime";
    public const string RoleCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string BirthWeightLoinc = "8339-4";
    public const string PluralityLoinc = "57722-1";
    public const string MannerOfDeathLoinc = "69449-7";
    /// <summary>Composition.type of a stillbirth bundle: LOINC 69045-3, the report of fetal death.</summary>
    public const string FoetalDeathReportLoinc = "69045-3";
    /// <summary>Gestational age (estimated), LOINC 11884-4: valueQuantity in wk (or d), UCUM.</summary>
    public const string GestationalAgeLoinc = "11884-4";
    /// <summary>Coded initiating cause or condition of fetal death, LOINC 92022-3: valueCodeableConcept with an ICD-10 coding.</summary>
    public const string FoetalDeathCauseLoinc = "92022-3";

    private static readonly string[] Icd10Systems = ["http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fid/icd-10"];
    private static readonly string[] MotherCodes = ["MTH", "NMTH", "BIOMTH"];

    private static readonly Dictionary<string, MannerOfDeath> Manners = new()
    {
        ["38605008"] = MannerOfDeath.Disease,
        ["7878000"] = MannerOfDeath.Accident,
        ["44301001"] = MannerOfDeath.IntentionalSelfHarm,
        ["27935005"] = MannerOfDeath.Assault,
        ["185973002"] = MannerOfDeath.PendingInvestigation,
        ["65037004"] = MannerOfDeath.CouldNotBeDetermined,
    };

    private static readonly FhirJsonDeserializer Deserializer = new();

    // The rule of the registration form (Fields.Icd10), so a notification's cause carries into a registration.
    [GeneratedRegex(@"^[A-TV-Z][0-9]{2}(\.[0-9]{1,2})?$")]
    private static partial Regex Icd10Pattern();

    public static (NotificationRequest? Request, OperationOutcome? Problems) Read(string json)
    {
        var issues = new Issues();
        try
        {
            if (CheckJson(json, issues) && Deserialize(json, issues) is { } bundle)
            {
                var request = Map(bundle, issues);
                if (!issues.Any && request is not null)
                {
                    return (request, null);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the SDK or a malformed resource throws, the caller gets an OperationOutcome.
            issues.Add(OperationOutcome.IssueType.Structure, null, $"The bundle could not be read: {e.Message}");
        }

        if (!issues.Any)
        {
            issues.Add(OperationOutcome.IssueType.Invalid, null, "The bundle could not be read.");
        }

        return (null, issues.ToOutcome());
    }

    /// <summary>Plain JSON first: the SDK throws on some roots and ignores text after the object.</summary>
    private static bool CheckJson(string? json, Issues issues)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            issues.Add(OperationOutcome.IssueType.Required, null, "The body is empty: send a FHIR R4 Bundle in JSON.");
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                issues.Add(OperationOutcome.IssueType.Structure, null, $"The body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a FHIR resource: send a Bundle.");
                return false;
            }

            if (!root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
            {
                issues.Add(OperationOutcome.IssueType.Required, "resourceType", "The JSON object has no resourceType: send a FHIR R4 Bundle.");
                return false;
            }

            if (type.GetString() != "Bundle")
            {
                issues.Add(OperationOutcome.IssueType.Invalid, type.GetString(), $"Send a Bundle (type collection, message or document), not a {type.GetString()}.");
                return false;
            }

            return true;
        }
        catch (JsonException e)
        {
            issues.Add(OperationOutcome.IssueType.Structure, null, $"The body is not JSON: {e.Message}");
            return false;
        }
    }

    private static Bundle? Deserialize(string json, Issues issues)
    {
        IEnumerable<CodedException> found;
        Resource? resource;
        try
        {
            Deserializer.TryDeserializeResource(json, out resource, out found);
        }
        catch (DeserializationFailedException e)
        {
            resource = null;
            found = e.Exceptions;
        }

        foreach (var problem in found)
        {
            if (problem is ExtendedCodedException extended)
            {
                if (extended.IssueSeverity is OperationOutcome.IssueSeverity.Warning or OperationOutcome.IssueSeverity.Information)
                {
                    continue;
                }

                var at = extended.LineNumber is { } line ? $" (line {line}, position {extended.Position})" : "";
                issues.Add(extended.IssueType, Expression(extended.InstancePath),
                    $"{extended.BaseErrorMessage}{at} [{extended.ErrorCode}]");
            }
            else
            {
                issues.Add(OperationOutcome.IssueType.Invalid, null, $"{problem.Message} [{problem.ErrorCode}]");
            }
        }

        if (issues.Any)
        {
            return null;
        }

        if (resource is not Bundle bundle)
        {
            issues.Add(OperationOutcome.IssueType.Invalid, resource?.TypeName, "Send a Bundle.");
            return null;
        }

        return bundle;
    }

    /// <summary>The SDK names the root "$this" in some checks (cardinality); the root is the Bundle.</summary>
    private static string? Expression(string? path) =>
        string.IsNullOrWhiteSpace(path) ? null
        : path == "$this" ? "Bundle"
        : path.StartsWith("$this.", StringComparison.Ordinal) ? "Bundle" + path[5..]
        : path;

    private static NotificationRequest? Map(Bundle bundle, Issues issues)
    {
        if (bundle.Type is null)
        {
            issues.Add(OperationOutcome.IssueType.Required, "Bundle.type", "The bundle type is required: collection, message or document.");
        }
        else if (bundle.Type is not (Bundle.BundleType.Collection or Bundle.BundleType.Message or Bundle.BundleType.Document))
        {
            issues.Add(OperationOutcome.IssueType.Value, "Bundle.type", $"A notification is a collection, message or document bundle, not a {EnumUtility.GetLiteral(bundle.Type)}.");
        }

        var reference = Text(bundle.Identifier?.Value);
        if (reference is null)
        {
            issues.Add(OperationOutcome.IssueType.Required, "Bundle.identifier",
                "Bundle.identifier.value is required: your system's identifier of this event, so that sending it again does not notify it twice.");
        }

        var entries = new List<Entry>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var path = $"Bundle.entry[{i}].resource";
            if (bundle.Entry[i].Resource is { } resource)
            {
                entries.Add(new Entry(resource, path));
            }
            else
            {
                issues.Add(OperationOutcome.IssueType.Required, path, "This entry has no resource.");
            }
        }

        var patients = entries.Where(e => e.Resource is Patient).ToList();
        if (patients.Count == 0)
        {
            issues.Add(OperationOutcome.IssueType.Required, "Bundle.entry",
                "The bundle has no Patient: the newborn, or the deceased with deceasedDateTime.");
            return null;
        }

        foreach (var extra in patients.Skip(1))
        {
            issues.Add(OperationOutcome.IssueType.Invalid, extra.Path,
                "A bundle notifies one event: one Patient, the newborn or the deceased. Send twins as one bundle each, with multipleBirth.");
        }

        var patient = (Patient)patients[0].Resource;
        var patientPath = patients[0].Path;
        if (IsStillbirth(entries))
        {
            return Stillbirth(Common(bundle, entries, reference, "stillbirth", issues), patient, patientPath, entries, issues);
        }

        if (patient.Deceased is FhirBoolean { Value: true })
        {
            issues.Add(OperationOutcome.IssueType.Required, $"{patientPath}.deceased",
                "deceasedBoolean is not enough to notify a death: give the date of death as deceasedDateTime.");
            return null;
        }

        var deceasedAt = patient.Deceased as FhirDateTime;
        var request = Common(bundle, entries, reference, deceasedAt is not null ? "death" : "birth", issues);
        return deceasedAt is not null
            ? Death(request, patient, deceasedAt, patientPath, entries, issues)
            : Birth(request, patient, patientPath, entries, issues);
    }

    private static NotificationRequest Common(Bundle bundle, List<Entry> entries, string? reference, string what, Issues issues)
    {
        var encounter = entries.Select(e => e.Resource).OfType<Encounter>().FirstOrDefault();
        var places = entries
            .Where(e => e.Resource is Location)
            .Select(e => (Location: (Location)e.Resource, e.Path, Code: Text(((Location)e.Resource).Identifier.FirstOrDefault(i => i.System == GazetteerSystem)?.Value)))
            .Where(p => p.Code is not null)
            .ToList();
        if (places.Count == 0)
        {
            issues.Add(OperationOutcome.IssueType.Required, "Bundle.entry",
                $"No Location with an identifier of system {GazetteerSystem}: the gazetteer code of the village where the {what} happened.");
        }

        foreach (var other in places.Skip(1).Where(p => p.Code != places[0].Code))
        {
            issues.Add(OperationOutcome.IssueType.Invalid, $"{other.Path}.identifier",
                "Two Locations give different villages: send only the place of the event with a gazetteer identifier.");
        }

        var place = places.FirstOrDefault();
        var facility = Text(encounter?.Location.FirstOrDefault()?.Location?.Display)
                       ?? Text(place.Location?.Name)
                       ?? Text(encounter?.ServiceProvider?.Display);
        var informant = Text(encounter?.ServiceProvider?.Display)
                        ?? entries.Select(e => e.Resource).OfType<Organization>().Select(o => Text(o.Name)).FirstOrDefault(n => n is not null)
                        ?? entries.Select(e => e.Resource).OfType<Practitioner>().SelectMany(p => p.Name).Select(NameText).FirstOrDefault(n => n is not null)
                        ?? facility;
        if (informant is null)
        {
            issues.Add(OperationOutcome.IssueType.Required, "Bundle.entry",
                "Name the notifying facility: Encounter.serviceProvider.display, or an Organization with a name.");
        }

        var header = entries.Select(e => e.Resource).OfType<MessageHeader>().FirstOrDefault();
        var source = Text(bundle.Meta?.Source) ?? Text(header?.Source?.Endpoint) ?? Text(header?.Source?.Name) ?? informant;
        return new NotificationRequest
        {
            InformantKind = nameof(InformantKind.HealthFacility),
            InformantName = informant,
            FacilityName = facility,
            SourceSystem = source,
            SourceReference = reference,
            EventPlaceCode = place.Code,
        };
    }

    private static NotificationRequest Birth(NotificationRequest request, Patient child, string childPath, List<Entry> entries, Issues issues)
    {
        var date = FullDate(child.BirthDateElement, $"{childPath}.birthDate", required: true, "date of birth", issues);
        var time = BirthTime(child, childPath, date, issues);

        var (motherKidc, motherKm, motherLatin, motherBirth) = Mother(entries, "A birth", issues);
        var weights = Weights(entries, issues);
        return request with
        {
            Event = nameof(VitalEvent.Birth),
            EventDate = date,
            EventTime = time,
            ChildSex = Sex(child.Gender),
            BirthWeightGrams = weights.Count > 0 ? Grams(weights[0], issues) : null,
            BirthType = BirthTypeOf(child, childPath, entries, issues)?.ToString(),
            MotherKidc = motherKidc,
            MotherNameKm = motherKm,
            MotherNameLatin = motherLatin,
            MotherBirthDate = motherBirth,
        };
    }

    private static (string? Kidc, string? Km, string? Latin, string? BirthDate) Mother(List<Entry> entries, string what, Issues issues)
    {
        var mothers = entries.Where(e => e.Resource is RelatedPerson r && r.Relationship.Any(c =>
            c.Coding.Any(k => k.System == RoleCodeSystem && MotherCodes.Contains(k.Code)))).ToList();
        if (mothers.Count == 0)
        {
            issues.Add(OperationOutcome.IssueType.Required, "Bundle.entry",
                $"{what} needs the mother: a RelatedPerson whose relationship is {RoleCodeSystem}#MTH.");
            return (null, null, null, null);
        }

        foreach (var extra in mothers.Skip(1))
        {
            issues.Add(OperationOutcome.IssueType.Invalid, extra.Path, "Two RelatedPersons are the mother: send one.");
        }

        var mother = (RelatedPerson)mothers[0].Resource;
        var (km, latin) = Names(mother.Name);
        return (Kidc(mother.Identifier), km, latin,
            FullDate(mother.BirthDateElement, $"{mothers[0].Path}.birthDate", required: false, "mother's date of birth", issues));
    }

    private static List<Entry> Weights(List<Entry> entries, Issues issues)
    {
        var weights = Observations(entries, BirthWeightLoinc);
        foreach (var extra in weights.Skip(1))
        {
            issues.Add(OperationOutcome.IssueType.Invalid, extra.Path, "Two birth weight observations: send one.");
        }

        return weights;
    }

    /// <summary>A Composition typed as a report of fetal death (LOINC 69045-3) makes the bundle a stillbirth.</summary>
    private static bool IsStillbirth(List<Entry> entries) =>
        entries.Select(e => e.Resource).OfType<Composition>().Any(c => c.Type?.Coding.Any(k => k.System == Loinc && k.Code == FoetalDeathReportLoinc) ?? false);

    private static NotificationRequest Stillbirth(NotificationRequest request, Patient foetus, string path, List<Entry> entries, Issues issues)
    {
        var date = FullDate(foetus.BirthDateElement, $"{path}.birthDate", required: true, "date of delivery", issues);
        if (Kidc(foetus.Identifier) is not null)
        {
            issues.Add(OperationOutcome.IssueType.Invalid, $"{path}.identifier",
                "A foetus delivered dead has no KIDC and none is issued: remove the identifier.");
        }

        var (motherKidc, motherKm, motherLatin, motherBirth) = Mother(entries, "A stillbirth", issues);
        var weights = Weights(entries, issues);
        var gestations = Observations(entries, GestationalAgeLoinc);
        if (gestations.Count == 0)
        {
            issues.Add(OperationOutcome.IssueType.Required, "Bundle.entry",
                $"A stillbirth needs the gestation: an Observation {Loinc}#{GestationalAgeLoinc} with a valueQuantity in wk.");
        }

        foreach (var extra in gestations.Skip(1))
        {
            issues.Add(OperationOutcome.IssueType.Invalid, extra.Path, "Two gestational age observations: send one.");
        }

        var causes = Observations(entries, FoetalDeathCauseLoinc);
        foreach (var extra in causes.Skip(1))
        {
            issues.Add(OperationOutcome.IssueType.Invalid, extra.Path, "Two initiating causes of the foetal death: send the one the certifier gives.");
        }

        return request with
        {
            Event = nameof(VitalEvent.FoetalDeath),
            EventDate = date,
            ChildSex = Sex(foetus.Gender) ?? "Undetermined",
            BirthWeightGrams = weights.Count > 0 ? Grams(weights[0], issues) : null,
            BirthType = BirthTypeOf(foetus, path, entries, issues)?.ToString(),
            GestationWeeks = gestations.Count > 0 ? Weeks(gestations[0], issues) : null,
            MotherKidc = motherKidc,
            MotherNameKm = motherKm,
            MotherNameLatin = motherLatin,
            MotherBirthDate = motherBirth,
            Cause = causes.Count > 0 && FoetalCause(causes[0], issues) is { } line ? new CauseOfDeath { LineA = line } : null,
        };
    }

    /// <summary>The gestation in completed weeks, from a quantity in weeks or days (UCUM wk, d).</summary>
    private static int? Weeks(Entry entry, Issues issues)
    {
        var observation = (Observation)entry.Resource;
        if (observation.Value is not Quantity { Value: { } value } quantity)
        {
            issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value", "The gestational age is a valueQuantity in wk (or d).");
            return null;
        }

        var unit = quantity.System is null or Ucum ? Text(quantity.Code) ?? Text(quantity.Unit) : null;
        decimal? weeks = unit switch
        {
            "wk" => value,
            "d" => value / 7,
            _ => null,
        };
        if (weeks is null)
        {
            issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value.code", "Give the gestational age in wk or d (UCUM).");
            return null;
        }

        if (weeks is < 0 or > 50)
        {
            issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value.value", "This gestational age is not possible.");
            return null;
        }

        return (int)Math.Floor(weeks.Value);
    }

    /// <summary>The initiating cause of a foetal death: the ICD-10 coding of the value, and its text (or the coding's display) as the condition.</summary>
    private static CauseLine? FoetalCause(Entry entry, Issues issues)
    {
        var observation = (Observation)entry.Resource;
        if (observation.Value is not CodeableConcept concept)
        {
            issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value", "The cause of the foetal death is a valueCodeableConcept with an ICD-10 coding.");
            return null;
        }

        string? icd10 = null;
        for (var j = 0; j < concept.Coding.Count; j++)
        {
            if (icd10 is null && Icd10Systems.Contains(concept.Coding[j].System))
            {
                var code = Text(concept.Coding[j].Code)?.ToUpperInvariant();
                if (code is null || !Icd10Pattern().IsMatch(code))
                {
                    issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value.coding[{j}].code", "Give an ICD-10 code such as P02.1 or P95.");
                }
                else
                {
                    icd10 = code;
                }
            }
        }

        var text = Text(concept.Text) ?? concept.Coding.Select(c => Text(c.Display)).FirstOrDefault(d => d is not null);
        if (text is null)
        {
            issues.Add(OperationOutcome.IssueType.Required, $"{entry.Path}.value.text", "Give the condition as certified in value.text (or the coding's display).");
            return null;
        }

        return new CauseLine { Condition = text, Icd10 = icd10 };
    }

    private static NotificationRequest Death(NotificationRequest request, Patient deceased, FhirDateTime element, string path, List<Entry> entries, Issues issues)
    {
        string? date = null, time = null;
        if (!element.TryToSystemDateTime(out var when) || when.Precision < Hl7.Fhir.ElementModel.Types.DateTimePrecision.Day)
        {
            issues.Add(OperationOutcome.IssueType.Value, $"{path}.deceased", "The date of death must be a full date (yyyy-MM-dd), with a time if known.");
        }
        else if (when.Precision == Hl7.Fhir.ElementModel.Types.DateTimePrecision.Day)
        {
            date = element.Value![..10];
        }
        else
        {
            var local = when.ToDateTimeOffset(CambodiaTime.Offset).ToOffset(CambodiaTime.Offset);
            date = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        var (nameKm, nameLatin) = Names(deceased.Name);
        return request with
        {
            Event = nameof(VitalEvent.Death),
            EventDate = date,
            EventTime = time,
            DeceasedKidc = Kidc(deceased.Identifier),
            DeceasedNameKm = nameKm,
            DeceasedNameLatin = nameLatin,
            DeceasedSex = Sex(deceased.Gender),
            DeceasedBirthDate = FullDate(deceased.BirthDateElement, $"{path}.birthDate", required: false, "date of birth", issues),
            Cause = Cause(entries, issues),
        };
    }

    private static CauseOfDeath? Cause(List<Entry> entries, Issues issues)
    {
        var lines = new List<CauseLine>();
        var contributing = new List<CauseLine>();
        foreach (var entry in entries.Where(e => e.Resource is Condition))
        {
            var condition = (Condition)entry.Resource;
            var line = Line(condition, entry.Path, issues);
            var isContributing = condition.Category.Any(c => c.Coding.Any(k => k.System == CauseOfDeathPartSystem && k.Code == ContributingCode));
            if (isContributing)
            {
                contributing.Add(line);
            }
            else if (lines.Count == 4)
            {
                issues.Add(OperationOutcome.IssueType.Invalid, entry.Path,
                    $"Part 1 of the certificate has four lines (a to d): mark other conditions with category {CauseOfDeathPartSystem}#{ContributingCode}.");
            }
            else
            {
                lines.Add(line);
            }
        }

        var manners = Observations(entries, MannerOfDeathLoinc);
        foreach (var extra in manners.Skip(1))
        {
            issues.Add(OperationOutcome.IssueType.Invalid, extra.Path, "Two manner of death observations: send one.");
        }

        var manner = manners.Count > 0 ? Manner(manners[0], issues) : null;
        if (lines.Count == 0 && contributing.Count == 0 && manner is null)
        {
            return null;
        }

        return new CauseOfDeath
        {
            LineA = lines.ElementAtOrDefault(0),
            LineB = lines.ElementAtOrDefault(1),
            LineC = lines.ElementAtOrDefault(2),
            LineD = lines.ElementAtOrDefault(3),
            Contributing = contributing.Count == 0 ? null : string.Join("; ", contributing.Select(c => c.Condition ?? c.Icd10)),
            ContributingIcd10 = contributing.Select(c => c.Icd10).FirstOrDefault(c => c is not null),
            Manner = manner?.ToString(),
        };
    }

    private static CauseLine Line(Condition condition, string path, Issues issues)
    {
        string? icd10 = null, display = null;
        var codings = condition.Code?.Coding ?? [];
        for (var j = 0; j < codings.Count; j++)
        {
            if (icd10 is null && Icd10Systems.Contains(codings[j].System))
            {
                var code = Text(codings[j].Code)?.ToUpperInvariant();
                if (code is null || !Icd10Pattern().IsMatch(code))
                {
                    issues.Add(OperationOutcome.IssueType.Value, $"{path}.code.coding[{j}].code", "Give an ICD-10 code such as A09, I21.9 or P07.3.");
                }
                else
                {
                    icd10 = code;
                    display ??= Text(codings[j].Display);
                }
            }
        }

        var text = Text(condition.Code?.Text) ?? display ?? codings.Select(c => Text(c.Display)).FirstOrDefault(d => d is not null);
        if (text is null && icd10 is null)
        {
            issues.Add(OperationOutcome.IssueType.Required, $"{path}.code", "Give the condition as code.text or an ICD-10 coding.");
        }

        var interval = condition.Onset switch
        {
            FhirString s => Text(s.Value),
            Age { Value: { } value } age => Text($"{value.ToString(CultureInfo.InvariantCulture)} {age.Unit ?? age.Code}"),
            _ => null,
        };
        return new CauseLine { Condition = text, Icd10 = icd10, Interval = interval };
    }

    private static MannerOfDeath? Manner(Entry entry, Issues issues)
    {
        var observation = (Observation)entry.Resource;
        if (observation.Value is not CodeableConcept concept)
        {
            issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value", "The manner of death is a valueCodeableConcept with a SNOMED CT code.");
            return null;
        }

        foreach (var coding in concept.Coding.Where(c => c.System == Snomed))
        {
            if (coding.Code is not null && Manners.TryGetValue(coding.Code, out var manner))
            {
                return manner;
            }
        }

        issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value",
            $"Unknown manner of death: use a SNOMED CT code among {string.Join(", ", Manners.Keys)}.");
        return null;
    }

    private static int? Grams(Entry entry, Issues issues)
    {
        var observation = (Observation)entry.Resource;
        if (observation.Value is not Quantity quantity)
        {
            issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value", "The birth weight is a valueQuantity in g or kg.");
            return null;
        }

        if (quantity.Value is not { } value)
        {
            issues.Add(OperationOutcome.IssueType.Required, $"{entry.Path}.value.value", "The birth weight has no value.");
            return null;
        }

        var unit = quantity.System is null or Ucum ? Text(quantity.Code) ?? Text(quantity.Unit) : null;
        decimal? grams = unit switch
        {
            "g" => value,
            "kg" => value * 1000,
            _ => null,
        };
        if (grams is null)
        {
            issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value.code", "Give the birth weight in g or kg (UCUM).");
            return null;
        }

        if (grams is < 0 or > 100_000)
        {
            issues.Add(OperationOutcome.IssueType.Value, $"{entry.Path}.value.value", "This birth weight is not possible.");
            return null;
        }

        return (int)Math.Round(grams.Value, MidpointRounding.AwayFromZero);
    }

    private static BirthType? BirthTypeOf(Patient child, string childPath, List<Entry> entries, Issues issues)
    {
        var pluralities = Observations(entries, PluralityLoinc);
        if (pluralities.Count > 0)
        {
            var value = ((Observation)pluralities[0].Resource).Value switch
            {
                Integer i => i.Value,
                Quantity { Value: { } q } when q == decimal.Truncate(q) && q is >= 0 and <= 20 => (int)q,
                _ => null,
            };
            if (value is not >= 1)
            {
                issues.Add(OperationOutcome.IssueType.Value, $"{pluralities[0].Path}.value", "The birth plurality is a valueInteger of at least 1.");
                return null;
            }

            return Plurality(value.Value);
        }

        switch (child.MultipleBirth)
        {
            case FhirBoolean { Value: true }:
                return BirthType.Twin;
            case Integer { Value: { } order }:
                if (order < 1)
                {
                    issues.Add(OperationOutcome.IssueType.Value, $"{childPath}.multipleBirth", "multipleBirthInteger is the birth order: 1 or more.");
                    return null;
                }

                return Plurality(order);
            default:
                return BirthType.Single;
        }
    }

    private static BirthType Plurality(int count) => count switch
    {
        1 => BirthType.Single,
        2 => BirthType.Twin,
        3 => BirthType.Triplet,
        _ => BirthType.Higher,
    };

    private static string? BirthTime(Patient child, string childPath, string? date, Issues issues)
    {
        var onDate = child.BirthDateElement?.Extension.FindIndex(x => x.Url == BirthTimeExtension) ?? -1;
        var onPatient = child.Extension.FindIndex(x => x.Url == BirthTimeExtension);
        var (extension, path) = onDate >= 0
            ? (child.BirthDateElement!.Extension[onDate], $"{childPath}.birthDate.extension[{onDate}].value")
            : onPatient >= 0 ? (child.Extension[onPatient], $"{childPath}.extension[{onPatient}].value") : (null, "");
        if (extension is null)
        {
            return null;
        }

        if (extension.Value is not FhirDateTime value || !value.TryToSystemDateTime(out var when) ||
            when.Precision < Hl7.Fhir.ElementModel.Types.DateTimePrecision.Minute)
        {
            issues.Add(OperationOutcome.IssueType.Value, path, "The birth time is a valueDateTime with the time and its offset, such as 2026-11-20T06:45:00+07:00.");
            return null;
        }

        var local = when.ToDateTimeOffset(CambodiaTime.Offset).ToOffset(CambodiaTime.Offset);
        if (date is not null && local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) != date)
        {
            issues.Add(OperationOutcome.IssueType.Value, path, $"The birth time falls on {local:yyyy-MM-dd} in Cambodia, not on the birthDate {date}.");
            return null;
        }

        return local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static string? FullDate(Date? element, string path, bool required, string what, Issues issues)
    {
        var value = Text(element?.Value);
        if (value is null)
        {
            if (required)
            {
                issues.Add(OperationOutcome.IssueType.Required, path, $"The {what} is required.");
            }

            return null;
        }

        if (value.Length != 10)
        {
            issues.Add(OperationOutcome.IssueType.Value, path, $"The {what} must be a full date (yyyy-MM-dd).");
            return null;
        }

        return value;
    }

    private static List<Entry> Observations(List<Entry> entries, string loinc) =>
        entries.Where(e => e.Resource is Observation o && (o.Code?.Coding.Any(c => c.System == Loinc && c.Code == loinc) ?? false)).ToList();

    private static (string? Km, string? Latin) Names(List<HumanName> names)
    {
        string? km = null, latin = null;
        foreach (var name in names.Select(NameText).OfType<string>())
        {
            if (KhmerText.ContainsKhmer(name))
            {
                km ??= name;
            }
            else
            {
                latin ??= name;
            }
        }

        return (km, latin);
    }

    /// <summary>A name as the notification stores it: the text, else the family name then the given names (the Cambodian order).</summary>
    private static string? NameText(HumanName name) =>
        Text(name.Text) ?? Text(string.Join(' ', new[] { name.Family }.Concat(name.Given).Where(p => !string.IsNullOrWhiteSpace(p))));

    private static string? Kidc(List<Identifier> identifiers) => Text(identifiers.FirstOrDefault(i => i.System == KidcSystem)?.Value);

    private static string? Sex(AdministrativeGender? gender) => gender switch
    {
        AdministrativeGender.Male => "Male",
        AdministrativeGender.Female => "Female",
        _ => null,
    };

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record Entry(Resource Resource, string Path);

    private sealed class Issues
    {
        private readonly List<OperationOutcome.IssueComponent> _list = [];

        public bool Any => _list.Count > 0;

        public void Add(OperationOutcome.IssueType code, string? expression, string diagnostics) =>
            _list.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = code,
                Diagnostics = diagnostics,
                Expression = expression is null ? [] : [expression],
            });

        public OperationOutcome ToOutcome() => new() { Issue = _list };
    }
}

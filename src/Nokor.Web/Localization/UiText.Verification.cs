using System.Globalization;
using Nokor.Platform.Dates;

namespace Nokor.Web.Localization;

public static partial class UiText
{
    // Every key of the data distribution pages starts with "vrf.", so that none collides with another file's.
    private const string Vrf = "vrf.";
    private const string VrfMsg = "vrf.msg.";

    /// <summary>Words of the data distribution unit's pages: institutions, contracts, credentials, statements, who looked at a person.</summary>
    private static Dictionary<string, (string Km, string En)> VerificationTexts() => new(StringComparer.Ordinal)
    {
        ["vrf.Nav"] = ("ការចែកចាយទិន្នន័យ", "Data distribution"),
        ["vrf.Institutions"] = ("ស្ថាប័នដែលមានសិទ្ធិផ្ទៀងផ្ទាត់អត្តសញ្ញាណ", "Authorized institutions"),
        ["vrf.InstitutionsIntro"] = ("ធនាគារ ប្រតិបត្តិករទូរគមនាគមន៍ ក្រសួង និងស្ថាប័នផ្សេងទៀត ដែលផ្ទៀងផ្ទាត់អត្តសញ្ញាណប្រជាជនតាមកិច្ចសន្យា។ រាល់ការផ្លាស់ប្ដូរត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។",
            "Banks, telecom operators, ministries and other institutions that verify people's identity under a contract. Every change is recorded in the audit log."),
        ["vrf.NewInstitution"] = ("ចុះបញ្ជីស្ថាប័នថ្មី", "New institution"),
        ["vrf.NoInstitutions"] = ("មិនទាន់មានស្ថាប័នណាមួយនៅឡើយទេ។", "No institution yet."),
        ["vrf.PersonAccess"] = ("អ្នកណាបានមើលទិន្នន័យរបស់ខ្ញុំ", "Who looked at my data"),
        ["vrf.Institution"] = ("ស្ថាប័ន", "Institution"),
        ["vrf.Code"] = ("កូដ", "Code"),
        ["vrf.CodeHint"] = ("អក្សរ លេខ '-' ឬ '_' មិនអាចប្ដូរបានទេ", "letters, digits, '-' or '_'; cannot be changed"),
        ["vrf.Name"] = ("ឈ្មោះ (ឡាតាំង)", "Name (Latin script)"),
        ["vrf.NameKm"] = ("ឈ្មោះ (ខ្មែរ)", "Name (Khmer)"),
        ["vrf.Kind"] = ("ប្រភេទ", "Kind"),
        ["vrf.Status"] = ("ស្ថានភាព", "Status"),
        ["vrf.XRoadClient"] = ("អត្តសញ្ញាណ X-Road (CamDX)", "X-Road client (CamDX)"),
        ["vrf.XRoadHint"] = ("បើសួរតាម CamDX ឧ. CAMDX/COM/00001234/KYC", "when it calls through CamDX, e.g. CAMDX/COM/00001234/KYC"),
        ["vrf.ContractPeriod"] = ("រយៈពេលកិច្ចសន្យា", "Contract period"),
        ["vrf.Quota"] = ("កូតាប្រចាំខែ", "Monthly quota"),
        ["vrf.UsedThisMonth"] = ("បានប្រើខែនេះ", "Used this month"),
        ["vrf.Revision"] = ("កំណែ", "Revision"),
        ["vrf.Open"] = ("បើក", "Open"),

        ["vrf.kind.Bank"] = ("ធនាគារ", "Bank"),
        ["vrf.kind.Microfinance"] = ("គ្រឹះស្ថានមីក្រូហិរញ្ញវត្ថុ", "Microfinance institution"),
        ["vrf.kind.Telecom"] = ("ប្រតិបត្តិករទូរគមនាគមន៍", "Telecom operator"),
        ["vrf.kind.Ministry"] = ("ក្រសួង", "Ministry"),
        ["vrf.kind.PublicAgency"] = ("ស្ថាប័នសាធារណៈ", "Public agency"),
        ["vrf.kind.Other"] = ("ផ្សេងៗ", "Other"),
        ["vrf.status.Active"] = ("សកម្ម", "Active"),
        ["vrf.status.Suspended"] = ("ផ្អាក", "Suspended"),

        // The contract
        ["vrf.TheInstitution"] = ("ស្ថាប័ន", "The institution"),
        ["vrf.Contract"] = ("កិច្ចសន្យា", "Contract"),
        ["vrf.Reference"] = ("លេខយោងកិច្ចសន្យា", "Contract reference"),
        ["vrf.Purposes"] = ("គោលបំណងដែលបានអនុញ្ញាត", "Allowed purposes"),
        ["vrf.PurposesHint"] = ("កូដបំបែកដោយក្បៀស ឧ. account-opening, sim-registration", "codes separated by commas, e.g. account-opening, sim-registration"),
        ["vrf.QueryTypes"] = ("ប្រភេទសំណួរដែលបានអនុញ្ញាត", "Allowed query types"),
        ["vrf.QueryType"] = ("ប្រភេទសំណួរ", "Query type"),
        ["vrf.qt.verify"] = ("ការផ្ទៀងផ្ទាត់ បាទ/ទេ", "Yes/no verification"),
        ["vrf.qt.attributes"] = ("ការបញ្ចេញព័ត៌មាន (e-KYC)", "Attribute release (e-KYC)"),
        ["vrf.qt.bulk"] = ("ការផ្ទៀងផ្ទាត់ជាដុំ (មួយជួរ)", "Bulk verification (one row)"),
        ["vrf.Attributes"] = ("ព័ត៌មានដែលអាចបញ្ចេញឱ្យ", "Attributes it may receive"),
        ["vrf.AttributesHint"] = ("សម្រាប់តែការបញ្ចេញព័ត៌មាន។ កិច្ចសន្យាភាគច្រើនគ្មាន៖ ចម្លើយ បាទ/ទេ ប៉ុណ្ណោះ (ការកាត់បន្ថយទិន្នន័យ)។",
            "For attribute release only. Most contracts allow none: yes/no answers only (data minimization)."),
        ["vrf.attr.surnameKm"] = ("នាមត្រកូល (ខ្មែរ)", "Surname (Khmer)"),
        ["vrf.attr.givenNameKm"] = ("នាមខ្លួន (ខ្មែរ)", "Given name (Khmer)"),
        ["vrf.attr.surnameLatin"] = ("នាមត្រកូល (ឡាតាំង)", "Surname (Latin)"),
        ["vrf.attr.givenNameLatin"] = ("នាមខ្លួន (ឡាតាំង)", "Given name (Latin)"),
        ["vrf.attr.sex"] = ("ភេទ", "Sex"),
        ["vrf.attr.dateOfBirth"] = ("ថ្ងៃខែឆ្នាំកំណើត", "Date of birth"),
        ["vrf.attr.placeOfBirth"] = ("ទីកន្លែងកំណើត", "Place of birth"),
        ["vrf.attr.nationality"] = ("សញ្ជាតិ", "Nationality"),
        ["vrf.attr.residence"] = ("ទីលំនៅ", "Residence"),
        ["vrf.attr.lifeStatus"] = ("ស្ថានភាពជីវិត", "Life status"),
        ["vrf.attr.dateOfDeath"] = ("ថ្ងៃទទួលមរណភាព", "Date of death"),
        ["vrf.MonthlyQuota"] = ("កូតាប្រចាំខែ (ចំនួនសំណួរ)", "Monthly quota (queries)"),
        ["vrf.Prices"] = ("តម្លៃក្នុងមួយសំណួរ (រៀល)", "Price per query (riel)"),
        ["vrf.StartsOn"] = ("ចាប់ផ្ដើម", "Starts on"),
        ["vrf.EndsOn"] = ("បញ្ចប់", "Ends on"),
        ["vrf.Create"] = ("ចុះបញ្ជីស្ថាប័ន", "Register the institution"),
        ["vrf.SaveChanges"] = ("រក្សាទុកការផ្លាស់ប្ដូរ", "Save the changes"),
        ["vrf.EditContract"] = ("កែប្រែស្ថាប័ន និងកិច្ចសន្យា", "Edit the institution and its contract"),
        ["vrf.ErrorsFound"] = ("សូមកែកំហុសខាងក្រោម។ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។", "Please correct the errors below. Nothing was saved."),
        ["vrf.Conflict"] = ("មានអ្នកផ្សេងបានកែប្រែស្ថាប័ននេះក្នុងពេលជាមួយគ្នា៖ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។ សូមបើកកំណែបច្ចុប្បន្នឡើងវិញ ហើយធ្វើការផ្លាស់ប្ដូររបស់អ្នកម្ដងទៀត។",
            "Someone else changed this institution meanwhile: nothing was saved. Open the current version and make your change again."),
        ["vrf.Reload"] = ("បើកកំណែបច្ចុប្បន្ន", "Open the current version"),

        // Status
        ["vrf.StatusTitle"] = ("ផ្អាក ឬដំណើរការឡើងវិញ", "Suspend or reinstate"),
        ["vrf.SuspendHint"] = ("ស្ថាប័នដែលត្រូវបានផ្អាកមិនអាចសួរបានទេ រហូតដល់ត្រូវបានដំណើរការឡើងវិញ។", "A suspended institution cannot query until it is reinstated."),
        ["vrf.Suspend"] = ("ផ្អាកស្ថាប័ន", "Suspend the institution"),
        ["vrf.Reinstate"] = ("ដំណើរការស្ថាប័នឡើងវិញ", "Reinstate the institution"),

        // Credentials
        ["vrf.Credentials"] = ("សិទ្ធិចូលប្រើ API", "API credentials"),
        ["vrf.CredentialsIntro"] = ("ស្ថាប័នប្ដូរ client id និងពាក្យសម្ងាត់ ជាសញ្ញាសម្ងាត់ (token) រយៈពេលខ្លី។ នគររក្សាទុកតែការបំប្លែង (hash) នៃពាក្យសម្ងាត់។",
            "The institution exchanges a client id and secret for a short-lived token. Nokor keeps only a hash of the secret."),
        ["vrf.ClientId"] = ("Client ID", "Client id"),
        ["vrf.CreatedAt"] = ("បង្កើតនៅ", "Created"),
        ["vrf.ExpiresAt"] = ("ផុតកំណត់", "Expires"),
        ["vrf.RevokedAt"] = ("ដកហូតនៅ", "Revoked"),
        ["vrf.ActiveNow"] = ("កំពុងប្រើបាន", "Active"),
        ["vrf.Yes"] = ("បាទ/ចាស", "yes"),
        ["vrf.No"] = ("ទេ", "no"),
        ["vrf.Never"] = ("គ្មាន", "never"),
        ["vrf.NoCredentials"] = ("មិនទាន់មានសិទ្ធិចូលប្រើទេ។", "No credential yet."),
        ["vrf.IssueCredential"] = ("ចេញសិទ្ធិចូលប្រើថ្មី", "Issue a credential"),
        ["vrf.Rotate"] = ("ប្ដូរសិទ្ធិចូលប្រើ", "Rotate the credentials"),
        ["vrf.RotateHint"] = ("ចេញសិទ្ធិថ្មីមួយ ហើយសិទ្ធិចាស់ៗនៅប្រើបាន ២៤ ម៉ោងទៀត ដើម្បីឱ្យស្ថាប័នដាក់ពាក្យសម្ងាត់ថ្មី។",
            "Issues a new credential; the old ones keep working for 24 hours so that the institution can deploy the new secret."),
        ["vrf.Revoke"] = ("ដកហូត", "Revoke"),
        ["vrf.RevokeReason"] = ("មូលហេតុនៃការដកហូត", "Why it is revoked"),
        ["vrf.SecretTitle"] = ("ពាក្យសម្ងាត់ថ្មី — បង្ហាញតែម្ដងគត់", "New secret — shown only once"),
        ["vrf.SecretWarning"] = ("ចម្លងពាក្យសម្ងាត់នេះឥឡូវនេះ ហើយប្រគល់ឱ្យស្ថាប័នតាមមធ្យោបាយសុវត្ថិភាព។ វានឹងមិនបង្ហាញម្ដងទៀតទេ៖ នគររក្សាទុកតែការបំប្លែង (hash) របស់វា។ បើបាត់ សូមចេញសិទ្ធិថ្មី។",
            "Copy this secret now and hand it to the institution by a secure channel. It will not be shown again: Nokor keeps only its hash. If it is lost, issue a new credential."),
        ["vrf.ClientSecret"] = ("ពាក្យសម្ងាត់ (client secret)", "Client secret"),
        ["vrf.OldExpire"] = ("សិទ្ធិចូលប្រើចាស់ៗផុតកំណត់នៅ", "The older credentials expire at"),

        // Statements
        ["vrf.Statement"] = ("របាយការណ៍ប្រចាំខែ", "Monthly statement"),
        ["vrf.StatementThisMonth"] = ("របាយការណ៍ខែនេះ", "This month's statement"),
        ["vrf.Month"] = ("ខែ", "Month"),
        ["vrf.Show"] = ("បង្ហាញ", "Show"),
        ["vrf.PreviousMonth"] = ("ខែមុន", "Previous month"),
        ["vrf.NextMonth"] = ("ខែបន្ទាប់", "Next month"),
        ["vrf.Count"] = ("ចំនួនសំណួរ", "Queries"),
        ["vrf.UnitPrice"] = ("តម្លៃឯកតា", "Unit price"),
        ["vrf.Amount"] = ("ចំនួនទឹកប្រាក់", "Amount"),
        ["vrf.Total"] = ("សរុប", "Total"),
        ["vrf.Riel"] = ("រៀល", "riel"),
        ["vrf.DownloadCsv"] = ("ទាញយកជា CSV", "Download as CSV"),
        ["vrf.BadMonth"] = ("ខែត្រូវសរសេរជា ឆ្នាំ-ខែ ឧ. ២០២៦-០៣។", "Write the month as yyyy-MM, e.g. 2026-03."),

        // Who looked at a person
        ["vrf.PersonAccessIntro"] = ("បញ្ចូល KIDC ដើម្បីមើលស្ថាប័ន គោលបំណង និងពេលវេលាដែលបានសួរអំពីបុគ្គលនេះ។ ការមើលនេះក៏ត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្មដែរ។",
            "Enter a KIDC to see which institutions queried this person, for what purpose and when. This reading is itself recorded in the audit log."),
        ["vrf.QueriesAbout"] = ("សំណួរអំពី KIDC", "Queries about KIDC"),
        ["vrf.PersonNotInArea"] = ("គ្មានបុគ្គលដែលមាន KIDC នេះក្នុងតំបន់របស់អ្នកទេ។", "No person with this KIDC in your area."),
        ["vrf.NoQueries"] = ("គ្មានស្ថាប័នណាបានសួរអំពីបុគ្គលនេះទេ។", "No institution has queried this person."),
        ["vrf.At"] = ("ពេលវេលា (ម៉ោងកម្ពុជា)", "Time (Cambodia)"),
        ["vrf.Purpose"] = ("គោលបំណង", "Purpose"),
        ["vrf.ListCut"] = ("បង្ហាញតែ {0} សំណួរចុងក្រោយប៉ុណ្ណោះ។", "Only the latest {0} queries are shown."),

        // After a change
        ["vrf.done.created"] = ("បានចុះបញ្ជីស្ថាប័ន។ ចេញសិទ្ធិចូលប្រើ API ខាងក្រោម។", "The institution is registered. Issue its API credentials below."),
        ["vrf.done.saved"] = ("បានរក្សាទុកការផ្លាស់ប្ដូរ។", "The changes are saved."),
        ["vrf.done.suspended"] = ("ស្ថាប័នត្រូវបានផ្អាក។", "The institution is suspended."),
        ["vrf.done.reinstated"] = ("ស្ថាប័នត្រូវបានដំណើរការឡើងវិញ។", "The institution is reinstated."),
        ["vrf.done.revoked"] = ("សិទ្ធិចូលប្រើត្រូវបានដកហូត។", "The credential is revoked."),

        // The services' messages (they answer in English)
        ["vrf.msg.A code of 1 to 32 letters, digits, '-' or '_' is required."] = ("ត្រូវការកូដពី ១ ដល់ ៣២ តួ៖ អក្សរ លេខ '-' ឬ '_'។", "A code of 1 to 32 letters, digits, '-' or '_' is required."),
        ["vrf.msg.exists"] = ("មានស្ថាប័នដែលមានកូដ {0} រួចហើយ។", "An institution with the code {0} exists already."),
        ["vrf.msg.The institution's name is required (at most 200 characters)."] = ("ត្រូវការឈ្មោះស្ថាប័ន (យ៉ាងច្រើន ២០០ តួ)។", "The institution's name is required (at most 200 characters)."),
        ["vrf.msg.At most 200 characters."] = ("យ៉ាងច្រើន ២០០ តួ។", "At most 200 characters."),
        ["vrf.msg.kind"] = ("សូមជ្រើសរើសប្រភេទស្ថាប័ន។", "Choose the kind of institution."),
        ["vrf.msg.xroad"] = ("អត្តសញ្ញាណ X-Road មានទម្រង់ INSTANCE/CLASS/MEMBER ឬ INSTANCE/CLASS/MEMBER/SUBSYSTEM ឧ. CAMDX/COM/00001234/KYC។", "An X-Road client id is INSTANCE/CLASS/MEMBER or INSTANCE/CLASS/MEMBER/SUBSYSTEM, for example CAMDX/COM/00001234/KYC."),
        ["vrf.msg.The contract reference is required (at most 60 characters)."] = ("ត្រូវការលេខយោងកិច្ចសន្យា (យ៉ាងច្រើន ៦០ តួ)។", "The contract reference is required (at most 60 characters)."),
        ["vrf.msg.At least one purpose is required: a contract says what the data may be used for."] = ("ត្រូវការគោលបំណងយ៉ាងហោចណាស់មួយ៖ កិច្ចសន្យាកំណត់ថាទិន្នន័យអាចប្រើសម្រាប់អ្វី។", "At least one purpose is required: a contract says what the data may be used for."),
        ["vrf.msg.purpose"] = ("'{0}' មិនមែនជាកូដគោលបំណងទេ (ពាក្យអក្សរតូចភ្ជាប់ដោយ '-' ដូចជា account-opening)។", "'{0}' is not a purpose code (lower-case words joined by '-', such as account-opening)."),
        ["vrf.msg.Too many purposes."] = ("គោលបំណងច្រើនពេក។", "Too many purposes."),
        ["vrf.msg.queryTypes"] = ("សូមជ្រើសរើសប្រភេទសំណួរយ៉ាងហោចណាស់មួយ។", "Choose at least one query type."),
        ["vrf.msg.Attributes are released only by the 'attributes' query type, which the contract does not allow."] = ("ព័ត៌មានត្រូវបានបញ្ចេញតែតាមប្រភេទសំណួរ «ការបញ្ចេញព័ត៌មាន» ដែលកិច្ចសន្យានេះមិនអនុញ្ញាត។", "Attributes are released only by the 'attributes' query type, which the contract does not allow."),
        ["vrf.msg.The 'attributes' query type needs the list of attributes the contract allows."] = ("ប្រភេទសំណួរ «ការបញ្ចេញព័ត៌មាន» ត្រូវការបញ្ជីព័ត៌មានដែលកិច្ចសន្យាអនុញ្ញាត។", "The 'attributes' query type needs the list of attributes the contract allows."),
        ["vrf.msg.A monthly quota from 1 to 1,000,000,000 queries is required."] = ("ត្រូវការកូតាប្រចាំខែពី ១ ដល់ ១ ០០០ ០០០ ០០០ សំណួរ។", "A monthly quota from 1 to 1,000,000,000 queries is required."),
        ["vrf.msg.A price in riel from 0 to 100,000,000 is required."] = ("ត្រូវការតម្លៃជារៀលពី ០ ដល់ ១០០ ០០០ ០០០។", "A price in riel from 0 to 100,000,000 is required."),
        ["vrf.msg.A date as yyyy-MM-dd is required."] = ("ត្រូវការកាលបរិច្ឆេទ (ឆ្នាំ-ខែ-ថ្ងៃ)។", "A date as yyyy-MM-dd is required."),
        ["vrf.msg.The contract cannot end before it starts."] = ("កិច្ចសន្យាមិនអាចបញ្ចប់មុនពេលចាប់ផ្ដើមទេ។", "The contract cannot end before it starts."),
        ["vrf.msg.Say why, in at most 500 characters."] = ("សូមបញ្ជាក់មូលហេតុ យ៉ាងច្រើន ៥០០ តួ។", "Say why, in at most 500 characters."),
        ["vrf.msg.The credential is revoked already."] = ("សិទ្ធិចូលប្រើនេះត្រូវបានដកហូតរួចហើយ។", "The credential is revoked already."),
        ["vrf.msg.kidc"] = ("នេះមិនមែនជា KIDC ត្រឹមត្រូវទេ៖ ត្រូវមាន ១០ ខ្ទង់ ហើយខ្ទង់ត្រួតពិនិត្យត្រូវគ្នា។", "This is not a valid KIDC: 10 digits whose check digit matches."),
    };

    /// <summary>A field of the institution form, for the error summary.</summary>
    public static string VrfFieldLabel(string path) => path switch
    {
        "code" => T("vrf.Code"),
        "name" => T("vrf.Name"),
        "nameKm" => T("vrf.NameKm"),
        "kind" => T("vrf.Kind"),
        "xRoadClient" => T("vrf.XRoadClient"),
        "contract.reference" => T("vrf.Reference"),
        "contract.purposes" => T("vrf.Purposes"),
        "contract.queryTypes" => T("vrf.QueryTypes"),
        "contract.attributes" => T("vrf.Attributes"),
        "contract.monthlyQuota" => T("vrf.MonthlyQuota"),
        "contract.priceVerify" => $"{T("vrf.Prices")} · {T("vrf.qt.verify")}",
        "contract.priceAttributes" => $"{T("vrf.Prices")} · {T("vrf.qt.attributes")}",
        "contract.priceBulkRow" => $"{T("vrf.Prices")} · {T("vrf.qt.bulk")}",
        "contract.startsOn" => T("vrf.StartsOn"),
        "contract.endsOn" => T("vrf.EndsOn"),
        "reason" => T("Reason"),
        "kidc" => T("Kidc"),
        "month" => T("vrf.Month"),
        _ => T("vrf.Contract"),
    };

    /// <summary>
    /// A message of the verification services in the UI language: the services answer in English;
    /// the known ones have a Khmer text here, an unknown one shows as it is.
    /// </summary>
    public static string VrfMessage(string field, string message)
    {
        if (!IsKhmer)
        {
            return message;
        }

        if (Texts.TryGetValue(VrfMsg + message, out var t))
        {
            return t.Km;
        }

        const string exists = "An institution with the code ";
        if (message.StartsWith(exists, StringComparison.Ordinal) && message.EndsWith(" exists already.", StringComparison.Ordinal))
        {
            return string.Format(CultureInfo.InvariantCulture, Texts[VrfMsg + "exists"].Km, message[exists.Length..^" exists already.".Length]);
        }

        if (field.EndsWith("purposes", StringComparison.Ordinal) && message.StartsWith('\'') && message.IndexOf("' is not a purpose code", StringComparison.Ordinal) is > 0 and var end)
        {
            return string.Format(CultureInfo.InvariantCulture, Texts[VrfMsg + "purpose"].Km, message[1..end]);
        }

        return field switch
        {
            "kind" => Texts[VrfMsg + "kind"].Km,
            "xRoadClient" => Texts[VrfMsg + "xroad"].Km,
            "contract.queryTypes" => Texts[VrfMsg + "queryTypes"].Km,
            "kidc" => Texts[VrfMsg + "kidc"].Km,
            _ => message,
        };
    }

    /// <summary>Field errors with their messages in the UI language.</summary>
    public static IDictionary<string, string[]> VrfErrors(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(m => VrfMessage(e.Key, m)).ToArray(), StringComparer.Ordinal);

    /// <summary>A coded value (kind, status, query type, attribute) in the UI language; an unknown code shows as it is.</summary>
    public static string VrfCoded(string group, string code)
    {
        var key = $"{Vrf}{group}.{code}";
        return Texts.TryGetValue(key, out var t) ? (IsKhmer ? t.Km : t.En) : code;
    }

    /// <summary>A count or an amount with thousands separators, in Khmer numerals when the UI is Khmer.</summary>
    public static string VrfNumber(long value) => Digits(value.ToString("N0", CultureInfo.InvariantCulture));

    public static string VrfRiel(long value) => $"{VrfNumber(value)} {T("vrf.Riel")}";

    /// <summary>Usage against a quota, as a percentage with one decimal.</summary>
    public static string VrfPercent(long used, long quota) =>
        quota <= 0 ? "—" : Digits((used * 100.0 / quota).ToString("0.#", CultureInfo.InvariantCulture)) + "%";

    /// <summary>A moment as a Cambodian clock shows it (UTC+7).</summary>
    public static string VrfWhen(DateTimeOffset? at) =>
        at is { } t ? Digits(t.ToOffset(CambodiaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) : "—";

    public static string VrfDate(DateOnly date) => Digits(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>This month in Cambodia (yyyy-MM), the default of the statement page.</summary>
    public static string VrfThisMonth(TimeProvider clock) =>
        clock.GetUtcNow().ToOffset(CambodiaTime.Offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

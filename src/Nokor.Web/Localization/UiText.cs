using System.Globalization;
using Nokor.Platform.Khmer;

namespace Nokor.Web.Localization;

/// <summary>
/// The UI's words in Khmer (the default) and English. Keys are English phrases' short names;
/// a missing key shows the key itself, which a test checks never happens on the main pages.
/// </summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Km, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["AppName"] = ("នគរ", "Nokor"),
        ["AppTagline"] = ("ប្រព័ន្ធអត្តសញ្ញាណកម្មប្រជាជនរួមបញ្ចូលគ្នា", "Integrated Population Identification System"),
        ["Home"] = ("ទំព័រដើម", "Home"),
        ["Persons"] = ("ប្រជាជន", "Persons"),
        ["PopulationRegistry"] = ("បញ្ជីប្រជាជន", "Population Registry"),
        ["Search"] = ("ស្វែងរក", "Search"),
        ["SearchPersons"] = ("ស្វែងរកប្រជាជន", "Search persons"),
        ["SearchHint"] = ("លេខ KIDC ឬឈ្មោះជាអក្សរខ្មែរ ឬឡាតាំង", "KIDC, or a name in Khmer or Latin script"),
        ["RegisterPerson"] = ("ចុះបញ្ជីប្រជាជនថ្មី", "Register a person"),
        ["Login"] = ("ចូលប្រើ", "Sign in"),
        ["Logout"] = ("ចាកចេញ", "Sign out"),
        ["UserName"] = ("ឈ្មោះគណនី", "Account name"),
        ["Password"] = ("ពាក្យសម្ងាត់", "Password"),
        ["LoginFailed"] = ("ឈ្មោះគណនី ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ ឬគណនីត្រូវបានចាក់សោ។", "Wrong account name or password, or the account is locked."),
        ["Language"] = ("ភាសា", "Language"),
        ["Kidc"] = ("លេខសម្គាល់ខ្មែរ (KIDC)", "Khmer Identification Code (KIDC)"),
        ["Name"] = ("ឈ្មោះ", "Name"),
        ["NameKm"] = ("ឈ្មោះជាអក្សរខ្មែរ", "Name in Khmer"),
        ["NameLatin"] = ("ឈ្មោះជាអក្សរឡាតាំង", "Name in Latin script"),
        ["SurnameKm"] = ("នាមត្រកូល (ខ្មែរ)", "Surname (Khmer)"),
        ["GivenNameKm"] = ("នាមខ្លួន (ខ្មែរ)", "Given name (Khmer)"),
        ["SurnameLatin"] = ("នាមត្រកូល (ឡាតាំង)", "Surname (Latin)"),
        ["GivenNameLatin"] = ("នាមខ្លួន (ឡាតាំង)", "Given name (Latin)"),
        ["Sex"] = ("ភេទ", "Sex"),
        ["Male"] = ("ប្រុស", "Male"),
        ["Female"] = ("ស្រី", "Female"),
        ["BirthDate"] = ("ថ្ងៃខែឆ្នាំកំណើត", "Date of birth"),
        ["BirthDateHint"] = ("ឆ្នាំ-ខែ-ថ្ងៃ ឬ ឆ្នាំ-ខែ ឬ ឆ្នាំ", "yyyy-MM-dd, or yyyy-MM, or yyyy"),
        ["BirthPlace"] = ("ទីកន្លែងកំណើត", "Place of birth"),
        ["BirthCountry"] = ("ប្រទេសកំណើត (បើកើតនៅបរទេស)", "Country of birth (if abroad)"),
        ["Nationality"] = ("សញ្ជាតិ", "Nationality"),
        ["CitizenshipStatus"] = ("ស្ថានភាពពលរដ្ឋ", "Citizenship status"),
        ["MaritalStatus"] = ("ស្ថានភាពអាពាហ៍ពិពាហ៍", "Marital status"),
        ["Father"] = ("ឪពុក", "Father"),
        ["Mother"] = ("ម្ដាយ", "Mother"),
        ["FatherKidc"] = ("KIDC ឪពុក", "Father's KIDC"),
        ["MotherKidc"] = ("KIDC ម្ដាយ", "Mother's KIDC"),
        ["FatherNameKm"] = ("ឈ្មោះឪពុក (បើគ្មាន KIDC)", "Father's name (if no KIDC)"),
        ["MotherNameKm"] = ("ឈ្មោះម្ដាយ (បើគ្មាន KIDC)", "Mother's name (if no KIDC)"),
        ["Children"] = ("កូន", "Children"),
        ["Residence"] = ("ទីលំនៅ", "Residence"),
        ["Address"] = ("អាសយដ្ឋាន", "Address"),
        ["Documents"] = ("ឯកសារអត្តសញ្ញាណ", "Identity documents"),
        ["DocumentType"] = ("ប្រភេទឯកសារ", "Document type"),
        ["Number"] = ("លេខ", "Number"),
        ["IssuingSystem"] = ("ប្រព័ន្ធចេញ", "Issuing system"),
        ["ValidUntil"] = ("មានសុពលភាពដល់", "Valid until"),
        ["LifeStatus"] = ("ស្ថានភាពជីវិត", "Life status"),
        ["Alive"] = ("នៅរស់", "Alive"),
        ["Deceased"] = ("ទទួលមរណភាព", "Deceased"),
        ["DeathDate"] = ("ថ្ងៃទទួលមរណភាព", "Date of death"),
        ["History"] = ("ប្រវត្តិកំណែ", "Version history"),
        ["Version"] = ("កំណែ", "Version"),
        ["ChangedBy"] = ("ផ្លាស់ប្ដូរដោយ", "Changed by"),
        ["When"] = ("ពេលវេលា", "When"),
        ["Source"] = ("ប្រភព", "Source"),
        ["Reason"] = ("មូលហេតុ", "Reason"),
        ["ChangedFields"] = ("វាលដែលបានផ្លាស់ប្ដូរ", "Changed fields"),
        ["Purpose"] = ("គោលបំណងនៃការចូលមើល", "Purpose of access"),
        ["PurposeHint"] = ("កត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម", "Recorded in the audit log"),
        ["Save"] = ("រក្សាទុក", "Save"),
        ["Edit"] = ("កែប្រែ", "Edit"),
        ["Open"] = ("បើក", "Open"),
        ["NoResults"] = ("រកមិនឃើញនរណាម្នាក់ក្នុងតំបន់របស់អ្នកទេ។", "No one found in your area."),
        ["MatchedAs"] = ("ត្រូវគ្នាដោយ", "Matched"),
        ["match:exact"] = ("ឈ្មោះដូចគ្នា", "exact name"),
        ["match:variant"] = ("អក្ខរាវិរុទ្ធផ្សេង", "another spelling"),
        ["match:other-script"] = ("អក្សរផ្សេង", "other script"),
        ["match:typo"] = ("កំហុសវាយអក្សរ", "typing error"),
        ["match:word-order"] = ("លំដាប់ឈ្មោះបញ្ច្រាស", "names in the other order"),
        ["AnySex"] = ("ភេទណាក៏បាន", "Any sex"),
        ["YearTolerance"] = ("ឆ្នាំ ±", "Years ±"),
        ["MoreResults"] = ("មានលទ្ធផលច្រើនទៀត៖ សូមបញ្ជាក់ការស្វែងរកបន្ថែម។", "There are more results: narrow the search."),
        ["NotFound"] = ("រកមិនឃើញ", "Not found"),
        ["NotFoundText"] = ("គ្មានកំណត់ត្រានេះក្នុងតំបន់របស់អ្នកទេ។", "There is no such record in your area."),
        ["Denied"] = ("គ្មានសិទ្ធិ", "Not allowed"),
        ["DeniedText"] = ("គណនីរបស់អ្នកមិនមានសិទ្ធិប្រើទំព័រនេះទេ។", "Your account may not use this page."),
        ["Office"] = ("ការិយាល័យ", "Office"),
        ["SignedInAs"] = ("ចូលប្រើជា", "Signed in as"),
        ["ApiReference"] = ("ឯកសារ API", "API reference"),
        ["Gazetteer"] = ("បញ្ជីឈ្មោះភូមិសាស្ត្រ", "Gazetteer"),
        ["Province"] = ("ខេត្ត/រាជធានី", "Province"),
        ["District"] = ("ស្រុក/ក្រុង/ខណ្ឌ", "District"),
        ["Commune"] = ("ឃុំ/សង្កាត់", "Commune"),
        ["Village"] = ("ភូមិ", "Village"),
        ["Choose"] = ("-- ជ្រើសរើស --", "-- choose --"),
        ["Any"] = ("-- ទាំងអស់ --", "-- any --"),
        ["ErrorsFound"] = ("សូមកែកំហុសខាងក្រោម។", "Please correct the errors below."),
        ["Saved"] = ("បានរក្សាទុក។", "Saved."),
        ["Registered"] = ("បានចុះបញ្ជី។ លេខ KIDC ថ្មី៖", "Registered. New KIDC:"),
        ["Superseded"] = ("ជំនួសដោយកំណែថ្មី", "superseded"),
        ["Current"] = ("បច្ចុប្បន្ន", "current"),
        ["BackToRecord"] = ("ត្រឡប់ទៅកំណត់ត្រា", "Back to the record"),
        ["Welcome"] = ("សូមស្វាគមន៍មកកាន់បញ្ជីប្រជាជន", "Welcome to the Population Registry"),
        ["WelcomeText"] = ("ស្វែងរក ចុះបញ្ជី និងកែប្រែកំណត់ត្រាប្រជាជនក្នុងតំបន់ការិយាល័យរបស់អ្នក។ រាល់ការចូលមើលត្រូវបានកត់ត្រា។", "Search, register and update person records in your office's area. Every access is recorded."),
        ["NoneKnown"] = ("មិនស្គាល់", "not known"),
        ["NoAccess"] = ("អ្នកមិនមានសិទ្ធិមើលកំណត់ត្រាប្រជាជនទេ។", "Your account has no access to person records."),
        ["CitizenByBirth"] = ("ពលរដ្ឋខ្មែរពីកំណើត", "Cambodian by birth"),
        ["Naturalized"] = ("ពលរដ្ឋខ្មែរតាមការធ្វើសញ្ជាតូបនីយកម្ម", "Cambodian by naturalization"),
        ["ForeignResident"] = ("ជនបរទេសរស់នៅ", "Foreign resident"),
        ["Stateless"] = ("គ្មានសញ្ជាតិ", "Stateless"),
        ["Undetermined"] = ("មិនទាន់កំណត់", "Undetermined"),
        ["NeverMarried"] = ("នៅលីវ", "Never married"),
        ["Married"] = ("រៀបការ", "Married"),
        ["Divorced"] = ("លែងលះ", "Divorced"),
        ["Widowed"] = ("មេម៉ាយ/ពោះម៉ាយ", "Widowed"),
        ["Separated"] = ("បែកគ្នា", "Separated"),
        ["Unknown"] = ("មិនស្គាល់", "Unknown"),
        ["Crvs"] = ("ប្រព័ន្ធចុះបញ្ជីអត្រានុកូលដ្ឋាន", "Civil registration (CRVS)"),
        ["IdCard"] = ("ប្រព័ន្ធអត្តសញ្ញាណប័ណ្ណខ្មែរ", "Khmer ID card system"),
        ["Passport"] = ("ប្រព័ន្ធលិខិតឆ្លងដែន", "Passport system"),
        ["ManualCorrection"] = ("ការកែតម្រូវដោយដៃ", "Manual correction"),
        ["KhmerIdCard"] = ("អត្តសញ្ញាណប័ណ្ណខ្មែរ", "Khmer ID card"),
        ["BirthCertificate"] = ("សំបុត្រកំណើត", "Birth certificate"),
        ["ResidenceBook"] = ("សៀវភៅស្នាក់នៅ", "Residence book"),
        ["FamilyBook"] = ("សៀវភៅគ្រួសារ", "Family book"),
        ["NationalityCertificate"] = ("វិញ្ញាបនបត្រសញ្ជាតិ", "Nationality certificate"),
        ["purpose:Registration service"] = ("សេវាចុះបញ្ជី", "Registration service"),
        ["purpose:Record correction"] = ("ការកែតម្រូវកំណត់ត្រា", "Record correction"),
        ["purpose:Information request"] = ("សំណើព័ត៌មាន", "Information request"),
        ["purpose:Identity verification"] = ("ការផ្ទៀងផ្ទាត់អត្តសញ្ញាណ", "Identity verification"),
        ["purpose:Supervision"] = ("ការត្រួតពិនិត្យ", "Supervision"),
        ["ResidencePermit"] = ("ប័ណ្ណស្នាក់នៅ", "Residence permit"),
    };

    static UiText()
    {
        // Civil registration's, verification's, vital statistics' and the E-Senate's words live in their own files; a
        // key defined twice is a bug and fails at start.
        foreach (var source in new[] { CivilEntryTexts(), CivilRecordTexts(), FamilyTexts(), FamilyMessages(), VerificationTexts(), LegislationTexts(), SenateTexts(), StatisticsTexts(), StatisticsMessages(), SignInTexts() })
        {
            foreach (var (key, value) in source)
            {
                Texts.Add(key, value);
            }
        }
    }

    /// <summary>The purposes staff choose from when they open personal data; the English text is what the audit log records.</summary>
    public static readonly string[] Purposes =
        ["Registration service", "Record correction", "Information request", "Identity verification", "Supervision"];

    public static bool IsKhmer => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "km";

    public static string T(string key) =>
        Texts.TryGetValue(key, out var t) ? (IsKhmer ? t.Km : t.En) : key;

    public static string T(Enum value) => T(value.ToString());

    public static IEnumerable<string> Keys => Texts.Keys;

    /// <summary>Digits in Khmer numerals when the UI is Khmer (០១២៣៤៥៦៧៨៩), as Khmer readers expect.</summary>
    public static string Digits(string text) => IsKhmer ? KhmerNumerals.ToKhmerDigits(text) : text;
}

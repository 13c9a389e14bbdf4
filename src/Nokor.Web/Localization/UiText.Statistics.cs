using System.Globalization;

namespace Nokor.Web.Localization;

public static partial class UiText
{
    // Every key of the vital statistics pages starts with "vst.", so that none collides with another file's.
    private const string Vst = "vst.";
    private const string VstMsg = "vst.msg.";

    /// <summary>Words of the vital statistics pages: the staff dashboard and tables, service-level reports, the public page.</summary>
    private static Dictionary<string, (string Km, string En)> StatisticsTexts() => new(StringComparer.Ordinal)
    {
        ["vst.Nav"] = ("ស្ថិតិអត្រានុកូលដ្ឋាន", "Vital statistics"),
        ["vst.NavPublic"] = ("ស្ថិតិ", "Statistics"),
        ["vst.Title"] = ("ស្ថិតិអត្រានុកូលដ្ឋាន", "Vital statistics"),
        ["vst.Intro"] = ("កំណើត និងមរណភាពដែលបានចុះបញ្ជី តាមឆ្នាំ និងតំបន់ទីលំនៅធម្មតា។ តួលេខទាំងនេះពិតប្រាកដ សម្រាប់តែបុគ្គលិក ហើយការអានត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។",
            "Registered births and deaths by year and area of usual residence. These figures are exact, for staff only, and reading them is recorded in the audit log."),
        ["vst.Year"] = ("ឆ្នាំ", "Year"),
        ["vst.Basis"] = ("មូលដ្ឋាន", "Basis"),
        ["vst.basis.Occurrence"] = ("តាមឆ្នាំកើតហេតុ", "By year of occurrence"),
        ["vst.basis.Registration"] = ("តាមឆ្នាំចុះបញ្ជី", "By year of registration"),
        ["vst.Area"] = ("តំបន់", "Area"),
        ["vst.AreaHint"] = ("លេខកូដខេត្ត (២ ខ្ទង់) ស្រុក (៤) ឬឃុំ (៦) ទុកទទេសម្រាប់ទូទាំងប្រទេស", "province (2 digits), district (4) or commune (6) code; empty for the nation"),
        ["vst.Show"] = ("បង្ហាញ", "Show"),
        ["vst.ErrorsFound"] = ("សូមកែកំហុសខាងក្រោម។", "Please correct the errors below."),
        ["vst.KeyFigures"] = ("តួលេខសំខាន់ៗ", "Key figures"),
        ["vst.LiveBirths"] = ("កំណើតរស់ដែលបានចុះបញ្ជី", "Live births registered"),
        ["vst.Deaths"] = ("មរណភាពដែលបានចុះបញ្ជី", "Deaths registered"),
        ["vst.BirthCompleteness"] = ("ភាពពេញលេញនៃការចុះបញ្ជីកំណើត", "Completeness of birth registration"),
        ["vst.DeathCompleteness"] = ("ភាពពេញលេញនៃការចុះបញ្ជីមរណភាព", "Completeness of death registration"),
        ["vst.Marriages"] = ("អាពាហ៍ពិពាហ៍ដែលបានចុះបញ្ជី", "Marriages registered"),
        ["vst.Divorces"] = ("ការលែងលះដែលបានចុះបញ្ជី", "Divorces registered"),
        ["vst.MarriageCompleteness"] = ("ភាពពេញលេញនៃការចុះបញ្ជីអាពាហ៍ពិពាហ៍", "Completeness of marriage registration"),
        ["vst.DivorceCompleteness"] = ("ភាពពេញលេញនៃការចុះបញ្ជីការលែងលះ", "Completeness of divorce registration"),
        ["vst.TargetIs"] = ("គោលដៅ NSPI ២០២៤៖ {0}", "NSPI 2024 target: {0}"),
        ["vst.Reached"] = ("សម្រេចគោលដៅ", "target reached"),
        ["vst.Below"] = ("ក្រោមគោលដៅ", "below the target"),
        ["vst.NoEstimate"] = ("មិនទាន់មានការប៉ាន់ស្មានប្រជាជន ឬអត្រារំពឹងទុកសម្រាប់ឆ្នាំ និងតំបន់នេះ", "no population estimate or expected rate loaded for this year and area"),
        ["vst.Charts"] = ("គំនូសតាង", "Charts"),
        ["vst.NoDeaths"] = ("មិនទាន់មានមរណភាពដែលបានចុះបញ្ជីសម្រាប់ឆ្នាំ និងតំបន់នេះទេ។", "No deaths registered for this year and area."),
        ["vst.SeeTable"] = ("មើលតារាង", "See the table"),
        ["vst.Tables"] = ("តារាងទាំងអស់", "All tables"),
        ["vst.Table"] = ("តារាង", "Table"),
        ["vst.Downloads"] = ("ទាញយក", "Download"),
        ["vst.View"] = ("មើល", "View"),
        ["vst.Csv"] = ("CSV", "CSV"),
        ["vst.Xlsx"] = ("XLSX (Excel)", "XLSX (Excel)"),
        ["vst.Json"] = ("JSON", "JSON"),
        ["vst.CsvKm"] = ("CSV ខ្មែរ", "CSV in Khmer"),
        ["vst.CsvEn"] = ("CSV អង់គ្លេស", "CSV in English"),
        ["vst.XlsxKm"] = ("XLSX ខ្មែរ", "XLSX in Khmer"),
        ["vst.XlsxEn"] = ("XLSX អង់គ្លេស", "XLSX in English"),
        ["vst.Notes"] = ("កំណត់សម្គាល់", "Notes"),
        ["vst.Back"] = ("ត្រឡប់ទៅស្ថិតិ", "Back to the statistics"),
        ["vst.For"] = ("{0} · ឆ្នាំ {1} · {2}", "{0} · {1} · {2}"),
        ["vst.NoSuchTable"] = ("គ្មានតារាងនេះទេ។", "There is no such table."),

        // Service levels (NSPI 8.4)
        ["vst.Service"] = ("របាយការណ៍កម្រិតសេវា", "Service-level report"),
        ["vst.ServiceIntro"] = ("ការិយាល័យនីមួយៗធៀបនឹងគោលដៅនៃជំហាននីមួយៗ។ ការិយាល័យដែលមិនសម្រេចគោលដៅ បង្ហាញមុនគេ ជាមួយសំណើសកម្មភាពគ្រប់គ្រង។",
            "Each office against the target of each step. Offices that miss a target come first, with a request for managerial action."),
        ["vst.Period"] = ("រយៈពេល", "Period"),
        ["vst.period.day"] = ("ថ្ងៃ", "Day"),
        ["vst.period.week"] = ("សប្ដាហ៍", "Week"),
        ["vst.period.month"] = ("ខែ", "Month"),
        ["vst.Date"] = ("កាលបរិច្ឆេទ", "Date"),
        ["vst.DateHint"] = ("ឆ្នាំ-ខែ-ថ្ងៃ", "yyyy-MM-dd"),
        ["vst.AreaOwnHint"] = ("ទុកទទេសម្រាប់តំបន់ការិយាល័យរបស់អ្នក", "empty for your office's area"),
        ["vst.FromTo"] = ("ពី {0} ដល់ {1}", "from {0} to {1}"),
        ["vst.audience.staff-and-supervisors"] = ("សម្រាប់បុគ្គលិក និងអ្នកត្រួតពិនិត្យ", "for staff and supervisors"),
        ["vst.audience.upper-management"] = ("សម្រាប់ថ្នាក់ដឹកនាំ", "for upper management"),
        ["vst.audience.supervisory-bodies"] = ("សម្រាប់ស្ថាប័នត្រួតពិនិត្យ", "for supervisory bodies"),
        ["vst.Targets"] = ("គោលដៅ", "Targets"),
        ["vst.Step"] = ("ជំហាន", "Step"),
        ["vst.MaxHours"] = ("រយៈពេលអតិបរមា (ម៉ោង)", "Maximum time (hours)"),
        ["vst.CompliancePercent"] = ("ភាគរយករណីដែលត្រូវសម្រេច", "Share of cases that must meet it (%)"),
        ["vst.SetBy"] = ("កំណត់ដោយ", "Set by"),
        ["vst.DefaultTarget"] = ("គោលដៅលំនាំដើម", "default target"),
        ["vst.Offices"] = ("ការិយាល័យ", "Offices"),
        ["vst.Office"] = ("ការិយាល័យ", "Office"),
        ["vst.Action"] = ("សកម្មភាព", "Action"),
        ["vst.action.managerial-action"] = ("ស្នើសកម្មភាពគ្រប់គ្រង", "Managerial action requested"),
        ["vst.action.acknowledged"] = ("បានទទួលស្គាល់", "Acknowledged"),
        ["vst.action.no-activity"] = ("គ្មានសកម្មភាព", "No activity"),
        ["vst.Completed"] = ("បានបញ្ចប់", "Completed"),
        ["vst.MedianHours"] = ("មេដ្យាន (ម៉ោង)", "Median (hours)"),
        ["vst.WithinTarget"] = ("% ក្នុងគោលដៅ", "% within target"),
        ["vst.Overdue"] = ("ហួសពេល", "Overdue"),
        ["vst.Met"] = ("សម្រេចគោលដៅ", "Target met"),
        ["vst.met.yes"] = ("សម្រេច", "Met"),
        ["vst.met.no"] = ("មិនសម្រេច", "Missed"),
        ["vst.met.none"] = ("គ្មានករណី", "No cases"),
        ["vst.Decided"] = ("បានសម្រេច", "Decided"),
        ["vst.Rejections"] = ("បានបដិសេធ", "Rejected"),
        ["vst.Corrections"] = ("សំណើកែតម្រូវ", "Corrections"),
        ["vst.Overall"] = ("គ្រប់ការិយាល័យ", "All offices"),
        ["vst.NoOffices"] = ("គ្មានការងារក្នុងរយៈពេលនេះទេ។", "No work in this period."),
        ["vst.SetTarget"] = ("កំណត់គោលដៅនៃជំហាន", "Set a step's target"),
        ["vst.SetTargetHint"] = ("សម្រាប់តែអ្នកគ្រប់គ្រងប្រព័ន្ធ។ ការផ្លាស់ប្ដូរត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។", "Administrators only. The change is recorded in the audit log."),
        ["vst.SaveTarget"] = ("រក្សាទុកគោលដៅ", "Save the target"),
        ["vst.TargetSaved"] = ("បានរក្សាទុកគោលដៅ។", "The target was saved."),
        ["vst.Hours"] = ("{0} ម៉ោង", "{0} h"),

        // The public page
        ["vst.PublicTitle"] = ("ស្ថិតិអត្រានុកូលដ្ឋាន", "Vital statistics"),
        ["vst.PublicIntro"] = ("តារាងស្ថិតិកំណើត និងមរណភាព ដែលអង្គភាពស្ថិតិបានផ្សព្វផ្សាយ សម្រាប់ទូទាំងប្រទេស និងខេត្តនីមួយៗ។ តួលេខត្រូវបានការពារ ដើម្បីកុំឱ្យគេស្គាល់គ្រួសារណាមួយ។",
            "Tables of births and deaths published by the statistics unit for the nation and each province. The figures are protected so that no family can be recognized."),
        ["vst.PublishedYears"] = ("ឆ្នាំដែលបានផ្សព្វផ្សាយ", "Published years"),
        ["vst.PublishedOn"] = ("ផ្សព្វផ្សាយនៅ {0}", "published {0}"),
        ["vst.NoPublished"] = ("មិនទាន់មានឆ្នាំណាមួយត្រូវបានផ្សព្វផ្សាយនៅឡើយទេ។", "No year has been published yet."),
        ["vst.PublicYear"] = ("ស្ថិតិអត្រានុកូលដ្ឋាន ឆ្នាំ {0}", "Vital statistics {0}"),
        ["vst.Nation"] = ("ទូទាំងប្រទេស", "Whole country"),
        ["vst.OpenData"] = ("ទិន្នន័យបើកចំហ", "Open data"),
        ["vst.OpenDataHint"] = ("CSV៖ ជួរក្បាលតែមួយ ជាមួយកូន្សោ (key) សម្រាប់កម្មវិធី។ JSON និង XLSX៖ តារាងពេញ។", "CSV: one header line with keys, for programs. JSON and XLSX: the whole table."),
        ["vst.AllYears"] = ("ឆ្នាំទាំងអស់", "All years"),
    };

    /// <summary>A cell as published: "–" when withheld or not available; numerals in Khmer when the UI is Khmer.</summary>
    public static string VstValue(double? value, Nokor.CivilRegistration.Contracts.StatValueKind kind) => value switch
    {
        null => "–",
        { } v => Digits(kind switch
        {
            Nokor.CivilRegistration.Contracts.StatValueKind.Count => v.ToString("#,0", CultureInfo.InvariantCulture),
            Nokor.CivilRegistration.Contracts.StatValueKind.Percent => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            _ => v.ToString("0.0#", CultureInfo.InvariantCulture),
        }),
    };

    public static string VstNumber(double? value) => value switch
    {
        null => "–",
        // A value that rounds to zero from just below it (-0.0 hours) reads as 0, not "-0".
        { } v when Math.Round(v, 1) == 0 => Digits("0"),
        { } v => Digits(v.ToString("#,0.#", CultureInfo.InvariantCulture)),
    };

    /// <summary>A text of the pages with its placeholders filled (numbers already written).</summary>
    public static string VstFormat(string key, params object[] values) => string.Format(CultureInfo.InvariantCulture, T(key), values);

    /// <summary>A coded value (basis, period, action, audience, age group) in the UI language; an unknown code shows as it is.</summary>
    public static string VstCoded(string group, string code) =>
        Texts.TryGetValue($"{Vst}{group}.{code}", out var t) ? (IsKhmer ? t.Km : t.En) : code;

    /// <summary>A field error of the statistics services in the UI language: the services write English, the pages Khmer too.</summary>
    public static string VstMessage(string field, string message)
    {
        if (!IsKhmer)
        {
            return message;
        }

        var key = field switch
        {
            "area" when message.StartsWith("Your office", StringComparison.Ordinal) => "area-own",
            "date" when message.Contains("future", StringComparison.Ordinal) => "date-future",
            _ => field,
        };
        return Texts.TryGetValue(VstMsg + key, out var t) ? t.Km : message;
    }

    public static IDictionary<string, string[]> VstErrors(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(m => VstMessage(e.Key, m)).ToArray(), StringComparer.Ordinal);

    /// <summary>The Khmer of the services' field errors (the English is the service's own message).</summary>
    private static Dictionary<string, (string Km, string En)> StatisticsMessages() => new(StringComparer.Ordinal)
    {
        ["vst.msg.year"] = ("ឆ្នាំត្រូវនៅចន្លោះឆ្នាំ ១៩០០ និងឆ្នាំនេះ។", "The year must be between 1900 and this year."),
        ["vst.msg.basis"] = ("មូលដ្ឋានគឺ តាមឆ្នាំកើតហេតុ ឬតាមឆ្នាំចុះបញ្ជី។", "The basis is occurrence or registration."),
        ["vst.msg.area"] = ("តំបន់គឺលេខកូដខេត្ត (២ ខ្ទង់) ស្រុក (៤) ឬឃុំ (៦) នៃបញ្ជីឈ្មោះភូមិសាស្ត្រ ឬទុកទទេសម្រាប់ទូទាំងប្រទេស។",
            "The area is a province, district or commune code of the gazetteer, or empty for the nation."),
        ["vst.msg.area-own"] = ("ការិយាល័យរបស់អ្នកមើលបានតែតំបន់របស់ខ្លួន និងតំបន់ក្នុងនោះ។", "Your office sees its own area and the areas inside it."),
        ["vst.msg.period"] = ("រយៈពេលគឺ ថ្ងៃ សប្ដាហ៍ ឬខែ។", "The period is day, week or month."),
        ["vst.msg.date"] = ("កាលបរិច្ឆេទត្រូវសរសេរ ឆ្នាំ-ខែ-ថ្ងៃ។", "The date is written yyyy-MM-dd."),
        ["vst.msg.date-future"] = ("កាលបរិច្ឆេទនៅថ្ងៃអនាគត។", "The date is in the future."),
        ["vst.msg.maxHours"] = ("គោលដៅគឺចំនួនម៉ោងពី ១ ដល់ ៨៧៦០។", "The target is a number of hours from 1 to 8760."),
        ["vst.msg.compliancePercent"] = ("ភាគរយករណីដែលត្រូវសម្រេចគោលដៅ គឺពី ១ ដល់ ១០០។", "The share of cases that must meet the target is a percentage from 1 to 100."),
        ["vst.msg.step"] = ("គ្មានជំហាននេះទេ។", "There is no such step."),
        ["vst.msg.year-number"] = ("ឆ្នាំត្រូវជាលេខ ឧ. ២០២៥។", "The year is a number, such as 2025."),
    };
}

using System.Text.RegularExpressions;

namespace Nokor.Web.Localization;

public static partial class UiText
{
    /// <summary>
    /// The family events' refusals in Khmer (the services answer in English; a message not here shows
    /// as it came). Fixed messages by their text; those that carry a value by pattern.
    /// </summary>
    private static Dictionary<string, (string Km, string En)> FamilyMessages()
    {
        var km = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["The husband and the wife cannot be the same person (the same KIDC twice)."] = "ប្ដី និងប្រពន្ធមិនអាចជាមនុស្សតែម្នាក់ទេ (KIDC ដដែលពីរដង)។",
            ["The marriage's details are required."] = "ត្រូវការព័ត៌មានអំពីអាពាហ៍ពិពាហ៍។",
            ["The husband's details are required."] = "ត្រូវការព័ត៌មានរបស់ប្ដី។",
            ["The wife's details are required."] = "ត្រូវការព័ត៌មានរបស់ប្រពន្ធ។",
            ["The date of the marriage is after today, the date of registration."] = "ថ្ងៃរៀបអាពាហ៍ពិពាហ៍នៅក្រោយថ្ងៃនេះ ដែលជាថ្ងៃចុះបញ្ជី។",
            ["At least one spouse must be a person of the Population Registry, named by KIDC."] = "យ៉ាងហោចណាស់សហព័ទ្ធម្នាក់ត្រូវតែជាបុគ្គលក្នុងបញ្ជីប្រជាជន ដែលមានលេខ KIDC។",
            ["Neither the place of the marriage nor a spouse's residence is in your office's area."] = "ទាំងទីកន្លែងរៀបអាពាហ៍ពិពាហ៍ ទាំងទីលំនៅរបស់សហព័ទ្ធ មិននៅក្នុងតំបន់ការិយាល័យរបស់អ្នកទេ។",
            ["Two witnesses of age attend the marriage: name both."] = "សាក្សីពីរនាក់ដែលគ្រប់អាយុចូលរួមក្នុងអាពាហ៍ពិពាហ៍៖ សូមសរសេរឈ្មោះទាំងពីរនាក់។",
            ["At most four witnesses are recorded."] = "កត់ត្រាសាក្សីបានច្រើនបំផុតបួននាក់។",
            ["A spouse cannot be a witness of their own marriage."] = "សហព័ទ្ធមិនអាចជាសាក្សីនៃអាពាហ៍ពិពាហ៍របស់ខ្លួនទេ។",
            ["This spouse was born after the date of the marriage."] = "សហព័ទ្ធនេះកើតក្រោយថ្ងៃរៀបអាពាហ៍ពិពាហ៍។",
            ["A Cambodian spouse is named by KIDC; a passport describes a foreign spouse only."] = "សហព័ទ្ធជាពលរដ្ឋខ្មែរត្រូវដាក់លេខ KIDC៖ លិខិតឆ្លងដែនសម្រាប់តែសហព័ទ្ធបរទេសប៉ុណ្ណោះ។",
            ["A spouse without a KIDC is described by passport: give the passport number."] = "សហព័ទ្ធដែលគ្មាន KIDC ត្រូវបានពិពណ៌នាដោយលិខិតឆ្លងដែន៖ សូមដាក់លេខលិខិតឆ្លងដែន។",
            ["A spouse without a KIDC is described by passport: give the issuing country (ISO 3166-1 alpha-2)."] = "សហព័ទ្ធដែលគ្មាន KIDC ត្រូវបានពិពណ៌នាដោយលិខិតឆ្លងដែន៖ សូមដាក់ប្រទេសចេញ (កូដ ២ អក្សរ)។",
            ["A spouse without a KIDC is described by passport: give the nationality (ISO 3166-1 alpha-2)."] = "សហព័ទ្ធដែលគ្មាន KIDC ត្រូវបានពិពណ៌នាដោយលិខិតឆ្លងដែន៖ សូមដាក់សញ្ជាតិ (កូដ ២ អក្សរ)។",
            ["A passport number is 5 to 20 letters and digits."] = "លេខលិខិតឆ្លងដែនមានពី ៥ ដល់ ២០ អក្សរ និងលេខ។",
            ["The consent must be given before the marriage."] = "ការយល់ព្រមត្រូវផ្ដល់មុនអាពាហ៍ពិពាហ៍។",
            ["An earlier marriage must have ended before this one."] = "អាពាហ៍ពិពាហ៍មុនត្រូវតែបានបញ្ចប់មុនអាពាហ៍ពិពាហ៍នេះ។",
            ["Say how the earlier marriage ended: Divorce, Annulment or Death (of that spouse)."] = "សូមបញ្ជាក់ថាអាពាហ៍ពិពាហ៍មុនបានបញ្ចប់ដោយរបៀបណា៖ ការលែងលះ មោឃភាព ឬមរណភាពរបស់សហព័ទ្ធ។",
            ["The details of the decision are required."] = "ត្រូវការព័ត៌មានអំពីសេចក្ដីសម្រេច។",
            ["The marriage's registration number is required (M…, on the marriage certificate)."] = "ត្រូវការលេខចុះបញ្ជីអាពាហ៍ពិពាហ៍ (M… នៅលើសំបុត្រអាពាហ៍ពិពាហ៍)។",
            ["No marriage is registered with this number."] = "គ្មានអាពាហ៍ពិពាហ៍ណាមួយបានចុះបញ្ជីដោយលេខនេះទេ។",
            ["No marriage is registered with this number in your area: check the number on the marriage certificate."] = "គ្មានអាពាហ៍ពិពាហ៍ណាមួយបានចុះបញ្ជីដោយលេខនេះក្នុងតំបន់របស់អ្នកទេ៖ សូមពិនិត្យលេខនៅលើសំបុត្រអាពាហ៍ពិពាហ៍។",
            ["The Civil Code of Cambodia gives divorce to the courts: an administrative decision of divorce cannot be registered."] = "ក្រមរដ្ឋប្បវេណីកម្ពុជាប្រគល់ការលែងលះឱ្យតុលាការ៖ មិនអាចចុះបញ្ជីសេចក្ដីសម្រេចរដ្ឋបាលនៃការលែងលះបានទេ។",
            ["Name the court that gave the decision."] = "សូមសរសេរឈ្មោះតុលាការដែលបានចេញសេចក្ដីសម្រេច។",
            ["The decision's case (or reference) number is required."] = "ត្រូវការលេខសំណុំរឿង (ឬលេខយោង) នៃសេចក្ដីសម្រេច។",
            ["The decision takes effect on or after the day it is given."] = "សេចក្ដីសម្រេចចូលជាធរមាននៅថ្ងៃ ឬក្រោយថ្ងៃដែលវាត្រូវបានចេញ។",
            ["This application completes a court decision."] = "ពាក្យស្នើសុំនេះបំពេញសេចក្ដីសម្រេចរបស់តុលាការ។",
            ["This date is after today, the date of registration."] = "កាលបរិច្ឆេទនេះនៅក្រោយថ្ងៃនេះ ដែលជាថ្ងៃចុះបញ្ជី។",
            ["Say what is registered: Divorce, Annulment or LegalSeparation."] = "សូមបញ្ជាក់អ្វីដែលត្រូវចុះបញ្ជី៖ ការលែងលះ មោឃភាព ឬការរស់នៅដាច់ដោយឡែកពីគ្នា។",
            ["The adoption's details are required."] = "ត្រូវការព័ត៌មានអំពីការសុំកូនចិញ្ចឹម។",
            ["Name the adoptive mother, the adoptive father, or both."] = "សូមដាក់ម្ដាយចិញ្ចឹម ឪពុកចិញ្ចឹម ឬទាំងពីរនាក់។",
            ["An adoptive parent cannot be the adoptee."] = "ឪពុក ឬម្ដាយចិញ្ចឹមមិនអាចជាកូនចិញ្ចឹមខ្លួនឯងបានទេ។",
            ["An adoptive parent must be older than the adoptee."] = "ឪពុក ឬម្ដាយចិញ្ចឹមត្រូវមានអាយុច្រើនជាងកូនចិញ្ចឹម។",
            ["The adoptee was born after the decision's date."] = "កូនចិញ្ចឹមកើតក្រោយថ្ងៃចេញសេចក្ដីសម្រេច។",
            ["The recognition's details are required."] = "ត្រូវការព័ត៌មានអំពីការទទួលស្គាល់។",
            ["A person cannot recognize themselves."] = "បុគ្គលមិនអាចទទួលស្គាល់ខ្លួនឯងបានទេ។",
            ["The parent must be older than the child."] = "ឪពុក ឬម្ដាយត្រូវមានអាយុច្រើនជាងកុមារ។",
            ["The child was born after the date of the recognition."] = "កុមារកើតក្រោយថ្ងៃទទួលស្គាល់។",
            ["The foetal death's details are required."] = "ត្រូវការព័ត៌មានអំពីការស្លាប់របស់ទារកក្នុងផ្ទៃ។",
            ["The completed weeks of gestation are required."] = "ត្រូវការអាយុគភ៌ជាសប្ដាហ៍ពេញ។",
            ["The date of delivery is after today, the date of registration."] = "ថ្ងៃសម្រាលនៅក្រោយថ្ងៃនេះ ដែលជាថ្ងៃចុះបញ្ជី។",
            ["Name the health facility where the delivery took place."] = "សូមសរសេរឈ្មោះមូលដ្ឋានសុខាភិបាលដែលបានសម្រាល។",
            ["The change of name's details are required."] = "ត្រូវការព័ត៌មានអំពីការប្ដូរឈ្មោះ។",
            ["The new names are the names the person bears now."] = "ឈ្មោះថ្មីដូចឈ្មោះដែលបុគ្គលនេះកំពុងប្រើ។",
            ["The date of the decision is after today."] = "ថ្ងៃចេញសេចក្ដីសម្រេចនៅក្រោយថ្ងៃនេះ។",
            ["The date of the decision is required (yyyy-MM-dd)."] = "ត្រូវការថ្ងៃចេញសេចក្ដីសម្រេច (ឆ្នាំ-ខែ-ថ្ងៃ)។",
            ["The case number of the decision is required."] = "ត្រូវការលេខសំណុំរឿងនៃសេចក្ដីសម្រេច។",
        };
        return km.ToDictionary(p => EntryMessage + p.Key, p => (p.Value, p.Key), StringComparer.Ordinal);
    }

    /// <summary>The family events' refusals that carry a value (a number, a date, an age), in Khmer.</summary>
    private static readonly (Regex Pattern, Func<Match, string> Khmer)[] FamilyMessagePatterns =
    [
        (new Regex(@"^Civil Code art\. 949: this person is already married: marriage registration (\S+) is in force since (\d{4}-\d{2}-\d{2})\.$", RegexOptions.CultureInvariant),
            m => $"ក្រមរដ្ឋប្បវេណី មាត្រា ៩៤៩៖ បុគ្គលនេះបានរៀបការរួចហើយ៖ ការចុះបញ្ជីអាពាហ៍ពិពាហ៍ {m.Groups[1].Value} កំពុងមានអានុភាពតាំងពី {Digits(m.Groups[2].Value)}។"),
        (new Regex(@"^Civil Code art\. 949: this person is already married: the Population Registry holds a marriage in force since (\d{4}-\d{2}-\d{2})\.$", RegexOptions.CultureInvariant),
            m => $"ក្រមរដ្ឋប្បវេណី មាត្រា ៩៤៩៖ បុគ្គលនេះបានរៀបការរួចហើយ៖ បញ្ជីប្រជាជនមានអាពាហ៍ពិពាហ៍កំពុងមានអានុភាពតាំងពី {Digits(m.Groups[1].Value)}។"),
        (new Regex(@"^Civil Code art\. 948: this spouse is (\d+) on the date of the marriage; the minimum age is (\d+), or (\d+) with the consent of the holder of parental power\.$", RegexOptions.CultureInvariant),
            m => $"ក្រមរដ្ឋប្បវេណី មាត្រា ៩៤៨៖ សហព័ទ្ធនេះមានអាយុ {Digits(m.Groups[1].Value)} ឆ្នាំនៅថ្ងៃរៀបអាពាហ៍ពិពាហ៍៖ អាយុអប្បបរមាគឺ {Digits(m.Groups[2].Value)} ឆ្នាំ ឬ {Digits(m.Groups[3].Value)} ឆ្នាំ ដោយមានការយល់ព្រមពីអ្នកកាន់អំណាចមេបា។"),
        (new Regex(@"^Civil Code art\. 948\(2\): this spouse is (\d+) on the date of the marriage: record the consent of the holder of parental power \(name, relationship, date\)\.$", RegexOptions.CultureInvariant),
            m => $"ក្រមរដ្ឋប្បវេណី មាត្រា ៩៤៨(២)៖ សហព័ទ្ធនេះមានអាយុ {Digits(m.Groups[1].Value)} ឆ្នាំនៅថ្ងៃរៀបអាពាហ៍ពិពាហ៍៖ សូមកត់ត្រាការយល់ព្រមរបស់អ្នកកាន់អំណាចមេបា (ឈ្មោះ ត្រូវជា កាលបរិច្ឆេទ)។"),
        (new Regex(@"^Civil Code (art\. \d+): the spouses are related in a prohibited degree \((.+), degree (\d+)\); they may not marry\.$", RegexOptions.CultureInvariant),
            m => $"ក្រមរដ្ឋប្បវេណី {m.Groups[1].Value}៖ សហព័ទ្ធទាំងពីរជាញាតិក្នុងថ្នាក់ដែលហាមឃាត់ ({m.Groups[2].Value} ថ្នាក់ទី {Digits(m.Groups[3].Value)})៖ ពួកគេមិនអាចរៀបការបានទេ។"),
        (new Regex(@"^This marriage already ended by (\S+) on (\d{4}-\d{2}-\d{2})\.$", RegexOptions.CultureInvariant),
            m => $"អាពាហ៍ពិពាហ៍នេះបានបញ្ចប់រួចហើយដោយ {m.Groups[1].Value} នៅថ្ងៃ {Digits(m.Groups[2].Value)}។"),
        (new Regex(@"^This marriage was already annulled by (\S+) on (\d{4}-\d{2}-\d{2})\.$", RegexOptions.CultureInvariant),
            m => $"អាពាហ៍ពិពាហ៍នេះត្រូវបានប្រកាសជាមោឃៈរួចហើយដោយ {m.Groups[1].Value} នៅថ្ងៃ {Digits(m.Groups[2].Value)}។"),
        (new Regex(@"^This date is before the marriage \((\d{4}-\d{2}-\d{2})\)\.$", RegexOptions.CultureInvariant),
            m => $"កាលបរិច្ឆេទនេះនៅមុនអាពាហ៍ពិពាហ៍ ({Digits(m.Groups[1].Value)})។"),
    ];

    /// <summary>A family event's refusal with a value, in Khmer when the UI is Khmer; null when no pattern knows it.</summary>
    private static string? FamilyPatternMessage(string message)
    {
        if (!IsKhmer)
        {
            return null;
        }

        foreach (var (pattern, khmer) in FamilyMessagePatterns)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return khmer(match);
            }
        }

        return null;
    }
}

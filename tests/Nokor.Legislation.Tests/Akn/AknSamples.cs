using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Tests.Akn;

/// <summary>Fictional laws used across the AKN tests.</summary>
internal static class AknSamples
{
    public static readonly AknWork KhmerWork = new(AknDocType.Act, new DateOnly(2024, 5, 1), "12");

    public static readonly AknWork BillWork = new(AknDocType.Bill, new DateOnly(2025, 2, 14), "7");

    public const string KhmerLaw = """
        ច្បាប់ស្តីពីការគ្រប់គ្រងបណ្ណាល័យសាធារណៈ

        យើង ព្រះមហាក្សត្រនៃព្រះរាជាណាចក្រកម្ពុជា
        សូមប្រកាសឱ្យប្រើច្បាប់ដែលរដ្ឋសភាបានអនុម័ត ដូចតទៅ៖

        ជំពូកទី ១
        បទប្បញ្ញត្តិទូទៅ

        មាត្រា ១.- គោលបំណង
        ច្បាប់នេះមានគោលបំណងកំណត់ការគ្រប់គ្រង និងការប្រើប្រាស់បណ្ណាល័យសាធារណៈ។

        មាត្រា ២.- វិសាលភាព
        ច្បាប់នេះអនុវត្តចំពោះបណ្ណាល័យសាធារណៈទាំងអស់នៅក្នុងព្រះរាជាណាចក្រកម្ពុជា។

        ជំពូកទី ២ ៖ ការគ្រប់គ្រង

        ផ្នែកទី ១
        អាជ្ញាធរគ្រប់គ្រង

        មាត្រា ៣
        ក្រសួងវប្បធម៌ និងវិចិត្រសិល្បៈ ជាអាជ្ញាធរគ្រប់គ្រងបណ្ណាល័យសាធារណៈ។
        មាត្រា ៦ នៃច្បាប់នេះ មិនអនុវត្តចំពោះបណ្ណាល័យឯកជនទេ។

        មាត្រា ៤.- ភារកិច្ចរបស់អាជ្ញាធរ
        អាជ្ញាធរគ្រប់គ្រងមានភារកិច្ចដូចតទៅ៖
        ១. រៀបចំផែនការអភិវឌ្ឍបណ្ណាល័យ។
        ២. ត្រួតពិនិត្យការប្រើប្រាស់ថវិកា៖
        ក. ថវិកាជាតិ
        ខ. ជំនួយពីដៃគូ
        ៣. ផ្តល់វិញ្ញាបនបត្រដល់បណ្ណារក្ស។

        ផ្នែកទី ២
        បណ្ណារក្ស

        មាត្រា ៥
        (១) បណ្ណារក្សត្រូវមានសញ្ញាបត្រពាក់ព័ន្ធ។
        (២) បណ្ណារក្សត្រូវគោរពក្រមសីលធម៌វិជ្ជាជីវៈ។

        មាត្រា ៦ ៖ ម៉ោងបើក
        បណ្ណាល័យសាធារណៈត្រូវបើកយ៉ាងតិច ៤០ ម៉ោងក្នុងមួយសប្តាហ៍។

        ជំពូកទី ៣
        បទប្បញ្ញត្តិអវសាន

        មាត្រា ៧
        បទប្បញ្ញត្តិទាំងឡាយណាដែលផ្ទុយនឹងច្បាប់នេះ ត្រូវទុកជានិរាករណ៍។

        មាត្រា ៨
        ច្បាប់នេះត្រូវប្រកាសឱ្យប្រើជាបន្ទាន់។
        """;

    public const string EnglishLaw = """
        Law on Public Libraries
        We, the King of Cambodia,
        hereby promulgate the law adopted by the National Assembly:

        CHAPTER I - GENERAL PROVISIONS
        Article 1: Purpose
        This law sets out the management and use of public libraries.
        Article 2: Scope
        This law applies to all public libraries in the Kingdom of Cambodia.

        Chapter II: Management
        Section 1
        Authority
        Article 3
        The Ministry of Culture and Fine Arts is the managing authority.
        Article 12 of the Civil Service Law applies to its staff.
        Article 4 - Duties
        The authority shall:
        a) plan the development of libraries;
        b) supervise the use of the budget;
        c) certify librarians.
        Article 5 (new)
        1. A librarian shall hold a relevant degree.
        2. A librarian shall respect the professional code of ethics.
        Article 5 new-1: Opening hours
        Public libraries shall open at least 40 hours a week.

        CHAPTER III
        FINAL PROVISIONS
        Art. 6
        Any provision contrary to this law is repealed.
        """;

    public static LegalText ImportKhmer(DateOnly? versionDate = null) => Import(KhmerLaw, KhmerWork, "khm", versionDate);

    public static LegalText ImportEnglish(DateOnly? versionDate = null) => Import(EnglishLaw, KhmerWork, "eng", versionDate);

    public static LegalText Import(string text, AknWork work, string language, DateOnly? versionDate = null)
    {
        var result = PlainTextImporter.Parse(text, work, language, versionDate);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Text;
    }

    public static IEnumerable<TextUnit> Flatten(IEnumerable<TextUnit> units) =>
        units.SelectMany(u => new[] { u }.Concat(Flatten(u.Children)));

    public static TextUnit Unit(LegalText text, string eId) => Flatten(text.Body).Single(u => u.EId == eId);
}

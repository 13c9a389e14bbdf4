namespace Nokor.CivilRegistration.Statistics;

/// <summary>The chapters of ICD-10 (WHO, 2019 edition) by the code ranges they cover, for tabulating causes of death.</summary>
internal static class Icd10
{
    public sealed record Chapter(string Numeral, string From, string To, string En, string Km);

    public static readonly Chapter[] Chapters =
    [
        new("I", "A00", "B99", "Certain infectious and parasitic diseases", "ជំងឺឆ្លង និងប៉ារ៉ាស៊ីតមួយចំនួន"),
        new("II", "C00", "D48", "Neoplasms", "ដុំសាច់"),
        new("III", "D50", "D89", "Diseases of the blood and immune mechanism", "ជំងឺឈាម និងប្រព័ន្ធភាពស៊ាំ"),
        new("IV", "E00", "E90", "Endocrine, nutritional and metabolic diseases", "ជំងឺក្រពេញ អាហារូបត្ថម្ភ និងមេតាបូលីស"),
        new("V", "F00", "F99", "Mental and behavioural disorders", "ជំងឺផ្លូវចិត្ត និងអាកប្បកិរិយា"),
        new("VI", "G00", "G99", "Diseases of the nervous system", "ជំងឺប្រព័ន្ធប្រសាទ"),
        new("VII", "H00", "H59", "Diseases of the eye and adnexa", "ជំងឺភ្នែក"),
        new("VIII", "H60", "H95", "Diseases of the ear and mastoid process", "ជំងឺត្រចៀក"),
        new("IX", "I00", "I99", "Diseases of the circulatory system", "ជំងឺប្រព័ន្ធឈាមរត់"),
        new("X", "J00", "J99", "Diseases of the respiratory system", "ជំងឺប្រព័ន្ធដង្ហើម"),
        new("XI", "K00", "K93", "Diseases of the digestive system", "ជំងឺប្រព័ន្ធរំលាយអាហារ"),
        new("XII", "L00", "L99", "Diseases of the skin", "ជំងឺស្បែក"),
        new("XIII", "M00", "M99", "Diseases of the musculoskeletal system", "ជំងឺសាច់ដុំ និងឆ្អឹង"),
        new("XIV", "N00", "N99", "Diseases of the genitourinary system", "ជំងឺប្រព័ន្ធទឹកនោម និងប្រដាប់បន្តពូជ"),
        new("XV", "O00", "O99", "Pregnancy, childbirth and the puerperium", "ការមានផ្ទៃពោះ ការសម្រាលកូន និងក្រោយសម្រាល"),
        new("XVI", "P00", "P96", "Conditions originating in the perinatal period", "ស្ថានភាពដែលកើតឡើងក្នុងរយៈពេលជុំវិញកំណើត"),
        new("XVII", "Q00", "Q99", "Congenital malformations", "ភាពមិនប្រក្រតីពីកំណើត"),
        new("XVIII", "R00", "R99", "Symptoms and ill-defined conditions", "រោគសញ្ញា និងស្ថានភាពមិនច្បាស់លាស់"),
        new("XIX", "S00", "T98", "Injury, poisoning and other external consequences", "របួស ការពុល និងផលវិបាកខាងក្រៅ"),
        new("XX", "V01", "Y98", "External causes of morbidity and mortality", "មូលហេតុខាងក្រៅនៃការស្លាប់"),
        new("XXI", "Z00", "Z99", "Factors influencing health status", "កត្តាដែលមានឥទ្ធិពលលើសុខភាព"),
        new("XXII", "U00", "U85", "Codes for special purposes", "លេខកូដសម្រាប់គោលបំណងពិសេស"),
    ];

    /// <summary>The chapter of a code such as "J18.9" or "J189"; null when the code is not a well-formed ICD-10 code.</summary>
    public static Chapter? ChapterOf(string? code)
    {
        if (code is not { Length: >= 3 } || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiDigit(code[1]) || !char.IsAsciiDigit(code[2]))
        {
            return null;
        }

        var category = code[..3];
        return Chapters.FirstOrDefault(c => string.CompareOrdinal(category, c.From) >= 0 && string.CompareOrdinal(category, c.To) <= 0);
    }

    /// <summary>R00-R99: a death whose underlying cause is ill-defined (an ESCAP quality indicator).</summary>
    public static bool IsIllDefined(string? code) => ChapterOf(code)?.Numeral == "XVIII";
}

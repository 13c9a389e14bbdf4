namespace Nokor.Legislation.Generation;

/// <summary>A word or phrase in Khmer with its English rendering.</summary>
internal readonly record struct Phrase(string Km, string En);

/// <summary>
/// A small Khmer–English legal vocabulary for synthetic acts, written for this project. Every
/// Khmer entry is a word or a compound as it is written inside running text (no spaces between
/// words); the generator joins them into clauses and puts spaces only between clauses, as Khmer
/// legal texts do. The English side is a plain rendering so a generated English expression reads
/// as a translation of the Khmer one.
/// </summary>
internal static class LegalVocabulary
{
    /// <summary>Subjects of obligations: institutions, office holders and persons.</summary>
    public static readonly Phrase[] Actors =
    [
        new("ក្រសួងមហាផ្ទៃ", "the Ministry of Interior"),
        new("ក្រសួងយុត្តិធម៌", "the Ministry of Justice"),
        new("ក្រសួងសេដ្ឋកិច្ចនិងហិរញ្ញវត្ថុ", "the Ministry of Economy and Finance"),
        new("ក្រសួងការងារនិងបណ្តុះបណ្តាលវិជ្ជាជីវៈ", "the Ministry of Labour and Vocational Training"),
        new("ក្រសួងអប់រំ យុវជន និងកីឡា", "the Ministry of Education, Youth and Sport"),
        new("ក្រសួងសុខាភិបាល", "the Ministry of Health"),
        new("ក្រសួងបរិស្ថាន", "the Ministry of Environment"),
        new("ក្រសួងកសិកម្ម រុក្ខាប្រមាញ់ និងនេសាទ", "the Ministry of Agriculture, Forestry and Fisheries"),
        new("ក្រសួងពាណិជ្ជកម្ម", "the Ministry of Commerce"),
        new("ក្រសួងរៀបចំដែនដី នគរូបនីយកម្ម និងសំណង់", "the Ministry of Land Management, Urban Planning and Construction"),
        new("ក្រសួងការបរទេសនិងសហប្រតិបត្តិការអន្តរជាតិ", "the Ministry of Foreign Affairs and International Cooperation"),
        new("ក្រសួងសាធារណការនិងដឹកជញ្ជូន", "the Ministry of Public Works and Transport"),
        new("ក្រសួងកិច្ចការនារី", "the Ministry of Women's Affairs"),
        new("ក្រសួងផែនការ", "the Ministry of Planning"),
        new("រាជរដ្ឋាភិបាល", "the Royal Government"),
        new("អាជ្ញាធរមានសមត្ថកិច្ច", "the competent authority"),
        new("ក្រុមប្រឹក្សាឃុំ សង្កាត់", "the commune or sangkat council"),
        new("រដ្ឋបាលរាជធានី ខេត្ត", "the capital and provincial administration"),
        new("គណៈកម្មាធិការជាតិរៀបចំការបោះឆ្នោត", "the National Election Committee"),
        new("ព្រឹទ្ធសភា", "the Senate"),
        new("រដ្ឋសភា", "the National Assembly"),
        new("ក្រុមប្រឹក្សាធម្មនុញ្ញ", "the Constitutional Council"),
        new("តុលាការមានសមត្ថកិច្ច", "the competent court"),
        new("អយ្យការ", "the prosecutor"),
        new("ធនាគារជាតិនៃកម្ពុជា", "the National Bank of Cambodia"),
        new("អគ្គនាយកដ្ឋានពន្ធដារ", "the General Department of Taxation"),
        new("អគ្គនាយកដ្ឋានគយនិងរដ្ឋាករកម្ពុជា", "the General Department of Customs and Excise of Cambodia"),
        new("អគ្គលេខាធិការដ្ឋាន", "the General Secretariat"),
        new("រូបវន្តបុគ្គល ឬនីតិបុគ្គល", "any natural or legal person"),
        new("ពលរដ្ឋខ្មែរ", "Khmer citizens"),
        new("ជនបរទេស", "foreigners"),
        new("និយោជក", "the employer"),
        new("កម្មករនិយោជិត", "workers and employees"),
        new("មន្ត្រីរាជការស៊ីវិល", "civil servants"),
        new("សហគ្រាស", "the enterprise"),
        new("ក្រុមហ៊ុនវិនិយោគ", "the investment company"),
        new("គណបក្សនយោបាយ", "political parties"),
        new("បេក្ខជន", "the candidate"),
        new("ម្ចាស់កម្មសិទ្ធិ", "the owner"),
        new("អ្នកកាន់អាជ្ញាប័ណ្ណ", "the licence holder"),
    ];

    /// <summary>Modal verbs. The Khmer is written straight after the subject, the verb after it.</summary>
    public static readonly Phrase[] Modals =
    [
        new("ត្រូវ", "shall"),
        new("ត្រូវ", "shall"),
        new("អាច", "may"),
        new("មិនត្រូវ", "shall not"),
        new("មានសិទ្ធិ", "has the right to"),
        new("មានកាតព្វកិច្ច", "has the duty to"),
        new("ត្រូវទទួលខុសត្រូវក្នុងការ", "is responsible to"),
    ];

    /// <summary>Verbs (English base form).</summary>
    public static readonly Phrase[] Verbs =
    [
        new("រៀបចំ", "prepare"),
        new("គ្រប់គ្រង", "manage"),
        new("ត្រួតពិនិត្យ", "inspect"),
        new("ចុះបញ្ជី", "register"),
        new("ដាក់ជូន", "submit"),
        new("ពិនិត្យ", "review"),
        new("អនុម័ត", "approve"),
        new("បោះពុម្ពផ្សាយ", "publish"),
        new("ការពារ", "protect"),
        new("ធានា", "guarantee"),
        new("ផ្តល់", "provide"),
        new("ប្រមូល", "collect"),
        new("រក្សាទុក", "keep"),
        new("កំណត់", "determine"),
        new("អនុវត្ត", "implement"),
        new("ផ្សព្វផ្សាយ", "disseminate"),
        new("វាយតម្លៃ", "evaluate"),
        new("ចេញ", "issue"),
        new("ទទួល", "receive"),
        new("បង់", "pay"),
        new("គោរព", "respect"),
        new("លុបចោល", "cancel"),
        new("កែសម្រួល", "adjust"),
        new("ផ្អាក", "suspend"),
        new("ប្រគល់", "hand over"),
        new("ផ្ទេរ", "transfer"),
        new("ប្រើប្រាស់", "use"),
        new("លក់", "sell"),
        new("នាំចូល", "import"),
        new("នាំចេញ", "export"),
        new("សាងសង់", "build"),
        new("ថែរក្សា", "maintain"),
        new("ស៊ើបអង្កេត", "investigate"),
        new("ជូនដំណឹងអំពី", "give notice of"),
        new("រាយការណ៍អំពី", "report on"),
        new("ស្នើសុំ", "apply for"),
        new("បដិសេធ", "refuse"),
        new("បង្ហាញ", "disclose"),
        new("កែលម្អ", "improve"),
        new("លើកកម្ពស់", "promote"),
    ];

    /// <summary>Objects of verbs.</summary>
    public static readonly Phrase[] Objects =
    [
        new("ថវិកាជាតិ", "the national budget"),
        new("បញ្ជីឈ្មោះអ្នកបោះឆ្នោត", "the voter list"),
        new("ទិន្នន័យផ្ទាល់ខ្លួន", "personal data"),
        new("អាជ្ញាប័ណ្ណអាជីវកម្ម", "the business licence"),
        new("ពន្ធលើប្រាក់ចំណូល", "income tax"),
        new("កិច្ចសន្យាការងារ", "the employment contract"),
        new("សិទ្ធិរបស់កុមារ", "the rights of the child"),
        new("ទ្រព្យសម្បត្តិរដ្ឋ", "state property"),
        new("ដីធ្លីសាធារណៈ", "public land"),
        new("ធនធានធម្មជាតិ", "natural resources"),
        new("សំបុត្រកំណើត", "the birth certificate"),
        new("អត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ", "the Khmer nationality identity card"),
        new("របាយការណ៍ប្រចាំឆ្នាំ", "the annual report"),
        new("សេចក្តីព្រាងច្បាប់", "the draft law"),
        new("លិខិតអនុញ្ញាតសាងសង់", "the construction permit"),
        new("ឯកសាររដ្ឋបាល", "administrative documents"),
        new("សេវាសាធារណៈ", "public services"),
        new("ប្រាក់ឈ្នួលអប្បបរមា", "the minimum wage"),
        new("របបសន្តិសុខសង្គម", "the social security scheme"),
        new("សុខភាពសាធារណៈ", "public health"),
        new("គុណភាពទឹក", "water quality"),
        new("ផលិតផលកសិកម្ម", "agricultural products"),
        new("ទំនិញនាំចូល", "imported goods"),
        new("ការវិនិយោគឯកជន", "private investment"),
        new("ពាក្យបណ្តឹងឧទ្ធរណ៍", "the appeal"),
        new("ភស្តុតាង", "the evidence"),
        new("ប្រាក់ពិន័យ", "the fine"),
        new("សន្លឹកឆ្នោត", "the ballots"),
        new("លទ្ធផលនៃការបោះឆ្នោត", "the election results"),
        new("ព័ត៌មានសាធារណៈ", "public information"),
        new("ផែនការអភិវឌ្ឍន៍", "the development plan"),
        new("ហេដ្ឋារចនាសម្ព័ន្ធ", "the infrastructure"),
        new("ផ្លូវជាតិ", "the national roads"),
        new("ប្រព័ន្ធអប់រំ", "the education system"),
        new("មន្ទីរពេទ្យសាធារណៈ", "public hospitals"),
        new("ព្រៃឈើ", "the forests"),
        new("ធនធានជលផល", "fishery resources"),
        new("កម្មសិទ្ធិបញ្ញា", "intellectual property"),
        new("ម៉ាកពាណិជ្ជកម្ម", "trademarks"),
        new("កិច្ចព្រមព្រៀងអន្តរជាតិ", "international agreements"),
        new("សញ្ជាតិខ្មែរ", "Khmer nationality"),
        new("សៀវភៅគ្រួសារ", "the family book"),
        new("សំបុត្រអាពាហ៍ពិពាហ៍", "the marriage certificate"),
        new("បញ្ជីអត្រានុកូលដ្ឋាន", "the civil status register"),
        new("រូបិយប័ណ្ណជាតិ", "the national currency"),
        new("គណនីធនាគារ", "bank accounts"),
        new("ប្រាក់កម្ចី", "loans"),
        new("ថាមពលអគ្គិសនី", "electric power"),
        new("ទឹកស្អាត", "clean water"),
        new("ការដឹកជញ្ជូនសាធារណៈ", "public transport"),
        new("សុវត្ថិភាពចរាចរណ៍", "road safety"),
        new("សណ្តាប់ធ្នាប់សាធារណៈ", "public order"),
        new("សេរីភាពនៃការបញ្ចេញមតិ", "freedom of expression"),
        new("សិទ្ធិបោះឆ្នោត", "the right to vote"),
        new("ប្រាក់សោធននិវត្តន៍", "retirement pensions"),
        new("ថ្នាំពេទ្យ", "medicines"),
        new("សម្ភារៈសិក្សា", "teaching materials"),
        new("បេតិកភណ្ឌវប្បធម៌", "the cultural heritage"),
        new("តំបន់ការពារធម្មជាតិ", "protected natural areas"),
        new("កាកសំណល់", "waste"),
    ];

    /// <summary>Closing qualifiers, written after a space.</summary>
    public static readonly Phrase[] Qualifiers =
    [
        new("ស្របតាមច្បាប់នេះ", "in accordance with this law"),
        new("ស្របតាមបទប្បញ្ញត្តិនៃច្បាប់ជាធរមាន", "in accordance with the laws in force"),
        new("តាមនីតិវិធីដែលកំណត់ដោយអនុក្រឹត្យ", "according to the procedure determined by sub-decree"),
        new("ដោយគោរពសិទ្ធិមនុស្ស", "with respect for human rights"),
        new("នៅទូទាំងព្រះរាជាណាចក្រកម្ពុជា", "throughout the Kingdom of Cambodia"),
        new("ក្រោមការត្រួតពិនិត្យរបស់ក្រសួងពាក់ព័ន្ធ", "under the supervision of the relevant ministry"),
        new("ដោយតម្លាភាពនិងគណនេយ្យភាព", "with transparency and accountability"),
        new("សម្រាប់ផលប្រយោជន៍សាធារណៈ", "for the public interest"),
        new("មុនពេលច្បាប់នេះចូលជាធរមាន", "before this law enters into force"),
        new("លើកលែងតែមានបទប្បញ្ញត្តិផ្សេង", "unless otherwise provided"),
        new("ដោយគ្មានការរើសអើង", "without discrimination"),
        new("ដោយសហការជាមួយស្ថាប័នពាក់ព័ន្ធ", "in cooperation with the relevant institutions"),
        new("នៅរាជធានីភ្នំពេញ", "in Phnom Penh"),
        new("នៅតាមរាជធានី ខេត្ត", "in the capital and the provinces"),
        new("នៅថ្នាក់ឃុំ សង្កាត់", "at the commune and sangkat level"),
        new("ជារៀងរាល់ឆ្នាំ", "every year"),
        new("ជាលាយលក្ខណ៍អក្សរ", "in writing"),
        new("ដោយឥតគិតថ្លៃ", "free of charge"),
        new("ក្នុងករណីចាំបាច់", "where necessary"),
        new("ស្របតាមរដ្ឋធម្មនុញ្ញនៃព្រះរាជាណាចក្រកម្ពុជា", "in accordance with the Constitution of the Kingdom of Cambodia"),
    ];

    /// <summary>Instruments that implement a law.</summary>
    public static readonly Phrase[] Instruments =
    [
        new("អនុក្រឹត្យ", "sub-decree"),
        new("ព្រះរាជក្រឹត្យ", "royal decree"),
        new("ប្រកាសរបស់រដ្ឋមន្ត្រីក្រសួងពាក់ព័ន្ធ", "proclamation of the minister concerned"),
        new("សេចក្តីសម្រេចរបស់នាយករដ្ឋមន្ត្រី", "decision of the Prime Minister"),
        new("ប្រកាសអន្តរក្រសួង", "inter-ministerial proclamation"),
        new("សារាចរណែនាំ", "instructive circular"),
    ];

    /// <summary>What a law is about ("Law on ..."); also the subjects of chapter headings.</summary>
    public static readonly Phrase[] Topics =
    [
        new("ការគ្រប់គ្រងដីធ្លី", "Land Management"),
        new("ការបោះឆ្នោតជ្រើសតាំងតំណាងរាស្ត្រ", "the Election of Members of the National Assembly"),
        new("ការបោះឆ្នោតជ្រើសតាំងសមាជិកព្រឹទ្ធសភា", "the Election of Senators"),
        new("ការងារ", "Labour"),
        new("សារពើពន្ធ", "Taxation"),
        new("ហិរញ្ញវត្ថុសាធារណៈ", "Public Finance"),
        new("ការវិនិយោគ", "Investment"),
        new("ពាណិជ្ជកម្មអេឡិចត្រូនិក", "Electronic Commerce"),
        new("ការការពារអ្នកប្រើប្រាស់", "Consumer Protection"),
        new("ការគ្រប់គ្រងបរិស្ថាននិងធនធានធម្មជាតិ", "Environmental and Natural Resource Management"),
        new("ព្រៃឈើ", "Forestry"),
        new("ជលផល", "Fisheries"),
        new("ការអប់រំ", "Education"),
        new("សុខាភិបាលសាធារណៈ", "Public Health"),
        new("ការគ្រប់គ្រងឱសថ", "Pharmaceutical Management"),
        new("សញ្ជាតិ", "Nationality"),
        new("អត្រានុកូលដ្ឋាន ស្ថិតិអត្រានុកូលដ្ឋាន និងអត្តសញ្ញាណកម្ម", "Civil Registration, Vital Statistics and Identification"),
        new("អាពាហ៍ពិពាហ៍និងគ្រួសារ", "Marriage and Family"),
        new("កិច្ចការពារកុមារ", "Child Protection"),
        new("ការទប់ស្កាត់អំពើហិង្សាក្នុងគ្រួសារ", "the Prevention of Domestic Violence"),
        new("ចរាចរណ៍ផ្លូវគោក", "Road Traffic"),
        new("ការដឹកជញ្ជូនផ្លូវទឹក", "Inland Water Transport"),
        new("អគ្គិសនី", "Electricity"),
        new("ទូរគមនាគមន៍", "Telecommunications"),
        new("ការការពារទិន្នន័យផ្ទាល់ខ្លួន", "Personal Data Protection"),
        new("ប្រឆាំងអំពើពុករលួយ", "Anti-Corruption"),
        new("គយ", "Customs"),
        new("ធនាគារនិងគ្រឹះស្ថានហិរញ្ញវត្ថុ", "Banking and Financial Institutions"),
        new("ការធានារ៉ាប់រង", "Insurance"),
        new("សហគ្រាសពាណិជ្ជកម្ម", "Commercial Enterprises"),
        new("ម៉ាកពាណិជ្ជកម្ម", "Trademarks"),
        new("សិទ្ធិអ្នកនិពន្ធនិងសិទ្ធិប្រហាក់ប្រហែល", "Copyright and Related Rights"),
        new("ការគ្រប់គ្រងរដ្ឋបាលរាជធានី ខេត្ត ក្រុង ស្រុក ខណ្ឌ", "Administrative Management of the Capital, Provinces, Municipalities, Districts and Khans"),
        new("ការគ្រប់គ្រងរដ្ឋបាលឃុំ សង្កាត់", "Administration and Management of Communes and Sangkats"),
        new("សហលក្ខន្តិកៈមន្ត្រីរាជការស៊ីវិល", "the Common Statute of Civil Servants"),
        new("របបសន្តិសុខសង្គម", "the Social Security Schemes"),
        new("ការគ្រប់គ្រងទឹក", "Water Resource Management"),
        new("ទេសចរណ៍", "Tourism"),
        new("សំណង់", "Construction"),
        new("ការរៀបចំដែនដីនិងនគរូបនីយកម្ម", "Land Use Planning and Urbanisation"),
        new("ការគ្រប់គ្រងអាវុធ គ្រឿងផ្ទុះ និងគ្រឿងរំសេវ", "the Management of Weapons, Explosives and Ammunition"),
        new("គណបក្សនយោបាយ", "Political Parties"),
        new("សមាគមនិងអង្គការមិនមែនរដ្ឋាភិបាល", "Associations and Non-Governmental Organisations"),
        new("ការប្រកួតប្រជែង", "Competition"),
        new("ស្ថិតិ", "Statistics"),
        new("បណ្ណសារ", "Archives"),
        new("ការគ្រប់គ្រងគ្រោះមហន្តរាយ", "Disaster Management"),
        new("កសិកម្មតាមកិច្ចសន្យា", "Contract Farming"),
        new("ភូមិបាល", "Land Law"),
        new("ការពិនិត្យសវនកម្មជាតិ", "National Audit"),
    ];

    /// <summary>Chapter headings between the general and the final provisions.</summary>
    public static readonly Phrase[] ChapterHeadings =
    [
        new("ស្ថាប័នមានសមត្ថកិច្ច", "Competent Institutions"),
        new("សិទ្ធិនិងកាតព្វកិច្ច", "Rights and Obligations"),
        new("នីតិវិធី", "Procedure"),
        new("ការចុះបញ្ជី", "Registration"),
        new("ការត្រួតពិនិត្យ", "Inspection"),
        new("ហិរញ្ញប្បទាន", "Financing"),
        new("អាជ្ញាប័ណ្ណ", "Licences"),
        new("វិវាទនិងការដោះស្រាយវិវាទ", "Disputes and their Resolution"),
        new("កិច្ចសហប្រតិបត្តិការ", "Cooperation"),
        new("ការលើកទឹកចិត្ត", "Incentives"),
        new("ទោសប្បញ្ញត្តិ", "Penalties"),
        new("បទប្បញ្ញត្តិអន្តរកាល", "Transitional Provisions"),
    ];

    public static readonly Phrase GeneralProvisions = new("បទប្បញ្ញត្តិទូទៅ", "General Provisions");

    public static readonly Phrase FinalProvisions = new("អវសានប្បញ្ញត្តិ", "Final Provisions");

    /// <summary>The motto opening every law: Nation, Religion, King.</summary>
    public static readonly Phrase[] Preamble =
    [
        new("ព្រះរាជាណាចក្រកម្ពុជា", "Kingdom of Cambodia"),
        new("ជាតិ សាសនា ព្រះមហាក្សត្រ", "Nation Religion King"),
        new("យោងលើរដ្ឋធម្មនុញ្ញនៃព្រះរាជាណាចក្រកម្ពុជា", "Having seen the Constitution of the Kingdom of Cambodia"),
    ];

    /// <summary>Single words found in the generated texts, for queries of one word.</summary>
    public static readonly string[] KhmerWords =
    [
        "ច្បាប់", "មាត្រា", "ជំពូក", "ក្រសួង", "រដ្ឋាភិបាល", "ព្រះរាជាណាចក្រកម្ពុជា", "សិទ្ធិ", "កាតព្វកិច្ច",
        "ពលរដ្ឋ", "ការបោះឆ្នោត", "ព្រឹទ្ធសភា", "រដ្ឋសភា", "រដ្ឋធម្មនុញ្ញ", "តុលាការ", "អយ្យការ", "អនុក្រឹត្យ",
        "ព្រះរាជក្រឹត្យ", "ប្រកាស", "អាជ្ញាធរ", "មន្ត្រី", "សាធារណៈ", "ទ្រព្យសម្បត្តិ", "ដីធ្លី", "ពន្ធ", "ថវិកា",
        "ហិរញ្ញវត្ថុ", "សេដ្ឋកិច្ច", "ការអប់រំ", "សុខាភិបាល", "បរិស្ថាន", "កសិកម្ម", "ពាណិជ្ជកម្ម", "ការងារ",
        "កម្មករ", "និយោជក", "សហគ្រាស", "ក្រុមហ៊ុន", "កិច្ចសន្យា", "ការវិនិយោគ", "ធនាគារ", "គយ", "ខេត្ត",
        "រាជធានី", "ឃុំ", "សង្កាត់", "ក្រុមប្រឹក្សា", "គណៈកម្មាធិការ", "អគ្គលេខាធិការដ្ឋាន", "ជនបរទេស", "សញ្ជាតិ",
        "អត្តសញ្ញាណប័ណ្ណ", "សំបុត្រកំណើត", "អាពាហ៍ពិពាហ៍", "គ្រួសារ", "កុមារ", "ទោស", "ពិន័យ", "ពន្ធនាគារ",
        "បណ្តឹងឧទ្ធរណ៍", "ភស្តុតាង", "អាជ្ញាប័ណ្ណ", "ការចុះបញ្ជី", "ឯកសារ", "របាយការណ៍", "ព័ត៌មាន", "ទិន្នន័យ",
        "សេចក្តីព្រាងច្បាប់", "ការបោះឆ្នោតជ្រើសតាំង", "បេក្ខជន", "គណបក្សនយោបាយ", "សន្លឹកឆ្នោត", "ត្រួតពិនិត្យ",
        "គ្រប់គ្រង", "អនុវត្ត", "ធានា", "ការពារ", "គោរព", "ផ្តល់", "រៀបចំ", "អនុម័ត", "ផ្សព្វផ្សាយ", "ចូលជាធរមាន",
        "នីតិវិធី", "ទោសប្បញ្ញត្តិ", "អវសានប្បញ្ញត្តិ", "រៀល", "ឆ្នាំ", "ថ្ងៃ", "រយៈពេល", "តម្លាភាព", "គណនេយ្យភាព",
        "ព្រៃឈើ", "ជលផល", "ទូរគមនាគមន៍", "អគ្គិសនី", "ទេសចរណ៍", "សំណង់", "បណ្ណសារ", "ស្ថិតិ",
    ];

    /// <summary>Single English words found in the generated texts.</summary>
    public static readonly string[] EnglishWords =
    [
        "law", "article", "chapter", "ministry", "government", "kingdom", "cambodia", "right", "rights", "duty",
        "citizens", "election", "senate", "assembly", "constitution", "court", "prosecutor", "sub-decree",
        "decree", "authority", "public", "property", "land", "tax", "budget", "finance", "economy", "education",
        "health", "environment", "agriculture", "commerce", "labour", "workers", "employer", "enterprise",
        "company", "contract", "investment", "bank", "customs", "provinces", "commune", "council", "committee",
        "foreigners", "nationality", "identity", "birth", "certificate", "marriage", "family", "child",
        "imprisonment", "fine", "riels", "appeal", "evidence", "licence", "permit", "register", "documents",
        "report", "information", "data", "candidate", "parties", "ballots", "inspect", "manage", "implement",
        "guarantee", "protect", "respect", "provide", "prepare", "approve", "publish", "procedure", "penalties",
        "provisions", "transparency", "accountability", "forests", "fisheries", "electricity", "tourism",
    ];
}

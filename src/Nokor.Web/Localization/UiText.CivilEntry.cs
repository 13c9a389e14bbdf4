namespace Nokor.Web.Localization;

public static partial class UiText
{
    // Every key of the entry pages starts with "entry:", so that none collides with another file's
    // and a missing one is easy to spot on a page (UiText shows a missing key as itself).
    private const string Entry = "entry:";
    private const string EntryMessage = "entry:msg:";

    /// <summary>Words of the civil registration entry pages: notifications, birth and death forms, queues.</summary>
    private static Dictionary<string, (string Km, string En)> CivilEntryTexts() => new(StringComparer.Ordinal)
    {
        ["CivilRegistration"] = ("ការចុះបញ្ជីអត្រានុកូលដ្ឋាន", "Civil registration"),

        // Dashboard and queues
        ["entry:DashboardIntro"] = ("ការជូនដំណឹង ពាក្យស្នើសុំចុះបញ្ជីកំណើត និងមរណភាព និងការងារដែលកំពុងរង់ចាំនៅការិយាល័យរបស់អ្នក។", "Notifications, birth and death applications, and the work waiting in your office."),
        ["entry:WorkQueues"] = ("ការងាររង់ចាំ", "Work queues"),
        ["entry:NotifyEvent"] = ("ជូនដំណឹងពីកំណើត ឬមរណភាព", "Notify a birth or death"),
        ["entry:RegisterBirth"] = ("ចុះបញ្ជីកំណើត", "Register a birth"),
        ["entry:RegisterDeath"] = ("ចុះបញ្ជីមរណភាព", "Register a death"),
        ["entry:queue:notifications"] = ("ការជូនដំណឹងកំពុងរង់ចាំ", "Open notifications"),
        ["entry:queue:to-verify"] = ("ត្រូវផ្ទៀងផ្ទាត់", "To verify"),
        ["entry:queue:to-approve"] = ("ត្រូវអនុម័ត", "To approve"),
        ["entry:queue:to-approve-senior"] = ("ចុះបញ្ជីយឺត៖ ត្រូវអនុម័តដោយមន្ត្រីជាន់ខ្ពស់", "Late: senior approval"),
        ["entry:queue:ready-to-print"] = ("រួចរាល់សម្រាប់បោះពុម្ពសំបុត្រ", "Ready to print"),
        ["entry:queue:corrections"] = ("សំណើកែតម្រូវ", "Corrections"),
        ["entry:queue:rejected"] = ("ពាក្យស្នើសុំដែលបានបដិសេធ", "Rejected applications"),
        ["entry:queue:registered"] = ("កំណត់ត្រាដែលបានចុះបញ្ជី", "Registered records"),
        ["entry:queue:information-requests"] = ("សំណើព័ត៌មាន", "Information requests"),
        ["entry:QueueEmpty"] = ("គ្មានអ្វីរង់ចាំក្នុងបញ្ជីនេះទេ។", "Nothing is waiting in this queue."),
        ["entry:ListCut"] = ("បង្ហាញតែផ្នែកដំបូងនៃបញ្ជីវែង។", "Only the first part of a long list is shown."),
        ["entry:Subject"] = ("បុគ្គល", "Person"),
        ["entry:Event"] = ("ព្រឹត្តិការណ៍", "Event"),
        ["entry:EventDate"] = ("កាលបរិច្ឆេទព្រឹត្តិការណ៍", "Date of the event"),
        ["entry:EventTime"] = ("ម៉ោង", "Time"),
        ["entry:EventPlace"] = ("ទីកន្លែងព្រឹត្តិការណ៍", "Place of the event"),
        ["entry:Status"] = ("ស្ថានភាព", "Status"),
        ["entry:EnteredAt"] = ("បញ្ចូលនៅ", "Entered"),
        ["entry:AssignedTo"] = ("អ្នកកំពុងធ្វើ", "Assigned to"),
        ["entry:Late"] = ("យឺត", "Late"),
        ["entry:NeedsSenior"] = ("ត្រូវការមន្ត្រីជាន់ខ្ពស់", "Senior approval"),

        // Notifications
        ["entry:NotificationsIntro"] = ("ការជូនដំណឹងពីមូលដ្ឋានសុខាភិបាល ឆ្មប និងមេភូមិ រង់ចាំគ្រួសារមកចុះបញ្ជី។ ចាស់ជាងគេនៅខាងលើ។", "Notifications from health facilities, midwives and village chiefs wait for the family to come and register. Oldest first."),
        ["entry:NotificationSaved"] = ("បានរក្សាទុកការជូនដំណឹង។", "The notification is saved."),
        ["entry:NoOpenNotifications"] = ("គ្មានការជូនដំណឹងកំពុងរង់ចាំក្នុងតំបន់របស់អ្នកទេ។", "No open notifications in your area."),
        ["entry:Age"] = ("រង់ចាំ", "Age"),
        ["entry:Days"] = ("{0} ថ្ងៃ", "{0} days"),
        ["entry:OneDay"] = ("{0} ថ្ងៃ", "{0} day"),
        ["entry:Register"] = ("ចុះបញ្ជី", "Register"),
        ["entry:NotifyIntro"] = ("សម្រាប់បុគ្គលិកនៃកន្លែងដែលព្រឹត្តិការណ៍បានកើតឡើង។ ការជូនដំណឹងរង់ចាំរហូតដល់គ្រួសារមកចុះបញ្ជី។", "For staff of the place where the event happened. The notification waits until the family comes to register."),
        ["entry:TheEvent"] = ("ព្រឹត្តិការណ៍", "The event"),
        ["entry:WhoNotifies"] = ("អ្នកជូនដំណឹង", "Who notifies"),
        ["entry:ForABirth"] = ("សម្រាប់កំណើត", "For a birth"),
        ["entry:ForADeath"] = ("សម្រាប់មរណភាព", "For a death"),
        ["entry:ChildSex"] = ("ភេទកុមារ", "Child's sex"),
        ["entry:MotherNameKm"] = ("ឈ្មោះម្ដាយ (ខ្មែរ)", "Mother's name (Khmer)"),
        ["entry:MotherNameLatin"] = ("ឈ្មោះម្ដាយ (ឡាតាំង)", "Mother's name (Latin)"),
        ["entry:MotherBirthDate"] = ("ថ្ងៃខែឆ្នាំកំណើតម្ដាយ", "Mother's date of birth"),
        ["entry:DeceasedNameKm"] = ("ឈ្មោះអ្នកទទួលមរណភាព (ខ្មែរ)", "Deceased's name (Khmer)"),
        ["entry:DeceasedNameLatin"] = ("ឈ្មោះអ្នកទទួលមរណភាព (ឡាតាំង)", "Deceased's name (Latin)"),
        ["entry:IfNoKidc"] = ("បើគ្មាន KIDC", "if no KIDC"),
        ["entry:SendNotification"] = ("ផ្ញើការជូនដំណឹង", "Send the notification"),
        ["entry:PrefilledFrom"] = ("បានបំពេញជាមុនពីការជូនដំណឹងរបស់", "Prefilled from the notification by"),
        ["entry:ReceivedAt"] = ("ទទួលនៅ", "received"),
        ["entry:LinkedToNotification"] = ("ពាក្យស្នើសុំនេះភ្ជាប់នឹងការជូនដំណឹងមួយ។", "This application is linked to a notification."),
        ["entry:NotificationAlreadyRegistered"] = ("ការជូនដំណឹងនេះបានភ្ជាប់នឹងការចុះបញ្ជីរួចហើយ។", "This notification is already linked to a registration."),
        ["entry:StartWithoutNotification"] = ("ចាប់ផ្ដើមម្ដងទៀតដោយគ្មានការជូនដំណឹង", "Start again without the notification"),

        // Application forms
        ["entry:Form"] = ("សំណុំបែបបទ", "Form"),
        ["entry:EnterApplication"] = ("បញ្ចូលពាក្យស្នើសុំ", "Enter the application"),
        ["entry:Optional"] = ("មិនបង្ខំ", "optional"),
        ["entry:Yes"] = ("បាទ/ចាស", "Yes"),
        ["entry:No"] = ("ទេ", "No"),
        ["entry:Child"] = ("កុមារ", "Child"),
        ["entry:BirthTime"] = ("ម៉ោងកំណើត", "Time of birth"),
        ["entry:BirthVillage"] = ("ភូមិកំណើត", "Village of birth"),
        ["entry:PlaceKind"] = ("ប្រភេទទីកន្លែង", "Kind of place"),
        ["entry:FacilityName"] = ("ឈ្មោះមូលដ្ឋានសុខាភិបាល", "Health facility"),
        ["entry:FacilityHint"] = ("បើនៅមូលដ្ឋានសុខាភិបាល", "if at a health facility"),
        ["entry:Attendant"] = ("អ្នកជួយសម្រាល", "Birth attendant"),
        ["entry:BirthDetails"] = ("ព័ត៌មានអំពីការសម្រាល", "About the birth"),
        ["entry:BirthType"] = ("ប្រភេទនៃការសម្រាល", "Type of birth"),
        ["entry:BirthOrder"] = ("លំដាប់កូន", "Birth order"),
        ["entry:BirthOrderHint"] = ("១ សម្រាប់កូនទីមួយរបស់ម្ដាយ", "1 for the mother's first live birth"),
        ["entry:BirthWeight"] = ("ទម្ងន់ពេលកើត (ក្រាម)", "Birth weight (grams)"),
        ["entry:ChildResidence"] = ("ទីលំនៅរបស់កុមារ", "Child's residence"),
        ["entry:MotherNote"] = ("សរសេរឈ្មោះ និងថ្ងៃខែឆ្នាំកំណើតរបស់ម្ដាយ ដូចក្នុងអត្តសញ្ញាណប័ណ្ណ និង KIDC បើមាន៖ បញ្ជីប្រជាជនបញ្ជាក់ថាវាត្រូវគ្នា។", "Give the mother's names and date of birth as on her identity document, and her KIDC if she has one: the Population Registry confirms they belong together."),
        ["entry:FatherOptional"] = ("ឪពុក (មិនបង្ខំ)", "Father (optional)"),
        ["entry:FatherNote"] = ("ទុកទទេ បើមិនបានប្រកាសឪពុក។ សរសេរឈ្មោះរបស់គាត់ និង KIDC ជាមួយថ្ងៃខែឆ្នាំកំណើត បើមាន។", "Leave empty when no father is declared. Give his names, and his KIDC with his date of birth if he has one."),
        ["entry:OrWithoutKidc"] = ("ឈ្មោះ និងថ្ងៃខែឆ្នាំកំណើត (ជានិច្ច៖ ជាមួយ KIDC បញ្ជីប្រជាជនបញ្ជាក់វា)៖", "names and date of birth (always: with a KIDC, the registry confirms them):"),
        ["entry:NationalityHint"] = ("កូដប្រទេស ២ អក្សរ ឧ. KH", "two-letter code, e.g. KH"),
        ["entry:Informant"] = ("អ្នកប្រកាស", "Informant"),
        ["entry:InformantKind"] = ("ប្រភេទអ្នកប្រកាស", "Kind of informant"),
        ["entry:InformantName"] = ("ឈ្មោះអ្នកប្រកាស", "Informant's name"),
        ["entry:Relationship"] = ("ត្រូវជា", "Relationship"),
        ["entry:RelationshipBirthHint"] = ("ឧ. ម្ដាយ ឪពុក យាយ", "e.g. mother, father, grandmother"),
        ["entry:RelationshipDeathHint"] = ("ឧ. កូនប្រុស ប្ដី ប្រពន្ធ", "e.g. son, husband, wife"),
        ["entry:Deceased"] = ("អ្នកទទួលមរណភាព", "The deceased"),
        ["entry:DeceasedKidc"] = ("KIDC អ្នកទទួលមរណភាព", "Deceased's KIDC"),
        ["entry:DeceasedKidcHint"] = ("បញ្ជីប្រជាជនបញ្ជាក់វាជាមួយឈ្មោះ ភេទ និងថ្ងៃខែឆ្នាំកំណើតខាងក្រោម", "the Population Registry confirms it with the names, sex and date of birth below"),
        ["entry:DeathTime"] = ("ម៉ោងស្លាប់", "Time of death"),
        ["entry:DeathPlace"] = ("ទីកន្លែងស្លាប់", "Place of death"),
        ["entry:DeathVillage"] = ("ភូមិដែលស្លាប់", "Village of death"),

        // The WHO medical certificate of cause of death
        ["entry:CauseOfDeath"] = ("វិញ្ញាបនបត្រវេជ្ជសាស្ត្របញ្ជាក់មូលហេតុនៃការស្លាប់", "Medical certificate of cause of death"),
        ["entry:CauseIntro"] = ("តាមគំរូអន្តរជាតិរបស់អង្គការសុខភាពពិភពលោក (WHO)។ ចម្លងពីវិញ្ញាបនបត្ររបស់អ្នកបញ្ជាក់។ ទុកទទេ បើគ្មានវិញ្ញាបនបត្រ។", "The international form of the World Health Organization (WHO), copied from the certifier's certificate. Leave empty when there is no certificate."),
        ["entry:Part1"] = ("ផ្នែកទី ១", "Part 1"),
        ["entry:Part1Hint"] = ("ជំងឺ ឬស្ថានភាពដែលនាំឱ្យស្លាប់ដោយផ្ទាល់នៅបន្ទាត់ (ក) បន្ទាប់មកស្ថានភាពដែលបណ្ដាលឱ្យមានវា។ មូលហេតុដើមនៅបន្ទាត់ចុងក្រោយដែលបានបំពេញ។", "The disease or condition directly leading to death on line (a), then the conditions that led to it; the underlying cause on the last line filled."),
        ["entry:Part2"] = ("ផ្នែកទី ២", "Part 2"),
        ["entry:LetterA"] = ("ក", "a"),
        ["entry:LetterB"] = ("ខ", "b"),
        ["entry:LetterC"] = ("គ", "c"),
        ["entry:LetterD"] = ("ឃ", "d"),
        ["entry:LineA"] = ("បន្ទាត់ (ក)", "Line (a)"),
        ["entry:LineB"] = ("បន្ទាត់ (ខ)", "Line (b)"),
        ["entry:LineC"] = ("បន្ទាត់ (គ)", "Line (c)"),
        ["entry:LineD"] = ("បន្ទាត់ (ឃ)", "Line (d)"),
        ["entry:CauseLineA"] = ("ជំងឺ ឬស្ថានភាពដែលនាំឱ្យស្លាប់ដោយផ្ទាល់", "Disease or condition directly leading to death"),
        ["entry:DueTo"] = ("ដោយសារ (ឬជាផលវិបាកនៃ)", "due to (or as a consequence of)"),
        ["entry:Condition"] = ("ជំងឺ ឬស្ថានភាព", "Condition"),
        ["entry:Icd10"] = ("កូដ ICD-10", "ICD-10 code"),
        ["entry:Interval"] = ("រយៈពេលពីចាប់ផ្ដើមដល់ស្លាប់", "Interval from onset to death"),
        ["entry:IntervalExample"] = ("ឧ. ២ ម៉ោង ៣ ថ្ងៃ", "e.g. 2 hours, 3 days"),
        ["entry:Contributing"] = ("ស្ថានភាពសំខាន់ៗផ្សេងទៀតដែលរួមចំណែកដល់ការស្លាប់", "Other significant conditions contributing to death"),
        ["entry:Manner"] = ("របៀបនៃការស្លាប់", "Manner of death"),
        ["entry:PregnancyQuestions"] = ("ការមានផ្ទៃពោះ", "Pregnancy"),
        ["entry:PregnancyHint"] = ("ចម្លើយចាំបាច់សម្រាប់ស្ត្រីអាយុពី ១៥ ដល់ ៤៩ ឆ្នាំ។", "Required for women aged 15 to 49."),
        ["entry:Pregnancy"] = ("តើគាត់មានផ្ទៃពោះនៅពេល ឬមុនពេលស្លាប់ដែរឬទេ?", "Was she pregnant at or shortly before death?"),
        ["entry:PregnancyContributed"] = ("តើការមានផ្ទៃពោះបានរួមចំណែកដល់ការស្លាប់ដែរឬទេ?", "Did the pregnancy contribute to the death?"),
        ["entry:CertifierName"] = ("ឈ្មោះអ្នកបញ្ជាក់", "Certifier's name"),
        ["entry:CertifierRole"] = ("តួនាទីអ្នកបញ្ជាក់", "Certifier's role"),
        ["entry:CertifierRoleHint"] = ("វេជ្ជបណ្ឌិត គិលានុបដ្ឋាក ឆ្មប…", "doctor, nurse, midwife…"),
        ["entry:Notification"] = ("ការជូនដំណឹង", "Notification"),

        // Enum values, as "entry:enum:<type>.<name>"
        ["entry:enum:VitalEvent.Birth"] = ("កំណើត", "Birth"),
        ["entry:enum:VitalEvent.Death"] = ("មរណភាព", "Death"),
        ["entry:enum:InformantKind.HealthFacility"] = ("មូលដ្ឋានសុខាភិបាល", "Health facility"),
        ["entry:enum:InformantKind.Midwife"] = ("ឆ្មប", "Midwife"),
        ["entry:enum:InformantKind.VillageChief"] = ("មេភូមិ", "Village chief"),
        ["entry:enum:InformantKind.Relative"] = ("សាច់ញាតិ", "Relative"),
        ["entry:enum:InformantKind.Other"] = ("ផ្សេងៗ", "Other"),
        ["entry:enum:RegistrationStatus.Entered"] = ("បានបញ្ចូល", "Entered"),
        ["entry:enum:RegistrationStatus.Verified"] = ("បានផ្ទៀងផ្ទាត់", "Verified"),
        ["entry:enum:RegistrationStatus.Approved"] = ("បានចុះបញ្ជី", "Registered"),
        ["entry:enum:RegistrationStatus.Rejected"] = ("បានបដិសេធ", "Rejected"),
        ["entry:enum:BirthType.Single"] = ("កូនមួយ", "Single"),
        ["entry:enum:BirthType.Twin"] = ("កូនភ្លោះពីរ", "Twins"),
        ["entry:enum:BirthType.Triplet"] = ("កូនភ្លោះបី", "Triplets"),
        ["entry:enum:BirthType.Higher"] = ("កូនភ្លោះបួន ឬច្រើនជាងនេះ", "Four or more"),
        ["entry:enum:BirthAttendant.Doctor"] = ("វេជ្ជបណ្ឌិត", "Doctor"),
        ["entry:enum:BirthAttendant.Midwife"] = ("ឆ្មប", "Midwife"),
        ["entry:enum:BirthAttendant.Nurse"] = ("គិលានុបដ្ឋាក", "Nurse"),
        ["entry:enum:BirthAttendant.TraditionalBirthAttendant"] = ("ឆ្មបបុរាណ", "Traditional birth attendant"),
        ["entry:enum:BirthAttendant.Relative"] = ("សាច់ញាតិ", "Relative"),
        ["entry:enum:BirthAttendant.None"] = ("គ្មាននរណាជួយ", "No one"),
        ["entry:enum:BirthAttendant.Other"] = ("ផ្សេងៗ", "Other"),
        ["entry:enum:EventPlaceKind.HealthFacility"] = ("មូលដ្ឋានសុខាភិបាល", "Health facility"),
        ["entry:enum:EventPlaceKind.Home"] = ("ផ្ទះ", "Home"),
        ["entry:enum:EventPlaceKind.Other"] = ("កន្លែងផ្សេងទៀត", "Other place"),
        ["entry:enum:MannerOfDeath.Disease"] = ("ជំងឺ", "Disease"),
        ["entry:enum:MannerOfDeath.Accident"] = ("គ្រោះថ្នាក់", "Accident"),
        ["entry:enum:MannerOfDeath.IntentionalSelfHarm"] = ("ធ្វើបាបខ្លួនឯងដោយចេតនា", "Intentional self-harm"),
        ["entry:enum:MannerOfDeath.Assault"] = ("ការវាយប្រហារ", "Assault"),
        ["entry:enum:MannerOfDeath.LegalIntervention"] = ("អន្តរាគមន៍ស្របច្បាប់", "Legal intervention"),
        ["entry:enum:MannerOfDeath.War"] = ("សង្គ្រាម", "War"),
        ["entry:enum:MannerOfDeath.PendingInvestigation"] = ("កំពុងស៊ើបអង្កេត", "Pending investigation"),
        ["entry:enum:MannerOfDeath.CouldNotBeDetermined"] = ("មិនអាចកំណត់បាន", "Could not be determined"),
        ["entry:enum:PregnancyStatus.NotPregnant"] = ("មិនមានផ្ទៃពោះ", "Not pregnant"),
        ["entry:enum:PregnancyStatus.AtTimeOfDeath"] = ("មានផ្ទៃពោះនៅពេលស្លាប់", "Pregnant at the time of death"),
        ["entry:enum:PregnancyStatus.Within42DaysBefore"] = ("មានផ្ទៃពោះក្នុងរយៈពេល ៤២ ថ្ងៃមុនស្លាប់", "Pregnant within 42 days before death"),
        ["entry:enum:PregnancyStatus.From43DaysToOneYearBefore"] = ("មានផ្ទៃពោះពី ៤៣ ថ្ងៃ ដល់ ១ ឆ្នាំមុនស្លាប់", "Pregnant 43 days to 1 year before death"),
        ["entry:enum:PregnancyStatus.Unknown"] = ("មិនដឹង", "Unknown"),

        // The service's field errors, in Khmer (English is the service's own text)
        ["entry:msg:This name is required."] = ("ត្រូវការឈ្មោះនេះ។", "This name is required."),
        ["entry:msg:Write this name in Khmer script."] = ("សូមសរសេរឈ្មោះនេះជាអក្សរខ្មែរ។", "Write this name in Khmer script."),
        ["entry:msg:Write this name in Latin letters (spaces, hyphens and apostrophes allowed)."] = ("សូមសរសេរឈ្មោះនេះជាអក្សរឡាតាំង (អាចមានដកឃ្លា សញ្ញាដាច់ និងសញ្ញាអាប៉ូស្ត្រូហ្វ)។", "Write this name in Latin letters (spaces, hyphens and apostrophes allowed)."),
        ["entry:msg:This field is required."] = ("ត្រូវការព័ត៌មាននេះ។", "This field is required."),
        ["entry:msg:The date is required (yyyy-MM-dd)."] = ("ត្រូវការកាលបរិច្ឆេទ។", "The date is required (yyyy-MM-dd)."),
        ["entry:msg:Give the date as yyyy-MM-dd."] = ("សូមផ្ដល់កាលបរិច្ឆេទជា ឆ្នាំ-ខែ-ថ្ងៃ។", "Give the date as yyyy-MM-dd."),
        ["entry:msg:The date is before 1850."] = ("កាលបរិច្ឆេទនេះមុនឆ្នាំ ១៨៥០។", "The date is before 1850."),
        ["entry:msg:Give the time as HH:mm (24-hour clock)."] = ("សូមផ្ដល់ម៉ោងជា ម៉ោង:នាទី (២៤ ម៉ោង)។", "Give the time as HH:mm (24-hour clock)."),
        ["entry:msg:The village is required (gazetteer code)."] = ("សូមជ្រើសរើសភូមិ។", "The village is required (gazetteer code)."),
        ["entry:msg:No village has this code in the gazetteer."] = ("គ្មានភូមិណាមានកូដនេះក្នុងបញ្ជីឈ្មោះភូមិសាស្ត្រទេ។", "No village has this code in the gazetteer."),
        ["entry:msg:Give the country as an ISO 3166-1 alpha-2 code such as KH."] = ("សូមផ្ដល់ប្រទេសជាកូដ ២ អក្សរ ដូចជា KH។", "Give the country as an ISO 3166-1 alpha-2 code such as KH."),
        ["entry:msg:This is not a valid KIDC: 10 digits whose Modulus 11 check digit matches."] = ("នេះមិនមែនជា KIDC ត្រឹមត្រូវទេ៖ ត្រូវមាន ១០ ខ្ទង់ ហើយខ្ទង់ត្រួតពិនិត្យត្រូវគ្នា។", "This is not a valid KIDC: 10 digits whose Modulus 11 check digit matches."),
        ["entry:msg:Give an ICD-10 code such as A09, I21.9 or P07.3."] = ("សូមផ្ដល់កូដ ICD-10 ដូចជា A09, I21.9 ឬ P07.3។", "Give an ICD-10 code such as A09, I21.9 or P07.3."),
        ["entry:msg:The birth weight in grams must be between 300 and 7000."] = ("ទម្ងន់ពេលកើតត្រូវនៅចន្លោះ ៣០០ និង ៧០០០ ក្រាម។", "The birth weight in grams must be between 300 and 7000."),
        ["entry:msg:The birth order must be between 1 and 30."] = ("លំដាប់កូនត្រូវនៅចន្លោះ ១ និង ៣០។", "The birth order must be between 1 and 30."),
        ["entry:msg:The child's details are required."] = ("ត្រូវការព័ត៌មានរបស់កុមារ។", "The child's details are required."),
        ["entry:msg:The mother's details are required."] = ("ត្រូវការព័ត៌មានរបស់ម្ដាយ។", "The mother's details are required."),
        ["entry:msg:The informant is required."] = ("ត្រូវការអ្នកប្រកាស។", "The informant is required."),
        ["entry:msg:The child's date of birth is after today, the date of registration."] = ("ថ្ងៃកំណើតរបស់កុមារនៅក្រោយថ្ងៃនេះ ដែលជាថ្ងៃចុះបញ្ជី។", "The child's date of birth is after today, the date of registration."),
        ["entry:msg:Name the health facility where the child was born."] = ("សូមសរសេរឈ្មោះមូលដ្ឋានសុខាភិបាលដែលកុមារកើត។", "Name the health facility where the child was born."),
        ["entry:msg:The mother and the father cannot be the same person."] = ("ម្ដាយ និងឪពុកមិនអាចជាមនុស្សតែម្នាក់ទេ។", "The mother and the father cannot be the same person."),
        ["entry:msg:Neither the place of birth nor the child's residence is in your office's area."] = ("ទាំងទីកន្លែងកំណើត ទាំងទីលំនៅរបស់កុមារ មិននៅក្នុងតំបន់ការិយាល័យរបស់អ្នកទេ។", "Neither the place of birth nor the child's residence is in your office's area."),
        ["entry:msg:The Population Registry does not confirm this KIDC with these names and date of birth for this role: check them against the identity document."] =
            ("បញ្ជីប្រជាជនមិនបញ្ជាក់ KIDC នេះ ជាមួយឈ្មោះ និងថ្ងៃខែឆ្នាំកំណើតទាំងនេះ សម្រាប់តួនាទីនេះទេ៖ សូមផ្ទៀងផ្ទាត់ជាមួយអត្តសញ្ញាណប័ណ្ណ។",
             "The Population Registry does not confirm this KIDC with these names and date of birth for this role: check them against the identity document."),
        ["entry:msg:The date of birth is required (yyyy-MM-dd, or yyyy-MM or yyyy when only those are known)."] =
            ("ត្រូវការថ្ងៃខែឆ្នាំកំណើត (ឆ្នាំ-ខែ-ថ្ងៃ ឬ ឆ្នាំ-ខែ ឬ ឆ្នាំ បើដឹងតែប៉ុណ្ណឹង)។", "The date of birth is required (yyyy-MM-dd, or yyyy-MM or yyyy when only those are known)."),
        ["entry:msg:Give the date of birth as yyyy-MM-dd (or yyyy-MM, or yyyy)."] = ("សូមសរសេរថ្ងៃខែឆ្នាំកំណើតជា ឆ្នាំ-ខែ-ថ្ងៃ (ឬ ឆ្នាំ-ខែ ឬ ឆ្នាំ)។", "Give the date of birth as yyyy-MM-dd (or yyyy-MM, or yyyy)."),
        ["entry:msg:The date of birth must be between 1850 and today."] = ("ថ្ងៃខែឆ្នាំកំណើតត្រូវនៅចន្លោះឆ្នាំ ១៨៥០ និងថ្ងៃនេះ។", "The date of birth must be between 1850 and today."),
        ["entry:msg:This parent was born after the child."] = ("ឪពុកម្ដាយនេះកើតក្រោយកុមារ។", "This parent was born after the child."),
        ["entry:msg:The mother would be younger than 10 at the child's birth: check the dates and the KIDC."] = ("ម្ដាយនឹងមានអាយុតិចជាង ១០ ឆ្នាំនៅពេលកុមារកើត៖ សូមពិនិត្យកាលបរិច្ឆេទ និង KIDC។", "The mother would be younger than 10 at the child's birth: check the dates and the KIDC."),
        ["entry:msg:The mother would be younger than 10 at the birth."] = ("ម្ដាយនឹងមានអាយុតិចជាង ១០ ឆ្នាំនៅពេលសម្រាល។", "The mother would be younger than 10 at the birth."),
        ["entry:msg:The deceased's KIDC is required."] = ("ត្រូវការ KIDC របស់អ្នកទទួលមរណភាព។", "The deceased's KIDC is required."),
        ["entry:msg:The date of death is after today, the date of registration."] = ("ថ្ងៃស្លាប់នៅក្រោយថ្ងៃនេះ ដែលជាថ្ងៃចុះបញ្ជី។", "The date of death is after today, the date of registration."),
        ["entry:msg:The date of death is before the deceased's date of birth."] = ("ថ្ងៃស្លាប់នៅមុនថ្ងៃកំណើតរបស់អ្នកទទួលមរណភាព។", "The date of death is before the deceased's date of birth."),
        ["entry:msg:The date of death is before the date of birth."] = ("ថ្ងៃស្លាប់នៅមុនថ្ងៃកំណើត។", "The date of death is before the date of birth."),
        ["entry:msg:Neither the place of death nor the deceased's residence is in your office's area."] = ("ទាំងទីកន្លែងស្លាប់ ទាំងទីលំនៅរបស់អ្នកទទួលមរណភាព មិននៅក្នុងតំបន់ការិយាល័យរបស់អ្នកទេ។", "Neither the place of death nor the deceased's residence is in your office's area."),
        ["entry:msg:Part 1 line (a), the immediate cause of death, is required."] = ("ត្រូវការផ្នែកទី ១ បន្ទាត់ (ក) ដែលជាមូលហេតុផ្ទាល់នៃការស្លាប់។", "Part 1 line (a), the immediate cause of death, is required."),
        ["entry:msg:Fill part 1 from line (a) down without leaving a line empty."] = ("សូមបំពេញផ្នែកទី ១ ពីបន្ទាត់ (ក) ចុះក្រោម ដោយមិនទុកបន្ទាត់ទទេនៅចន្លោះ។", "Fill part 1 from line (a) down without leaving a line empty."),
        ["entry:msg:For a woman aged 15 to 49, answer whether she was pregnant at or shortly before death."] = ("សម្រាប់ស្ត្រីអាយុពី ១៥ ដល់ ៤៩ ឆ្នាំ សូមឆ្លើយថាតើគាត់មានផ្ទៃពោះនៅពេល ឬមុនពេលស្លាប់បន្តិច។", "For a woman aged 15 to 49, answer whether she was pregnant at or shortly before death."),
        ["entry:msg:The pregnancy questions apply only to women aged 15 to 49."] = ("សំណួរអំពីការមានផ្ទៃពោះសម្រាប់តែស្ត្រីអាយុពី ១៥ ដល់ ៤៩ ឆ្នាំប៉ុណ្ណោះ។", "The pregnancy questions apply only to women aged 15 to 49."),
        ["entry:msg:Say whether the pregnancy contributed only when she was pregnant or recently pregnant."] = ("សូមឆ្លើយថាការមានផ្ទៃពោះបានរួមចំណែកឬទេ តែពេលគាត់មានផ្ទៃពោះ ឬទើបមានផ្ទៃពោះប៉ុណ្ណោះ។", "Say whether the pregnancy contributed only when she was pregnant or recently pregnant."),
        ["entry:msg:A death application for this person is already open or registered."] = ("មានពាក្យស្នើសុំចុះបញ្ជីមរណភាពរបស់បុគ្គលនេះរួចហើយ។", "A death application for this person is already open or registered."),
        ["entry:msg:No notification with this id in your area."] = ("គ្មានការជូនដំណឹងនេះក្នុងតំបន់របស់អ្នកទេ។", "No notification with this id in your area."),
        ["entry:msg:This notification is already linked to a registration."] = ("ការជូនដំណឹងនេះបានភ្ជាប់នឹងការចុះបញ្ជីរួចហើយ។", "This notification is already linked to a registration."),
        ["entry:msg:The date of the event is in the future."] = ("កាលបរិច្ឆេទព្រឹត្តិការណ៍នៅថ្ងៃអនាគត។", "The date of the event is in the future."),
        ["entry:msg:This village is outside your office's area."] = ("ភូមិនេះនៅក្រៅតំបន់ការិយាល័យរបស់អ្នក។", "This village is outside your office's area."),
        ["entry:msg:Another application already uses this id: generate a new one."] = ("ពាក្យស្នើសុំផ្សេងទៀតប្រើលេខសម្គាល់នេះរួចហើយ៖ សូមផ្ញើម្ដងទៀត។", "Another application already uses this id: send the form again."),
        ["entry:msg:Another notification already uses this id: generate a new one."] = ("ការជូនដំណឹងផ្សេងទៀតប្រើលេខសម្គាល់នេះរួចហើយ៖ សូមផ្ញើម្ដងទៀត។", "Another notification already uses this id: send the form again."),
        ["entry:msg:The notification was linked to another application meanwhile."] = ("ការជូនដំណឹងនេះទើបតែត្រូវបានភ្ជាប់នឹងពាក្យស្នើសុំផ្សេងទៀត។", "The notification was linked to another application meanwhile."),
        ["entry:msg:The notification collided with another one: send it again."] = ("ការជូនដំណឹងនេះជាន់នឹងការជូនដំណឹងផ្សេងទៀត៖ សូមផ្ញើម្ដងទៀត។", "The notification collided with another one: send it again."),
        ["entry:msg:choose"] = ("សូមជ្រើសរើសមួយពីបញ្ជី។", "Choose one from the list."),
    };

    /// <summary>The word of an enum value on the entry pages ("BirthType", "Twin").</summary>
    public static string CivilEnum(string type, string name) =>
        Texts.TryGetValue($"{Entry}enum:{type}.{name}", out var t) ? (IsKhmer ? t.Km : t.En) : name;

    /// <summary>
    /// A message of the civil registration services in the UI language. The services answer in
    /// English; known messages have a Khmer text here, an unknown one shows as it is.
    /// </summary>
    public static string CivilMessage(string message)
    {
        if (Texts.TryGetValue(EntryMessage + message, out var t))
        {
            return IsKhmer ? t.Km : t.En;
        }

        if (FamilyPatternMessage(message) is { } family)
        {
            return family;
        }

        // "Required: one of A, B." and "Use one of A, B." name the enum values; the form's select offers them.
        return message.StartsWith("Required: one of ", StringComparison.Ordinal) || message.StartsWith("Use one of ", StringComparison.Ordinal)
            ? T(EntryMessage + "choose")
            : message;
    }

    /// <summary>Field errors with their messages in the UI language.</summary>
    public static IDictionary<string, string[]> CivilErrors(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(CivilMessage).ToArray(), StringComparer.Ordinal);

    private static readonly Dictionary<string, string> FieldSegments = new(StringComparer.Ordinal)
    {
        ["child"] = "entry:Child", ["mother"] = "Mother", ["father"] = "Father", ["informant"] = "entry:Informant",
        ["cause"] = "entry:CauseOfDeath", ["lineA"] = "entry:LineA", ["lineB"] = "entry:LineB", ["lineC"] = "entry:LineC", ["lineD"] = "entry:LineD",
        ["surnameKm"] = "SurnameKm", ["givenNameKm"] = "GivenNameKm", ["surnameLatin"] = "SurnameLatin", ["givenNameLatin"] = "GivenNameLatin",
        ["sex"] = "Sex", ["birthDate"] = "BirthDate", ["birthTime"] = "entry:BirthTime", ["birthPlaceCode"] = "BirthPlace",
        ["placeKind"] = "entry:PlaceKind", ["facilityName"] = "entry:FacilityName", ["attendant"] = "entry:Attendant",
        ["birthType"] = "entry:BirthType", ["birthOrder"] = "entry:BirthOrder", ["birthWeightGrams"] = "entry:BirthWeight",
        ["residenceVillageCode"] = "Residence", ["residenceAddress"] = "Address", ["kidc"] = "Kidc", ["nationality"] = "Nationality",
        ["kind"] = "entry:InformantKind", ["name"] = "entry:InformantName", ["relationship"] = "entry:Relationship",
        ["deceasedKidc"] = "entry:DeceasedKidc", ["deathDate"] = "DeathDate", ["deathTime"] = "entry:DeathTime", ["deathPlaceCode"] = "entry:DeathPlace",
        ["condition"] = "entry:Condition", ["icd10"] = "entry:Icd10", ["interval"] = "entry:Interval",
        ["contributing"] = "entry:Contributing", ["contributingIcd10"] = "entry:Icd10", ["manner"] = "entry:Manner",
        ["pregnancy"] = "entry:PregnancyQuestions", ["pregnancyContributed"] = "entry:PregnancyContributed",
        ["certifierName"] = "entry:CertifierName", ["certifierRole"] = "entry:CertifierRole", ["notificationId"] = "entry:Notification",
        ["event"] = "entry:Event", ["eventDate"] = "entry:EventDate", ["eventTime"] = "entry:EventTime", ["eventPlaceCode"] = "entry:EventPlace",
        ["informantKind"] = "entry:InformantKind", ["informantName"] = "entry:InformantName", ["childSex"] = "entry:ChildSex",
        ["motherKidc"] = "MotherKidc", ["motherNameKm"] = "entry:MotherNameKm", ["motherNameLatin"] = "entry:MotherNameLatin",
        ["motherBirthDate"] = "entry:MotherBirthDate", ["deceasedNameKm"] = "entry:DeceasedNameKm", ["deceasedNameLatin"] = "entry:DeceasedNameLatin",
        ["deceasedSex"] = "Sex", ["deceasedBirthDate"] = "BirthDate",
        ["deceasedSurnameKm"] = "SurnameKm", ["deceasedGivenNameKm"] = "GivenNameKm", ["deceasedSurnameLatin"] = "SurnameLatin", ["deceasedGivenNameLatin"] = "GivenNameLatin",
    };

    /// <summary>"birth.mother.birthDate" → "Mother · Date of birth", for the error summary.</summary>
    public static string CivilFieldLabel(string path) =>
        string.Join(" · ", path.Split('.').Select(SegmentLabel).Where(s => s.Length > 0));

    /// <summary>One segment of an error key; a list's item ("witnesses[1]") is named with its number from 1.</summary>
    private static string SegmentLabel(string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? segment : segment[..bracket];
        var key = FieldSegments.TryGetValue(name, out var k) ? k : FamilyFieldSegments.TryGetValue(name, out var f) ? f : null;
        if (key is null)
        {
            return "";
        }

        if (bracket >= 0 && int.TryParse(segment[(bracket + 1)..].TrimEnd(']'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return $"{T(key)} {Digits((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}";
        }

        return T(key);
    }
}

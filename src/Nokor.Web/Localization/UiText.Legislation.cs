using System.Globalization;
using Nokor.Legislation.Contracts;

namespace Nokor.Web.Localization;

public static partial class UiText
{
    // Every key of the E-Senate pages starts with "leg.", so that none collides with another file's.
    private const string Leg = "leg.";
    private const string LegMsg = "leg.msg.";

    private static readonly string[] LegMonthsKm = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"];

    /// <summary>Words of the E-Senate pages: bills, stages, comments, the legal database and its search.</summary>
    private static Dictionary<string, (string Km, string En)> LegislationTexts() => new(StringComparer.Ordinal)
    {
        ["leg.Nav"] = ("ព្រឹទ្ធសភា", "Senate"),
        ["leg.NavBills"] = ("សេចក្ដីព្រាងច្បាប់", "Bills"),
        ["leg.NavLaws"] = ("ច្បាប់", "Laws"),
        ["leg.Dashboard"] = ("ការតាមដានសេចក្ដីព្រាងច្បាប់", "Bill tracking"),
        ["leg.DashboardIntro"] = ("ច្បាប់ដែលរដ្ឋសភាបានអនុម័ត ហើយកំពុងស្ថិតក្រោមការពិនិត្យរបស់ព្រឹទ្ធសភា (មាត្រា ១១៣ នៃរដ្ឋធម្មនុញ្ញ)៖ រយៈពេលពិនិត្យ ថ្ងៃនៅសល់ និងដំណាក់កាលនីមួយៗ។",
            "Laws adopted by the National Assembly under the Senate's review (Constitution, Article 113): the review period, the days left and every stage."),
        ["leg.RegisterBill"] = ("ចុះបញ្ជីសេចក្ដីព្រាងច្បាប់", "Register a bill"),
        ["leg.UnderReview"] = ("កំពុងពិនិត្យ", "Under review"),
        ["leg.NoBillsUnderReview"] = ("គ្មានច្បាប់កំពុងពិនិត្យទេ។", "No law is under review."),
        ["leg.PerStage"] = ("ចំនួនតាមដំណាក់កាល", "Bills per stage"),
        ["leg.AllBills"] = ("សេចក្ដីព្រាងច្បាប់ទាំងអស់", "All bills"),
        ["leg.BillsAtStage"] = ("សេចក្ដីព្រាងច្បាប់នៅដំណាក់កាល", "Bills at stage"),
        ["leg.ShowAll"] = ("បង្ហាញទាំងអស់", "Show all"),
        ["leg.NoBills"] = ("គ្មានសេចក្ដីព្រាងច្បាប់ទេ។", "No bill."),
        ["leg.Number"] = ("លេខ", "Number"),
        ["leg.Title"] = ("ចំណងជើង", "Title"),
        ["leg.TitleKm"] = ("ចំណងជើងជាភាសាខ្មែរ", "Title in Khmer"),
        ["leg.TitleKmHint"] = ("ទទេ៖ យកបន្ទាត់ទីមួយនៃអត្ថបទ", "empty: the first line of the text"),
        ["leg.TitleEn"] = ("ចំណងជើងជាភាសាអង់គ្លេស", "Title in English"),
        ["leg.Procedure"] = ("នីតិវិធី", "Procedure"),
        ["leg.AssemblyAdoptedOn"] = ("ថ្ងៃរដ្ឋសភាអនុម័ត", "Adopted by the National Assembly on"),
        ["leg.ReceivedOn"] = ("ថ្ងៃព្រឹទ្ធសភាទទួល", "Received by the Senate on"),
        ["leg.ReceivedOnHint"] = ("រយៈពេលពិនិត្យចាប់ផ្ដើមពីថ្ងៃនេះ", "the review period runs from this day"),
        ["leg.Urgent"] = ("បន្ទាន់", "Urgent"),
        ["leg.UrgentHint"] = ("រដ្ឋសភាបានប្រកាសថាបន្ទាន់៖ រយៈពេលពិនិត្យខ្លីជាង", "declared urgent by the National Assembly: a shorter review period"),
        ["leg.Budget"] = ("ច្បាប់ថវិកា", "Budget law"),
        ["leg.BudgetHint"] = ("ច្បាប់ស្ដីពីហិរញ្ញវត្ថុសម្រាប់ការគ្រប់គ្រងប្រចាំឆ្នាំ", "the law on financial management for the year"),
        ["leg.Text"] = ("អត្ថបទច្បាប់", "The text"),
        ["leg.TextEn"] = ("អត្ថបទជាភាសាអង់គ្លេស (បើមាន)", "English text (if any)"),
        ["leg.TextHelp"] = ("អត្ថបទមានរចនាសម្ព័ន្ធ៖ បន្ទាត់ទីមួយជាចំណងជើង បន្ទាប់មកជំពូក មាត្រា និងកថាខណ្ឌមានលេខ ម្នាក់ៗលើបន្ទាត់ផ្ទាល់ខ្លួន (លេខខ្មែរ ឬលេខអារ៉ាប់)។ ឧទាហរណ៍៖",
            "Structured plain text: the first line is the title, then chapters, articles and numbered paragraphs, each heading on its own line (Khmer or Arabic numerals). For example:"),
        ["leg.TextEnHelp"] = ("ដូចគ្នា ជាភាសាអង់គ្លេស៖ Chapter 1, Article 1, 1. …", "The same shape in English: Chapter 1, Article 1, 1. …"),
        ["leg.Register"] = ("ចុះបញ្ជី", "Register"),
        ["leg.ErrorsFound"] = ("សូមកែកំហុសខាងក្រោម។ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។", "Please correct the errors below. Nothing was saved."),
        ["leg.Bill"] = ("សេចក្ដីព្រាងច្បាប់", "Bill"),
        ["leg.Round"] = ("ជុំ", "Round"),
        ["leg.Stage"] = ("ដំណាក់កាល", "Stage"),
        ["leg.Status"] = ("ស្ថានភាព", "Status"),
        ["leg.Decision"] = ("សេចក្ដីសម្រេច", "Decision"),
        ["leg.DecidedOn"] = ("ថ្ងៃសម្រេច", "Decided on"),
        ["leg.Deadline"] = ("ថ្ងៃផុតកំណត់ពិនិត្យ", "Review deadline"),
        ["leg.DaysLeft"] = ("ថ្ងៃនៅសល់", "Days left"),
        ["leg.Commission"] = ("គណៈកម្មការ", "Commission"),
        ["leg.Timeline"] = ("ដំណាក់កាល", "Stages"),
        ["leg.Date"] = ("កាលបរិច្ឆេទ", "Date"),
        ["leg.Body"] = ("ស្ថាប័ន", "Body"),
        ["leg.Actor"] = ("កត់ត្រាដោយ", "Recorded by"),
        ["leg.Note"] = ("កំណត់សម្គាល់", "Note"),
        ["leg.Votes"] = ("សំឡេងឆ្នោត", "Votes"),
        ["leg.VotesFor"] = ("គាំទ្រ", "For"),
        ["leg.VotesAgainst"] = ("ប្រឆាំង", "Against"),
        ["leg.VotesAbstaining"] = ("អនុប្បវាទ", "Abstaining"),
        ["leg.Documents"] = ("ឯកសារ", "Documents"),
        ["leg.NewVersion"] = ("កំណែថ្មីនៃអត្ថបទ", "New version of the text"),
        ["leg.NewVersionEn"] = ("បកប្រែជាភាសាអង់គ្លេសនៃកំណែថ្មី", "English translation of the new version"),
        ["leg.ForTextEn"] = ("ស្រេចចិត្ត៖ តែជាមួយកំណែថ្មីជាភាសាខ្មែរប៉ុណ្ណោះ", "optional: only with the new Khmer version"),
        ["leg.Versions"] = ("កំណែនៃអត្ថបទ", "Versions of the text"),
        ["leg.Language"] = ("ភាសា", "Language"),
        ["leg.Articles"] = ("មាត្រា", "Articles"),
        ["leg.CompareWithPrevious"] = ("ប្រៀបធៀបជាមួយកំណែមុន", "Compare with the previous version"),
        ["leg.Read"] = ("អាន", "Read"),
        ["leg.PublicPage"] = ("ទំព័រសាធារណៈ", "Public page"),
        ["leg.TheLaw"] = ("ច្បាប់ក្នុងមូលដ្ឋានទិន្នន័យច្បាប់", "The law in the legal database"),
        ["leg.Secretariat"] = ("អគ្គលេខាធិការដ្ឋានព្រឹទ្ធសភា", "Secretariat General of the Senate"),

        ["leg.RecordStage"] = ("កត់ត្រាដំណាក់កាលបន្ទាប់", "Record the next stage"),
        ["leg.RecordStageIntro"] = ("មានតែដំណាក់កាលដែលអនុញ្ញាតបន្ទាប់ប៉ុណ្ណោះ។ វាលខាងក្រោមខ្លះសម្រាប់តែដំណាក់កាលមួយចំនួន។",
            "Only the stages allowed next are offered. Some fields below are for certain stages only."),
        ["leg.ProcedureComplete"] = ("នីតិវិធីបានបញ្ចប់៖ គ្មានដំណាក់កាលបន្ទាប់ទេ។", "The procedure is complete: there is no next stage."),
        ["leg.OccurredOn"] = ("ថ្ងៃប្រព្រឹត្តទៅ", "Date"),
        ["leg.ForReferral"] = ("សម្រាប់ការបញ្ជូនទៅគណៈកម្មការ", "for a referral to a commission"),
        ["leg.ForDecision"] = ("សម្រាប់សេចក្ដីសម្រេច", "for the decision"),
        ["leg.ForVote"] = ("សម្រាប់ការបោះឆ្នោត", "for the plenary vote"),
        ["leg.ForText"] = ("របាយការណ៍គណៈកម្មការ សេចក្ដីសម្រេច ការពិនិត្យលើកទីពីរ ឬជុំថ្មី៖ អត្ថបទដែលមានវិសោធនកម្ម", "commission report, decision, second reading or a new round: the amended text"),
        ["leg.ForNewRound"] = ("សម្រាប់ជុំថ្មី (រដ្ឋសភាបញ្ជូនមកវិញ)", "for a new round (sent back by the National Assembly)"),
        ["leg.LawNumber"] = ("លេខព្រះរាជក្រម", "Royal kram number"),
        ["leg.LawNumberHint"] = ("ឧ. NS/RKM/0524/012", "e.g. NS/RKM/0524/012"),
        ["leg.GazetteReference"] = ("លេខរាជកិច្ច", "Official Gazette number"),
        ["leg.Record"] = ("កត់ត្រា", "Record"),
        ["leg.Reload"] = ("បើកទំព័រម្ដងទៀត", "Reload the page"),
        ["leg.Conflict"] = ("មានអ្នកផ្សេងបានកត់ត្រាដំណាក់កាលនៃច្បាប់នេះ ចាប់តាំងពីអ្នកបើកទំព័រ។ សូមបើកទំព័រម្ដងទៀត ហើយព្យាយាមម្ដងទៀត។",
            "Someone recorded a stage of this bill since you opened the page. Reload the page and try again."),

        ["leg.AddDocument"] = ("ភ្ជាប់ឯកសារ", "Attach a document"),
        ["leg.File"] = ("ឯកសារ", "File"),
        ["leg.FileHint"] = ("PDF, PNG, JPEG, អត្ថបទ ឬ AKN XML · ≤ ២០ MiB", "PDF, PNG, JPEG, text or AKN XML · ≤ 20 MiB"),
        ["leg.DocumentKind"] = ("ប្រភេទឯកសារ", "Kind of document"),
        ["leg.DocumentKindHint"] = ("ឧ. របាយការណ៍ លិខិត កំណត់ហេតុ", "e.g. report, letter, minutes"),
        ["leg.DocumentStage"] = ("ដំណាក់កាល", "Stage"),
        ["leg.Upload"] = ("ផ្ទុកឡើង", "Upload"),
        ["leg.NoDocuments"] = ("គ្មានឯកសារ", "no document"),

        ["leg.CurrentText"] = ("អត្ថបទបច្ចុប្បន្ន និងមតិរបស់សមាជិកព្រឹទ្ធសភា", "Current text and senators' comments"),
        ["leg.ExportComments"] = ("នាំចេញមតិ (CSV)", "Export comments (CSV)"),
        ["leg.CommentsCount"] = ("មតិ", "comments"),
        ["leg.NoText"] = ("គ្មានអត្ថបទ", "No text"),
        ["leg.YourComment"] = ("មតិរបស់អ្នកលើ", "Your comment on"),
        ["leg.SendComment"] = ("ផ្ញើមតិ", "Send the comment"),
        ["leg.Answer"] = ("ចម្លើយរបស់គណៈកម្មការ", "The commission's answer"),
        ["leg.SendAnswer"] = ("ផ្ញើចម្លើយ", "Send the answer"),
        ["leg.NoAnswerYet"] = ("មិនទាន់មានចម្លើយ", "not answered yet"),
        ["leg.CommentsOnOtherArticles"] = ("មតិលើមាត្រាដែលលែងមានក្នុងអត្ថបទបច្ចុប្បន្ន", "Comments on articles no longer in the current text"),
        ["leg.CommentsClosed"] = ("ព្រឹទ្ធសភាបានសម្រេចលើច្បាប់នេះ៖ ការផ្ដល់មតិត្រូវបានបិទ។", "The Senate has decided on this law: comments are closed."),

        ["leg.done.registered"] = ("បានចុះបញ្ជីសេចក្ដីព្រាងច្បាប់។", "The bill is registered."),
        ["leg.done.stage"] = ("បានកត់ត្រាដំណាក់កាល។", "The stage is recorded."),
        ["leg.done.comment"] = ("បានរក្សាទុកមតិរបស់អ្នក។", "Your comment is saved."),
        ["leg.done.answer"] = ("បានរក្សាទុកចម្លើយ។", "The answer is saved."),
        ["leg.done.document"] = ("បានភ្ជាប់ឯកសារ។", "The document is attached."),

        // Public pages
        ["leg.PublicBills"] = ("សេចក្ដីព្រាងច្បាប់នៅព្រឹទ្ធសភា", "Bills before the Senate"),
        ["leg.PublicBillsIntro"] = ("ច្បាប់ដែលរដ្ឋសភាបានបញ្ជូនមកព្រឹទ្ធសភា ស្ថានភាព និងរយៈពេលពិនិត្យរបស់វា។ ទំព័រនេះមិនតម្រូវឱ្យចូលប្រើទេ។",
            "Laws the National Assembly sent to the Senate, their status and review period. No sign-in needed."),
        ["leg.OnlyUnderReview"] = ("តែច្បាប់កំពុងពិនិត្យ", "Only those under review"),
        ["leg.Filter"] = ("ត្រង", "Filter"),
        ["leg.Previous"] = ("← មុន", "← Previous"),
        ["leg.Next"] = ("បន្ទាប់ →", "Next →"),
        ["leg.Page"] = ("ទំព័រ", "Page"),
        ["leg.Laws"] = ("មូលដ្ឋានទិន្នន័យច្បាប់", "Legal database"),
        ["leg.LawsIntro"] = ("ច្បាប់ និងរដ្ឋធម្មនុញ្ញ ជាមួយកំណែតាមពេលវេលា និងវិសោធនកម្ម។ អត្ថបទនីមួយៗមានជា Akoma Ntoso XML និង JSON។",
            "Laws and the Constitution with their point-in-time versions and amendments. Every text is available as Akoma Ntoso XML and JSON."),
        ["leg.Constitution"] = ("រដ្ឋធម្មនុញ្ញនៃព្រះរាជាណាចក្រកម្ពុជា", "Constitution of the Kingdom of Cambodia"),
        ["leg.ConstitutionIntro"] = ("អត្ថបទនៃរដ្ឋធម្មនុញ្ញ និងប្រវត្តិវិសោធនកម្មរបស់វា៖ ជ្រើសរើសកាលបរិច្ឆេទ ដើម្បីអានរដ្ឋធម្មនុញ្ញដូចដែលមាននៅថ្ងៃនោះ។",
            "The text of the Constitution and its amendment history: pick a date to read the Constitution as it stood that day."),
        ["leg.NoConstitution"] = ("រដ្ឋធម្មនុញ្ញមិនទាន់មានក្នុងមូលដ្ឋានទិន្នន័យច្បាប់នៅឡើយទេ។", "The Constitution is not in the legal database yet."),
        ["leg.NoLaws"] = ("មិនទាន់មានច្បាប់ក្នុងមូលដ្ឋានទិន្នន័យទេ។", "No law in the database yet."),
        ["leg.LawDate"] = ("ថ្ងៃប្រកាសឱ្យប្រើ", "Promulgated on"),
        ["leg.PublishedOn"] = ("ថ្ងៃចុះផ្សាយ", "Published on"),
        ["leg.Kind"] = ("ប្រភេទ", "Kind"),
        ["leg.kind.constitution"] = ("រដ្ឋធម្មនុញ្ញ", "Constitution"),
        ["leg.kind.act"] = ("ច្បាប់", "Law"),
        ["leg.kind.bill"] = ("សេចក្ដីព្រាងច្បាប់", "Bill"),
        ["leg.SearchLaws"] = ("ស្វែងរកក្នុងច្បាប់", "Search the laws"),
        ["leg.SearchHint"] = ("ពាក្យជាភាសាខ្មែរ ឬអង់គ្លេស៖ ពាក្យខ្មែរត្រូវបានរកឃើញនៅក្នុងអត្ថបទដែលសរសេរជាប់គ្នា", "Khmer or English words: Khmer words are found inside running Khmer text"),
        ["leg.SearchButton"] = ("ស្វែងរក", "Search"),
        ["leg.AnyLanguage"] = ("គ្រប់ភាសា", "Any language"),
        ["leg.AnyType"] = ("ច្បាប់ និងសេចក្ដីព្រាងច្បាប់", "Laws and bills"),
        ["leg.lang.khm"] = ("ខ្មែរ", "Khmer"),
        ["leg.lang.eng"] = ("អង់គ្លេស", "English"),
        ["leg.InForceOn"] = ("ជាធរមាននៅថ្ងៃ", "In force on"),
        ["leg.InForceOnHint"] = ("ទទេ៖ ថ្ងៃនេះ", "empty: today"),
        ["leg.Results"] = ("លទ្ធផល", "results"),
        ["leg.NoResults"] = ("រកមិនឃើញ។", "Nothing found."),
        ["leg.Preamble"] = ("បុព្វកថា", "Preamble"),
        ["leg.AsItStoodOn"] = ("ដូចដែលមាននៅថ្ងៃ", "As it stood on"),
        ["leg.Show"] = ("បង្ហាញ", "Show"),
        ["leg.Expression"] = ("អត្តសញ្ញាណ FRBR", "FRBR identifier"),
        ["leg.InForceFrom"] = ("ជាធរមានពីថ្ងៃ", "In force from"),
        ["leg.ReplacedOn"] = ("ត្រូវបានជំនួសនៅថ្ងៃ", "Replaced on"),
        ["leg.StillInForce"] = ("នៅជាធរមាន", "still in force"),
        ["leg.Label"] = ("កំណែ", "Version"),
        ["leg.ThisVersion"] = ("កំណែដែលកំពុងបង្ហាញ", "the version shown"),
        ["leg.Amendments"] = ("ប្រវត្តិវិសោធនកម្ម", "Amendment history"),
        ["leg.NoAmendments"] = ("គ្មានវិសោធនកម្មទេ។", "No amendment."),
        ["leg.AmendingLaw"] = ("ច្បាប់ធ្វើវិសោធនកម្ម", "Amending law"),
        ["leg.Article"] = ("មាត្រា", "Article"),
        ["leg.Change"] = ("ការផ្លាស់ប្ដូរ", "Change"),
        ["leg.EffectiveOn"] = ("ចូលជាធរមាន", "Effective on"),
        ["leg.Amends"] = ("ច្បាប់នេះធ្វើវិសោធនកម្មលើ", "This law amends"),
        ["leg.OpenData"] = ("ទិន្នន័យបើកចំហ", "Open data"),
        ["leg.Json"] = ("JSON", "JSON"),
        ["leg.AknXml"] = ("Akoma Ntoso XML", "Akoma Ntoso XML"),
        ["leg.AtomFeed"] = ("ព័ត៌មានថ្មីៗ (Atom)", "News feed (Atom)"),
        ["leg.TextNotFound"] = ("រកមិនឃើញអត្ថបទនេះ ឬគ្មានកំណែជាធរមាននៅថ្ងៃនោះទេ។", "No such text, or no version in force on that day."),
        ["leg.FromBill"] = ("មកពីសេចក្ដីព្រាងច្បាប់", "From bill"),
        ["leg.Compare"] = ("ប្រៀបធៀបកំណែពីរ", "Compare two versions"),
        ["leg.CompareFrom"] = ("កំណែចាស់ (URI)", "Older version (URI)"),
        ["leg.CompareTo"] = ("កំណែថ្មី (URI)", "Newer version (URI)"),
        ["leg.CompareButton"] = ("ប្រៀបធៀប", "Compare"),
        ["leg.CompareSummary"] = ("សង្ខេប", "Summary"),
        ["leg.cmp.Unchanged"] = ("មិនផ្លាស់ប្ដូរ", "Unchanged"),
        ["leg.cmp.Changed"] = ("បានកែប្រែ", "Changed"),
        ["leg.cmp.Added"] = ("បានបន្ថែម", "Added"),
        ["leg.cmp.Removed"] = ("បានលុប", "Removed"),
        ["leg.HeadingWas"] = ("ចំណងជើងពីមុន", "heading was"),
        ["leg.Inserted"] = ("បញ្ចូល", "inserted"),
        ["leg.Deleted"] = ("លុប", "deleted"),

        ["leg.stage.Received"] = ("ទទួលពីរដ្ឋសភា", "Received from the National Assembly"),
        ["leg.stage.PermanentCommittee"] = ("គណៈកម្មាធិការអចិន្ត្រៃយ៍", "Permanent Committee"),
        ["leg.stage.ReferredToCommission"] = ("បញ្ជូនទៅគណៈកម្មការ", "Referred to a commission"),
        ["leg.stage.CommissionReview"] = ("គណៈកម្មការពិនិត្យ", "Commission review"),
        ["leg.stage.CommissionReport"] = ("របាយការណ៍គណៈកម្មការ", "Commission report"),
        ["leg.stage.PlenaryDebate"] = ("ការពិភាក្សាក្នុងសម័យប្រជុំពេញអង្គ", "Plenary debate"),
        ["leg.stage.PlenaryVote"] = ("ការបោះឆ្នោតក្នុងសម័យប្រជុំពេញអង្គ", "Plenary vote"),
        ["leg.stage.Decision"] = ("សេចក្ដីសម្រេចរបស់ព្រឹទ្ធសភា", "The Senate's decision"),
        ["leg.stage.ReturnedToAssembly"] = ("បញ្ជូនត្រឡប់ទៅរដ្ឋសភា", "Returned to the National Assembly"),
        ["leg.stage.AssemblySecondReading"] = ("រដ្ឋសភាពិនិត្យលើកទីពីរ", "National Assembly second reading"),
        ["leg.stage.Promulgated"] = ("ព្រះមហាក្សត្រប្រកាសឱ្យប្រើ", "Promulgated by the King"),
        ["leg.stage.Published"] = ("ចុះផ្សាយក្នុងរាជកិច្ច", "Published in the Official Gazette"),
        ["leg.decision.ApprovedWithoutAmendment"] = ("អនុម័តដោយគ្មានវិសោធនកម្ម", "Approved without amendment"),
        ["leg.decision.ApprovedWithAmendments"] = ("អនុម័តដោយមានសំណើវិសោធនកម្ម", "Approved with proposed amendments"),
        ["leg.decision.Rejected"] = ("បដិសេធ", "Rejected"),
        ["leg.procedure.Normal"] = ("ធម្មតា", "Normal"),
        ["leg.procedure.Urgent"] = ("បន្ទាន់", "Urgent"),
        ["leg.procedure.Budget"] = ("ច្បាប់ថវិកា", "Budget law"),
        ["leg.level.Open"] = ("ក្នុងរយៈពេល", "Within the period"),
        ["leg.level.Warning"] = ("ជិតផុតកំណត់", "Deadline near"),
        ["leg.level.DueToday"] = ("ផុតកំណត់ថ្ងៃនេះ", "Due today"),
        ["leg.level.Passed"] = ("ហួសកំណត់", "Deadline passed"),
        ["leg.level.Closed"] = ("បានសម្រេច", "Decided"),
        ["leg.amend.Replace"] = ("ជំនួស", "Replaced"),
        ["leg.amend.Insert"] = ("បន្ថែម", "Inserted"),
        ["leg.amend.Repeal"] = ("លុបចោល", "Repealed"),
        ["leg.days.left"] = ("នៅសល់ {0} ថ្ងៃ", "{0} days left"),
        ["leg.days.one"] = ("នៅសល់ ១ ថ្ងៃ", "1 day left"),
        ["leg.days.today"] = ("ថ្ងៃចុងក្រោយគឺថ្ងៃនេះ", "the last day is today"),
        ["leg.days.passed"] = ("ហួសកំណត់ {0} ថ្ងៃ", "{0} days past the deadline"),
        ["leg.days.closed"] = ("រយៈពេលមិនរាប់ទៀតទេ", "the period no longer runs"),
        ["leg.until"] = ("ដល់", "until"),

        // Field names, for the error summary.
        ["leg.field.stage"] = ("ដំណាក់កាល", "Stage"),
        ["leg.field.file"] = ("ឯកសារ", "File"),

        // My own form checks.
        ["leg.msg.date"] = ("ត្រូវការកាលបរិច្ឆេទ (ឆ្នាំ-ខែ-ថ្ងៃ)។", "A date as yyyy-MM-dd is required."),
        ["leg.msg.count"] = ("ត្រូវការចំនួនគត់។", "A whole number is required."),
        ["leg.msg.stage"] = ("សូមជ្រើសរើសដំណាក់កាល។", "Choose the stage."),
        ["leg.msg.decision"] = ("សូមជ្រើសរើសសេចក្ដីសម្រេច។", "Choose the decision."),
        ["leg.msg.query"] = ("សូមវាយពាក្យដែលត្រូវស្វែងរក (យ៉ាងច្រើន ២០០ តួ)។", "Type what to search for (at most 200 characters)."),
        ["leg.msg.line"] = ("បន្ទាត់ទី {0}៖ ", "line {0}: "),

        // The services answer in English; these have a Khmer text.
        ["leg.msg.The text is required."] = ("ត្រូវការអត្ថបទច្បាប់។", "The text is required."),
        ["leg.msg.The day the National Assembly adopted the law is required."] = ("ត្រូវការថ្ងៃដែលរដ្ឋសភាបានអនុម័តច្បាប់។", "The day the National Assembly adopted the law is required."),
        ["leg.msg.The adoption date is in the future."] = ("ថ្ងៃអនុម័តស្ថិតនៅពេលអនាគត។", "The adoption date is in the future."),
        ["leg.msg.The day the Senate received the law is required."] = ("ត្រូវការថ្ងៃដែលព្រឹទ្ធសភាបានទទួលច្បាប់។", "The day the Senate received the law is required."),
        ["leg.msg.The receipt date is in the future."] = ("ថ្ងៃទទួលស្ថិតនៅពេលអនាគត។", "The receipt date is in the future."),
        ["leg.msg.The Senate cannot receive a law before the National Assembly adopted it."] = ("ព្រឹទ្ធសភាមិនអាចទទួលច្បាប់ មុនពេលរដ្ឋសភាអនុម័តបានទេ។", "The Senate cannot receive a law before the National Assembly adopted it."),
        ["leg.msg.The Khmer title is required (the law's original language is Khmer)."] = ("ត្រូវការចំណងជើងជាភាសាខ្មែរ (ភាសាដើមនៃច្បាប់គឺភាសាខ្មែរ)។", "The Khmer title is required (the law's original language is Khmer)."),
        ["leg.msg.The text has no article: every law and bill needs at least one \"មាត្រា\" or \"Article\" heading."] = ("អត្ថបទគ្មានមាត្រាទេ៖ ច្បាប់ និងសេចក្ដីព្រាងច្បាប់នីមួយៗត្រូវមានយ៉ាងហោចណាស់ចំណងជើង «មាត្រា» មួយ។", "The text has no article: every law and bill needs at least one \"មាត្រា\" or \"Article\" heading."),
        ["leg.msg.The first line must be the title of the text, not a heading."] = ("បន្ទាត់ទីមួយត្រូវតែជាចំណងជើងនៃអត្ថបទ មិនមែនជាចំណងជើងជំពូក ឬមាត្រាទេ។", "The first line must be the title of the text, not a heading."),
        ["leg.msg.The title is longer than 1,000 characters."] = ("ចំណងជើងវែងជាង ១ ០០០ តួ។", "The title is longer than 1,000 characters."),
        ["leg.msg.The stage is required."] = ("ត្រូវការដំណាក់កាល។", "The stage is required."),
        ["leg.msg.The date is in the future."] = ("កាលបរិច្ឆេទស្ថិតនៅពេលអនាគត។", "The date is in the future."),
        ["leg.msg.Name the commission the law is referred to."] = ("សូមជ្រើសរើសគណៈកម្មការដែលច្បាប់ត្រូវបញ្ជូនទៅ។", "Name the commission the law is referred to."),
        ["leg.msg.The count is required for a plenary vote."] = ("ការបោះឆ្នោតត្រូវការចំនួនសំឡេង។", "The count is required for a plenary vote."),
        ["leg.msg.A count cannot be negative."] = ("ចំនួនមិនអាចអវិជ្ជមានបានទេ។", "A count cannot be negative."),
        ["leg.msg.The decision is required: ApprovedWithoutAmendment, ApprovedWithAmendments or Rejected."] = ("ត្រូវការសេចក្ដីសម្រេច។", "The decision is required."),
        ["leg.msg.Approval with amendments needs the text with the Senate's proposed amendments (here or in the commission's report)."] = ("ការអនុម័តដោយមានវិសោធនកម្ម ត្រូវការអត្ថបទដែលមានសំណើវិសោធនកម្មរបស់ព្រឹទ្ធសភា (នៅទីនេះ ឬក្នុងរបាយការណ៍គណៈកម្មការ)។", "Approval with amendments needs the text with the Senate's proposed amendments (here or in the commission's report)."),
        ["leg.msg.A new round needs the day the Senate received the law again."] = ("ជុំថ្មីត្រូវការថ្ងៃដែលព្រឹទ្ធសភាទទួលច្បាប់ម្ដងទៀត។", "A new round needs the day the Senate received the law again."),
        ["leg.msg.The official gazette's number is required."] = ("ត្រូវការលេខរាជកិច្ច។", "The official gazette's number is required."),
        ["leg.msg.The comment is empty."] = ("មតិនៅទទេ។", "The comment is empty."),
        ["leg.msg.The answer is empty."] = ("ចម្លើយនៅទទេ។", "The answer is empty."),
        ["leg.msg.The file is empty."] = ("ឯកសារនៅទទេ។", "The file is empty."),
        ["leg.msg.Only PDF, PNG, JPEG, plain text and Akoma Ntoso XML documents are accepted."] = ("ទទួលយកតែឯកសារ PDF, PNG, JPEG អត្ថបទ និង Akoma Ntoso XML ប៉ុណ្ណោះ។", "Only PDF, PNG, JPEG, plain text and Akoma Ntoso XML documents are accepted."),
        ["leg.msg.Send the file as multipart/form-data in the field \"file\"."] = ("សូមជ្រើសរើសឯកសារ។", "Choose a file."),
        ["leg.msg.Only a senator in office comments on a draft law; this account is not linked to a senator's mandate."] = ("មានតែសមាជិកព្រឹទ្ធសភាកំពុងកាន់តំណែងទេ ដែលផ្ដល់មតិលើសេចក្ដីព្រាងច្បាប់បាន។", "Only a senator in office comments on a draft law; this account is not linked to a senator's mandate."),
        ["leg.msg.Only the commission's chair, vice-chair or secretary, or the Secretariat, answers for the commission."] = ("មានតែប្រធាន អនុប្រធាន ឬលេខាធិការនៃគណៈកម្មការ ឬអគ្គលេខាធិការដ្ឋានទេ ដែលឆ្លើយជំនួសគណៈកម្មការបាន។", "Only the commission's chair, vice-chair or secretary, or the Secretariat, answers for the commission."),
        // Version labels and notes the services write.
        ["leg.msg.As adopted by the National Assembly"] = ("ដូចដែលរដ្ឋសភាបានអនុម័ត", "As adopted by the National Assembly"),
        ["leg.msg.English translation"] = ("ការបកប្រែជាភាសាអង់គ្លេស", "English translation"),
        ["leg.msg.As proposed by the commission"] = ("ដូចដែលគណៈកម្មការបានស្នើ", "As proposed by the commission"),
        ["leg.msg.With the Senate's proposed amendments"] = ("ជាមួយសំណើវិសោធនកម្មរបស់ព្រឹទ្ធសភា", "With the Senate's proposed amendments"),
        ["leg.msg.As adopted by the National Assembly on second reading"] = ("ដូចដែលរដ្ឋសភាបានអនុម័តលើកទីពីរ", "As adopted by the National Assembly on second reading"),
        ["leg.msg.As sent again by the National Assembly"] = ("ដូចដែលរដ្ឋសភាបានបញ្ជូនមកវិញ", "As sent again by the National Assembly"),
        ["leg.msg.As promulgated"] = ("ដូចដែលបានប្រកាសឱ្យប្រើ", "As promulgated"),
        ["leg.msg.Original version"] = ("កំណែដើម", "Original version"),
        ["leg.msg.Received from the National Assembly."] = ("បានទទួលពីរដ្ឋសភា។", "Received from the National Assembly."),
        ["leg.msg.amendedBy"] = ("ធ្វើវិសោធនកម្មដោយ {0}", "As amended by {0}"),
        ["leg.msg.The law has not been referred to a commission yet."] = ("ច្បាប់មិនទាន់ត្រូវបានបញ្ជូនទៅគណៈកម្មការនៅឡើយទេ។", "The law has not been referred to a commission yet."),
    };

    /// <summary>A field of the E-Senate forms, for the error summary.</summary>
    public static string LegFieldLabel(string path) => (path.Contains('.', StringComparison.Ordinal) ? path[(path.LastIndexOf('.') + 1)..] : path) switch
    {
        "titleKm" => T("leg.TitleKm"),
        "titleEn" => T("leg.TitleEn"),
        "assemblyAdoptedOn" => T("leg.AssemblyAdoptedOn"),
        "receivedOn" => T("leg.ReceivedOn"),
        "text" => T("leg.Text"),
        "textEn" => T("leg.TextEn"),
        "stage" => T("leg.Stage"),
        "occurredOn" => T("leg.OccurredOn"),
        "note" => T("leg.Note"),
        "commission" => T("leg.Commission"),
        "decision" => T("leg.Decision"),
        "votesFor" => $"{T("leg.Votes")} · {T("leg.VotesFor")}",
        "votesAgainst" => $"{T("leg.Votes")} · {T("leg.VotesAgainst")}",
        "votesAbstaining" => $"{T("leg.Votes")} · {T("leg.VotesAbstaining")}",
        "lawNumber" => T("leg.LawNumber"),
        "gazetteReference" => T("leg.GazetteReference"),
        "body" => T("leg.YourComment"),
        "answer" => T("leg.Answer"),
        "q" => T("leg.SearchLaws"),
        "from" => T("leg.CompareFrom"),
        "to" => T("leg.CompareTo"),
        "date" => T("leg.InForceOn"),
        "senatorId" => T("sen.Senator"),
        "role" => T("sen.Role"),
        "bodyCode" => T("sen.Body"),
        "startsOn" => T("sen.StartsOn"),
        "endsOn" => T("sen.EndsOn"),
        "reason" => T("sen.Reason"),
        "nameKm" => T("sen.NameKm"),
        "nameLatin" => T("sen.NameLatin"),
        "seat" => T("sen.SeatKind"),
        "constituency" => T("sen.Constituency"),
        "userName" => T("sen.UserName"),
        "legislature" => T("sen.Legislature"),
        _ => path,
    };

    /// <summary>
    /// A message of the legislation services in the UI language: they answer in English; the known
    /// ones have a Khmer text, a text error keeps its line number, an unknown one shows as it is.
    /// </summary>
    public static string LegMessage(string message)
    {
        if (!IsKhmer)
        {
            return message;
        }

        var prefix = "";
        var match = System.Text.RegularExpressions.Regex.Match(message, "^line (\\d+)(?:, column \\d+)?: ");
        if (match.Success)
        {
            prefix = string.Format(CultureInfo.InvariantCulture, Texts[LegMsg + "line"].Km, Digits(match.Groups[1].Value));
            message = message[match.Length..];
        }

        const string amendedBy = "As amended by ";
        if (message.StartsWith(amendedBy, StringComparison.Ordinal))
        {
            return string.Format(CultureInfo.InvariantCulture, Texts[LegMsg + "amendedBy"].Km, message[amendedBy.Length..]);
        }

        return prefix + (Texts.TryGetValue(LegMsg + message, out var t) ? t.Km : message);
    }

    /// <summary>Field errors with their messages in the UI language, keyed with <paramref name="prefix"/> (e.g. "stage.").</summary>
    public static IDictionary<string, string[]> LegErrors(IDictionary<string, string[]> errors, string prefix = "") =>
        errors.ToDictionary(e => prefix + e.Key, e => e.Value.Select(LegMessage).ToArray(), StringComparer.Ordinal);

    /// <summary>A day written out, never ambiguous: "១២ មិថុនា ២០២៦" or "12 June 2026".</summary>
    public static string LegDate(DateOnly date) => IsKhmer
        ? $"{Digits(date.Day.ToString(CultureInfo.InvariantCulture))} {LegMonthsKm[date.Month - 1]} {Digits(date.Year.ToString(CultureInfo.InvariantCulture))}"
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A version label or a note the services wrote, in the UI language when it is a known one.</summary>
    public static string? LegLabel(string? label) => label is null ? null : LegMessage(label);

    public static string LegDate(DateOnly? date) => date is { } d ? LegDate(d) : "—";

    /// <summary>ISO date for a datetime attribute or a date input.</summary>
    public static string LegIso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LegNumber(long value) => Digits(value.ToString(CultureInfo.InvariantCulture));

    public static string LegStage(BillStage stage) => T(Leg + "stage." + stage);

    public static string LegDecision(BillDecision? decision) => decision is { } d ? T(Leg + "decision." + d) : "—";

    public static string LegProcedure(ReviewProcedure procedure) => T(Leg + "procedure." + procedure);

    public static string LegLevel(DeadlineLevel level) => T(Leg + "level." + level);

    public static string LegAmendment(AmendmentKind kind) => T(Leg + "amend." + kind);

    public static string LegComparison(ArticleStatus status) => T(Leg + "cmp." + status);

    public static string LegLanguage(string code) => Texts.TryGetValue(Leg + "lang." + code, out var t) ? (IsKhmer ? t.Km : t.En) : code;

    /// <summary>The days left of a review period in words.</summary>
    public static string LegDaysLeft(DeadlineStatus deadline) => deadline.Level switch
    {
        DeadlineLevel.Closed => T("leg.days.closed"),
        DeadlineLevel.Passed => string.Format(CultureInfo.InvariantCulture, T("leg.days.passed"), LegNumber(-deadline.DaysLeft)),
        DeadlineLevel.DueToday => T("leg.days.today"),
        _ when deadline.DaysLeft == 1 => T("leg.days.one"),
        _ => string.Format(CultureInfo.InvariantCulture, T("leg.days.left"), LegNumber(deadline.DaysLeft)),
    };

    /// <summary>The number of a bill as its public address wants it: "2026/0003" → "2026/3".</summary>
    public static string LegPublicPath(string billNumber)
    {
        var parts = billNumber.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var seq)
            ? $"/senate/bills/{year}/{seq}"
            : "/senate/bills";
    }

    /// <summary>The link that shows a text in the legal database's reader.</summary>
    public static string LegTextLink(string uri, DateOnly? date = null, string? lang = null) =>
        "/laws/text?uri=" + Uri.EscapeDataString(uri)
        + (date is { } d ? "&date=" + LegIso(d) : "")
        + (string.IsNullOrEmpty(lang) ? "" : "&lang=" + Uri.EscapeDataString(lang));
}

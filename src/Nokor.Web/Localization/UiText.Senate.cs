using Nokor.Legislation.Contracts;

namespace Nokor.Web.Localization;

public static partial class UiText
{
    /// <summary>Words of the Senate composition page, and the directory's messages (under "leg.msg.").</summary>
    private static Dictionary<string, (string Km, string En)> SenateTexts() => new(StringComparer.Ordinal)
    {
        ["sen.Nav"] = ("សមាសភាពព្រឹទ្ធសភា", "Senate members"),
        ["sen.Title"] = ("សមាសភាពព្រឹទ្ធសភា", "Composition of the Senate"),
        ["sen.Intro"] = ("សមាជិកព្រឹទ្ធសភានៃនីតិកាលបច្ចុប្បន្ន អាសនៈរបស់ពួកគេ គណៈកម្មាធិការអចិន្ត្រៃយ៍ និងគណៈកម្មការជំនាញ (រដ្ឋធម្មនុញ្ញ មាត្រា ៩៩-១០២)។",
            "The senators of the current legislature, their seats, the Permanent Committee and the specialized commissions (Constitution, Articles 99-102)."),
        ["sen.Legislature"] = ("នីតិកាលទី", "Legislature"),
        ["sen.NoLegislature"] = ("មិនទាន់មាននីតិកាលទេ។", "No legislature has begun."),
        ["sen.Seats"] = ("អាសនៈ", "Seats"),
        ["sen.SeatKind"] = ("ប្រភេទអាសនៈ", "Kind of seat"),
        ["sen.Held"] = ("មានអ្នកកាន់", "Held"),
        ["sen.Vacant"] = ("ទំនេរ", "Vacant"),
        ["sen.Total"] = ("សរុប", "Total"),
        ["sen.seat.Elected"] = ("ជាប់ឆ្នោតដោយក្រុមប្រឹក្សាឃុំ សង្កាត់", "Elected by commune and sangkat councillors"),
        ["sen.seat.AppointedByKing"] = ("ព្រះមហាក្សត្រតែងតាំង", "Appointed by the King"),
        ["sen.seat.ElectedByNationalAssembly"] = ("រដ្ឋសភាបោះឆ្នោតជ្រើសតាំង", "Elected by the National Assembly"),
        ["sen.role.Chair"] = ("ប្រធាន", "Chair"),
        ["sen.role.ViceChair"] = ("អនុប្រធាន", "Vice-chair"),
        ["sen.role.Secretary"] = ("លេខាធិការ", "Secretary"),
        ["sen.role.Member"] = ("សមាជិក", "Member"),
        ["sen.Bodies"] = ("គណៈកម្មាធិការអចិន្ត្រៃយ៍ និងគណៈកម្មការ", "The Permanent Committee and the commissions"),
        ["sen.Body"] = ("គណៈកម្មាធិការ ឬគណៈកម្មការ", "Committee or commission"),
        ["sen.Role"] = ("តួនាទី", "Role"),
        ["sen.NoMembers"] = ("គ្មានសមាជិកទេ។", "No members."),
        ["sen.Senators"] = ("សមាជិកព្រឹទ្ធសភា", "Senators"),
        ["sen.Senator"] = ("សមាជិកព្រឹទ្ធសភា", "Senator"),
        ["sen.NameKm"] = ("ឈ្មោះជាអក្សរខ្មែរ", "Name in Khmer"),
        ["sen.NameLatin"] = ("ឈ្មោះជាអក្សរឡាតាំង", "Name in Latin letters"),
        ["sen.Constituency"] = ("មណ្ឌល", "Constituency"),
        ["sen.MemberOf"] = ("សមាជិកនៃ", "Member of"),
        ["sen.Manage"] = ("ការគ្រប់គ្រងសមាសភាព (អគ្គលេខាធិការដ្ឋាន)", "Keeping the composition (Secretariat General)"),
        ["sen.ManageIntro"] = ("រាល់ការផ្លាស់ប្ដូរត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។", "Every change is recorded in the audit log."),
        ["sen.AddMember"] = ("ចាត់តាំងសមាជិកទៅគណៈកម្មការ", "Appoint to a committee or commission"),
        ["sen.EndMember"] = ("ចាកចេញពីគណៈកម្មការ", "Leave a committee or commission"),
        ["sen.EndMandate"] = ("បញ្ចប់អាណត្តិមុនកាលកំណត់", "End a mandate early"),
        ["sen.AddSenator"] = ("ចុះឈ្មោះសមាជិកព្រឹទ្ធសភា", "Register a senator"),
        ["sen.StartsOn"] = ("ថ្ងៃចាប់ផ្ដើម", "Starts on"),
        ["sen.EndsOn"] = ("ថ្ងៃចុងក្រោយ", "Last day"),
        ["sen.Reason"] = ("មូលហេតុ", "Reason"),
        ["sen.ReasonHint"] = ("ឧ. លាលែង មរណភាព", "e.g. resignation, death"),
        ["sen.UserName"] = ("ឈ្មោះអ្នកប្រើនៃគណនីបុគ្គលិក", "Staff account user name"),
        ["sen.UserNameHint"] = ("ស្រេចចិត្ត៖ គណនីដែលមានតួនាទីសមាជិកព្រឹទ្ធសភា", "optional: an account with the senator role"),
        ["sen.Save"] = ("រក្សាទុក", "Save"),
        ["sen.done"] = ("បានរក្សាទុកការផ្លាស់ប្ដូរ។", "The change is saved."),
        ["sen.msg.senator"] = ("សូមជ្រើសរើសសមាជិកព្រឹទ្ធសភា។", "Choose a senator."),
        ["leg.msg.The name in Khmer script is required (at most 200 characters)."] = ("ត្រូវការឈ្មោះជាអក្សរខ្មែរ (យ៉ាងច្រើន ២០០ តួអក្សរ)។", "The name in Khmer script is required (at most 200 characters)."),
        ["leg.msg.The name in Latin letters is required (at most 200 characters)."] = ("ត្រូវការឈ្មោះជាអក្សរឡាតាំង (យ៉ាងច្រើន ២០០ តួអក្សរ)។", "The name in Latin letters is required (at most 200 characters)."),
        ["leg.msg.The seat is Elected, AppointedByKing or ElectedByNationalAssembly."] = ("សូមជ្រើសរើសប្រភេទអាសនៈ។", "The seat is Elected, AppointedByKing or ElectedByNationalAssembly."),
        ["leg.msg.No such legislature."] = ("គ្មាននីតិកាលនេះទេ។", "No such legislature."),
        ["leg.msg.All seats of this kind in the legislature are held; end a mandate first."] = ("អាសនៈប្រភេទនេះទាំងអស់មានអ្នកកាន់ហើយ៖ សូមបញ្ចប់អាណត្តិមួយជាមុនសិន។", "All seats of this kind in the legislature are held; end a mandate first."),
        ["leg.msg.No staff account with the senator role has that user name."] = ("គ្មានគណនីបុគ្គលិកដែលមានតួនាទីសមាជិកព្រឹទ្ធសភា និងមានឈ្មោះអ្នកប្រើនេះទេ។", "No staff account with the senator role has that user name."),
        ["leg.msg.That account already belongs to a senator."] = ("គណនីនេះជារបស់សមាជិកព្រឹទ្ធសភាម្នាក់ទៀតហើយ។", "That account already belongs to a senator."),
        ["leg.msg.No running mandate for that senator."] = ("សមាជិកព្រឹទ្ធសភានេះគ្មានអាណត្តិកំពុងដំណើរការទេ។", "No running mandate for that senator."),
        ["leg.msg.The last day of the mandate is required."] = ("ត្រូវការថ្ងៃចុងក្រោយនៃអាណត្តិ។", "The last day of the mandate is required."),
        ["leg.msg.The last day must fall between the start of the mandate and today."] = ("ថ្ងៃចុងក្រោយត្រូវស្ថិតនៅចន្លោះថ្ងៃចាប់ផ្ដើមអាណត្តិ និងថ្ងៃនេះ។", "The last day must fall between the start of the mandate and today."),
        ["leg.msg.Give the reason (at most 300 characters)."] = ("សូមផ្ដល់មូលហេតុ (យ៉ាងច្រើន ៣០០ តួអក្សរ)។", "Give the reason (at most 300 characters)."),
        ["leg.msg.No such body in the current legislature."] = ("គ្មានគណៈកម្មការនេះក្នុងនីតិកាលបច្ចុប្បន្នទេ។", "No such body in the current legislature."),
        ["leg.msg.No senator of this legislature has that id."] = ("គ្មានសមាជិកព្រឹទ្ធសភានៃនីតិកាលនេះ ដែលមានលេខសម្គាល់នេះទេ។", "No senator of this legislature has that id."),
        ["leg.msg.The role is Chair, ViceChair, Secretary or Member."] = ("សូមជ្រើសរើសតួនាទី៖ ប្រធាន អនុប្រធាន លេខាធិការ ឬសមាជិក។", "The role is Chair, ViceChair, Secretary or Member."),
        ["leg.msg.The body already has a chair."] = ("គណៈកម្មការនេះមានប្រធានរួចហើយ៖ ប្រធានបច្ចុប្បន្នត្រូវចាកចេញជាមុនសិន។", "The body already has a chair."),
        ["leg.msg.The senator is already a member."] = ("សមាជិកព្រឹទ្ធសភានេះជាសមាជិករួចហើយ។", "The senator is already a member."),
        ["leg.msg.That senator is not a member of this body."] = ("សមាជិកព្រឹទ្ធសភានេះមិនមែនជាសមាជិកនៃគណៈកម្មការនេះទេ។", "That senator is not a member of this body."),
        ["leg.msg.The last day on the body is required."] = ("ត្រូវការថ្ងៃចុងក្រោយក្នុងគណៈកម្មការ។", "The last day on the body is required."),
        ["leg.msg.The last day must fall between the start of the membership and today."] = ("ថ្ងៃចុងក្រោយត្រូវស្ថិតនៅចន្លោះថ្ងៃចាប់ផ្ដើមសមាជិកភាព និងថ្ងៃនេះ។", "The last day must fall between the start of the membership and today."),
        ["leg.msg.An English translation goes with the new Khmer version it translates; give the Khmer text too."] = ("ការបកប្រែជាភាសាអង់គ្លេស ត្រូវភ្ជាប់ជាមួយកំណែថ្មីជាភាសាខ្មែរដែលវាបកប្រែ៖ សូមផ្ដល់អត្ថបទខ្មែរផងដែរ។", "An English translation goes with the new Khmer version it translates; give the Khmer text too."),
        ["leg.msg.Only an approval with amendments comes with a new text; this decision leaves the Assembly's text as it is."] = ("មានតែការអនុម័តដោយមានវិសោធនកម្មទេ ដែលភ្ជាប់ជាមួយអត្ថបទថ្មី៖ សេចក្ដីសម្រេចនេះទុកអត្ថបទរបស់រដ្ឋសភាដដែល។", "Only an approval with amendments comes with a new text; this decision leaves the Assembly's text as it is."),
    };

    public static string SenSeat(SeatKind? seat) => seat is { } s ? T("sen.seat." + s) : "—";

    public static string SenRole(MemberRole role) => T("sen.role." + role);
}

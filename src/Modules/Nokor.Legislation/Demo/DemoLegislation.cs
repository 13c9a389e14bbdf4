using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Legislation.Senate;
using Nokor.Legislation.Texts;
using Nokor.Platform.Dates;
using Nokor.Platform.Staff;

using Nokor.Platform.Demo;

namespace Nokor.Legislation.Demo;

/// <summary>
/// Demonstration data for `dotnet run`: the Senate's structure with fictional senators (the demo
/// accounts senator.demo and chair.demo linked to two of them), a short demonstration excerpt in
/// the shape of the Constitution with one amendment — clearly titled as such, not the official
/// text, which the Secretariat imports with `nokor legislation import` — and a few bills at
/// different stages, entered through the same services as the API.
/// </summary>
internal static class DemoLegislation
{
    public const string ConstitutionKm = """
        រដ្ឋធម្មនុញ្ញនៃព្រះរាជាណាចក្រកម្ពុជា (ដកស្រង់សម្រាប់បង្ហាញ មិនមែនអត្ថបទផ្លូវការ)
        ជំពូកទី១ អធិបតេយ្យភាព
        មាត្រា ១
        កម្ពុជាជាព្រះរាជាណាចក្រ ដែលព្រះមហាក្សត្រគ្រងរាជ្យស្របតាមរដ្ឋធម្មនុញ្ញ។
        មាត្រា ២
        ភាសាផ្លូវការ និងអក្សរផ្លូវការ គឺភាសា និងអក្សរខ្មែរ។
        ជំពូកទី២ នីតិបញ្ញត្តិ
        មាត្រា ៣
        រដ្ឋសភាជាស្ថាប័នតែមួយគត់ ដែលមានអំណាចនីតិបញ្ញត្តិ។
        មាត្រា ៤
        ច្បាប់ដែលរដ្ឋសភាបានអនុម័ត ត្រូវដាក់ថ្វាយព្រះមហាក្សត្រ ដើម្បីឡាយព្រះហស្តលេខាប្រកាសឱ្យប្រើ។
        """;

    public const string ConstitutionEn = """
        Constitution of the Kingdom of Cambodia (demonstration excerpt, not the official text)
        Chapter 1: Sovereignty
        Article 1
        Cambodia is a Kingdom whose King reigns in accordance with the Constitution.
        Article 2
        The official language and script are Khmer.
        Chapter 2: Legislature
        Article 3
        The National Assembly is the only body holding legislative power.
        Article 4
        A law adopted by the National Assembly is submitted to the King for promulgation.
        """;

    public const string AmendingLawKm = """
        ច្បាប់រដ្ឋធម្មនុញ្ញស្ដីពីវិសោធនកម្មរដ្ឋធម្មនុញ្ញ (ដកស្រង់សម្រាប់បង្ហាញ)
        មាត្រា ១
        មាត្រា ៣ និងមាត្រា ៤ នៃរដ្ឋធម្មនុញ្ញ ត្រូវបានធ្វើវិសោធនកម្ម ហើយមាត្រាថ្មីមួយត្រូវបានបន្ថែម ដើម្បីបង្កើតព្រឹទ្ធសភា។
        """;

    public const string NewArticle3Km = """
        មាត្រា ៣ ថ្មី
        អំណាចនីតិបញ្ញត្តិ ត្រូវបានអនុវត្តដោយរដ្ឋសភា និងព្រឹទ្ធសភា។
        """;

    public const string NewArticle4Km = """
        មាត្រា ៤ ថ្មី
        ច្បាប់ដែលរដ្ឋសភាបានអនុម័ត ត្រូវបញ្ជូនទៅព្រឹទ្ធសភាពិនិត្យ និងផ្ដល់យោបល់ក្នុងរយៈពេលមួយខែ ឬប្រាំថ្ងៃ ក្នុងករណីបន្ទាន់។
        """;

    public const string BillKm = """
        ច្បាប់ស្ដីពីការគ្រប់គ្រងឯកសារបណ្ណសារជាតិ
        ជំពូកទី១ បទប្បញ្ញត្តិទូទៅ
        មាត្រា ១
        ច្បាប់នេះមានគោលបំណងកំណត់ការគ្រប់គ្រង ការថែរក្សា និងការប្រើប្រាស់ឯកសារបណ្ណសារជាតិ។
        មាត្រា ២
        ច្បាប់នេះមានវិសាលភាពអនុវត្តចំពោះក្រសួង ស្ថាប័ន និងរដ្ឋបាលថ្នាក់ក្រោមជាតិទាំងអស់។
        ជំពូកទី២ ការថែរក្សាឯកសារ
        មាត្រា ៣
        ១. ឯកសារបណ្ណសារត្រូវរក្សាទុកក្នុងទម្រង់ក្រដាស ឬទម្រង់ឌីជីថល។
        ២. ឯកសារឌីជីថលត្រូវមានហត្ថលេខាឌីជីថល និងកូដផ្ទៀងផ្ទាត់។
        មាត្រា ៤
        ពលរដ្ឋមានសិទ្ធិស្នើសុំមើលឯកសារបណ្ណសារ ស្របតាមច្បាប់ជាធរមាន។
        """;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LegislationDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = CambodiaTime.Today(clock);
        await SenateSeed.EnsureAsync(db, 5, new DateOnly(today.Year - 2, 4, 1), ct);
        var platform = sp.GetRequiredService<Platform.Data.PlatformDbContext>();
        foreach (var (user, chairOf) in new[] { ("senator.demo", (string?)null), ("chair.demo", "commission-1") })
        {
            var id = await platform.Users.Where(u => u.UserName == user).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (id is { } userId && !await db.Senators.AnyAsync(s => s.StaffUserId == userId.ToString(), ct))
            {
                await SenateSeed.LinkAccountAsync(db, userId.ToString(), chairOf, ct);
            }
        }

        if (await db.Acts.AnyAsync(ct))
        {
            return;
        }

        var actor = Actor.Platform("demo");
        var laws = sp.GetRequiredService<LegalDatabase>();
        var constitution = await laws.ImportActAsync(new ImportActRequest(ConstitutionKm, "constitution", new DateOnly(1993, 9, 24), "constitution", "khm", null,
            "Constitution of the Kingdom of Cambodia (demonstration excerpt)", null, null), actor, ct);
        await laws.ImportActAsync(new ImportActRequest(ConstitutionEn, "constitution", new DateOnly(1993, 9, 24), "constitution", "eng", null, null, null, null), actor, ct);
        var amending = await laws.ImportActAsync(new ImportActRequest(AmendingLawKm, "demo-1999-1", new DateOnly(1999, 3, 8), null, "khm", null,
            "Constitutional law on amendments (demonstration excerpt)", null, null), actor, ct);
        if (constitution.IsOk && amending.IsOk)
        {
            await laws.AmendAsync(constitution.Value!.WorkUri, new AmendActRequest(amending.Value!.WorkUri, new DateOnly(1999, 3, 8),
            [
                new ArticleChange("art_3", AmendmentKind.Replace, NewArticle3Km, null),
                new ArticleChange("art_4", AmendmentKind.Replace, NewArticle4Km, null),
            ], null), actor, ct);
        }

        var bills = sp.GetRequiredService<IBillBook>();
        var received = today.AddDays(-12);
        var bill = await bills.RegisterAsync(new RegisterBillRequest(null, "Law on the management of national archives", received.AddDays(-3), received,
            false, false, BillKm, null), actor, ct);
        if (bill.IsOk)
        {
            await bills.RecordStageAsync(bill.Value!.Id, Stage(BillStage.PermanentCommittee, received.AddDays(1)), null, actor, ct);
            await bills.RecordStageAsync(bill.Value!.Id, Stage(BillStage.ReferredToCommission, received.AddDays(2)) with { Commission = "commission-1" }, null, actor, ct);
        }

        var urgent = await bills.RegisterAsync(new RegisterBillRequest("ច្បាប់ស្ដីពីការគ្រប់គ្រងហិរញ្ញវត្ថុសម្រាប់ឆ្នាំ " + (today.Year + 1), "Law on financial management for " + (today.Year + 1),
            today.AddDays(-2), today.AddDays(-1), true, true, BillKm.Replace("បណ្ណសារជាតិ", "ហិរញ្ញវត្ថុសាធារណៈ", StringComparison.Ordinal), null), actor, ct);
        if (urgent.IsOk)
        {
            await bills.RecordStageAsync(urgent.Value!.Id, Stage(BillStage.PermanentCommittee, today), null, actor, ct);
        }
    }

    private static RecordStageRequest Stage(BillStage stage, DateOnly on) => new(stage, on, null, null, null, null, null, null, null, null, null, null);
}

/// <summary>Senators, bodies, bills at every stage and the legal database's demo texts.</summary>
internal sealed class LegislationDemoSeeder : IDemoSeeder
{
    public int Order => 400;

    public Task SeedAsync(DemoSeedContext context, CancellationToken ct) =>
        DemoLegislation.SeedAsync(context.Services, ct);
}

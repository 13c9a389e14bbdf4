using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Comments;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Legislation.Search;
using Nokor.Legislation.Senate;
using Nokor.Legislation.Texts;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Testing;

namespace Nokor.Legislation.Tests;

/// <summary>Bills, comments, the legal database and its search on a real database (SQLite, or PostgreSQL in CI).</summary>
public sealed class LegislationStoreTests : IAsyncLifetime
{
    private const string BillText = """
        ច្បាប់ស្ដីពីការគ្រប់គ្រងទិន្នន័យផ្ទាល់ខ្លួន
        ជំពូកទី១ បទប្បញ្ញត្តិទូទៅ
        មាត្រា ១
        ច្បាប់នេះកំណត់ការការពារទិន្នន័យផ្ទាល់ខ្លួនរបស់ពលរដ្ឋ។
        មាត្រា ២
        ក្រសួងត្រូវរក្សាការសម្ងាត់ទិន្នន័យ។
        ជំពូកទី២ សិទ្ធិ
        មាត្រា ៣
        ១. ពលរដ្ឋមានសិទ្ធិមើលទិន្នន័យរបស់ខ្លួន។
        ២. ពលរដ្ឋមានសិទ្ធិស្នើកែតម្រូវទិន្នន័យ។
        """;

    private const string BillTextEn = """
        Law on the management of personal data
        Chapter 1: General provisions
        Article 1
        This law protects the personal data of citizens.
        Article 2
        Ministries keep personal data confidential.
        Chapter 2: Rights
        Article 3
        1. Citizens have the right to see their own data.
        2. Citizens have the right to ask for their data to be corrected.
        """;

    private static readonly string AmendedKm = BillText.Replace("ក្រសួងត្រូវរក្សាការសម្ងាត់ទិន្នន័យ។", "ក្រសួង និងស្ថាប័នត្រូវរក្សាការសម្ងាត់ទិន្នន័យ។", StringComparison.Ordinal);

    private static readonly string AmendedEn = BillTextEn.Replace("Ministries keep", "Ministries and institutions keep", StringComparison.Ordinal);

    private static readonly XNamespace Akn = AknSchema.Namespace;

    private static readonly Actor Clerk = new("staff", Guid.NewGuid().ToString(), null, Jurisdiction.National, new HashSet<string> { Roles.SenateClerk });

    private TestDatabase _db = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _services = _db.BuildServices(s => s.Configure<LegislationSearchOptions>(o => o.IndexPath = ""));
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LegislationDbContext>();
        await SenateSeed.EnsureAsync(db, 5, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static RecordStageRequest Stage(BillStage stage, DateOnly? on = null) => new(stage, on ?? Today, null, null, null, null, null, null, null, null, null, null);

    private async Task<Actor> SenatorAsync(string? chairOf)
    {
        var userId = Guid.NewGuid().ToString();
        await InScopeAsync(async sp => await SenateSeed.LinkAccountAsync(sp.GetRequiredService<LegislationDbContext>(), userId, chairOf, CancellationToken.None));
        return new Actor("staff", userId, null, Jurisdiction.National, new HashSet<string> { Roles.Senator });
    }

    private async Task<BillView> RegisterAsync(bool urgent = false, DateOnly? received = null, string? english = null)
    {
        var on = received ?? Today.AddDays(-3);
        var outcome = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().RegisterAsync(
            new RegisterBillRequest(null, "Law on personal data", on.AddDays(-1), on, urgent, false, BillText, english), Clerk, CancellationToken.None));
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        return outcome.Value!;
    }

    private Task<Outcome<BillView>> RecordAsync(Guid bill, RecordStageRequest request) =>
        InScopeAsync(sp => sp.GetRequiredService<IBillBook>().RecordStageAsync(bill, request, null, Clerk, CancellationToken.None));

    [Fact]
    public async Task A_bill_goes_through_two_rounds_to_promulgation_and_the_legal_database()
    {
        var bill = await RegisterAsync(received: Today.AddDays(-20));
        Assert.Matches(@"^\d{4}/\d{4}$", bill.Number);
        Assert.Equal(bill.ReceivedOn.AddMonths(1), bill.Deadline.DeadlineOn);
        Assert.StartsWith("/akn/kh/bill/", bill.WorkUri, StringComparison.Ordinal);
        Assert.Single(bill.Versions);

        Assert.True((await RecordAsync(bill.Id, Stage(BillStage.PermanentCommittee, Today.AddDays(-19)))).IsOk);
        var referral = await RecordAsync(bill.Id, Stage(BillStage.ReferredToCommission, Today.AddDays(-18)) with { Commission = "commission-2" });
        Assert.Equal("commission-2", referral.Value!.Commission!.Code);
        var amended = BillText.Replace("ក្រសួងត្រូវរក្សាការសម្ងាត់ទិន្នន័យ។", "ក្រសួង និងស្ថាប័នត្រូវរក្សាការសម្ងាត់ទិន្នន័យ។", StringComparison.Ordinal);
        var report = await RecordAsync(bill.Id, Stage(BillStage.CommissionReport, Today.AddDays(-15)) with { Text = amended, Note = "Recommends one amendment to Article 2." });
        Assert.True(report.IsOk, string.Join("; ", report.Errors.SelectMany(e => e.Value)));
        Assert.Equal(2, report.Value!.Versions.Count(v => v.Language == "khm"));
        Assert.True((await RecordAsync(bill.Id, Stage(BillStage.PlenaryDebate, Today.AddDays(-14)))).IsOk);
        Assert.True((await RecordAsync(bill.Id, Stage(BillStage.PlenaryVote, Today.AddDays(-14)) with { VotesFor = 50, VotesAgainst = 3, VotesAbstaining = 2 })).IsOk);
        var decided = await RecordAsync(bill.Id, Stage(BillStage.Decision, Today.AddDays(-14)) with { Decision = BillDecision.ApprovedWithAmendments });
        Assert.True(decided.IsOk);
        Assert.Equal(DeadlineLevel.Closed, decided.Value!.Deadline.Level);

        // The decision is recorded once per round.
        var again = await RecordAsync(bill.Id, Stage(BillStage.Decision) with { Decision = BillDecision.Rejected });
        Assert.Equal(OutcomeKind.Conflict, again.Kind);

        Assert.True((await RecordAsync(bill.Id, Stage(BillStage.ReturnedToAssembly, Today.AddDays(-13)))).IsOk);
        Assert.True((await RecordAsync(bill.Id, Stage(BillStage.AssemblySecondReading, Today.AddDays(-10)))).IsOk);
        var round2 = await RecordAsync(bill.Id, Stage(BillStage.Received, Today.AddDays(-9)) with { ReceivedOn = Today.AddDays(-9) });
        Assert.True(round2.IsOk, string.Join("; ", round2.Errors.SelectMany(e => e.Value)));
        Assert.Equal(2, round2.Value!.Round);
        Assert.Equal(Today.AddDays(-9).AddMonths(1), round2.Value.Deadline.DeadlineOn);
        Assert.Null(round2.Value.Decision);
        foreach (var s in new[] { BillStage.PermanentCommittee, BillStage.PlenaryDebate, BillStage.PlenaryVote })
        {
            var r = await RecordAsync(bill.Id, Stage(s, Today.AddDays(-8)) with { VotesFor = 55, VotesAgainst = 0, VotesAbstaining = 0 });
            Assert.True(r.IsOk, s + ": " + r.Message + string.Join("; ", r.Errors.SelectMany(e => e.Value)));
        }

        Assert.True((await RecordAsync(bill.Id, Stage(BillStage.Decision, Today.AddDays(-8)) with { Decision = BillDecision.ApprovedWithoutAmendment })).IsOk);
        Assert.True((await RecordAsync(bill.Id, Stage(BillStage.ReturnedToAssembly, Today.AddDays(-7)))).IsOk);
        var promulgated = await RecordAsync(bill.Id, Stage(BillStage.Promulgated, Today.AddDays(-5)) with { LawNumber = "NS/RKM/1126/007" });
        Assert.True(promulgated.IsOk, promulgated.Message);
        Assert.Equal($"/akn/kh/act/{Today.AddDays(-5):yyyy-MM-dd}/ns-rkm-1126-007", promulgated.Value!.ActWorkUri);
        var published = await RecordAsync(bill.Id, Stage(BillStage.Published, Today.AddDays(-2)) with { GazetteReference = "No. 45" });
        Assert.True(published.IsOk);
        Assert.Empty(published.Value!.NextStages);
        Assert.Equal(17, published.Value.Events.Count);

        var act = await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().GetActAsync(promulgated.Value.ActWorkUri!, CancellationToken.None));
        Assert.Equal("No. 45", act!.GazetteReference);
        Assert.Equal(bill.Number, act.BillNumber);
        var text = await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().ResolveAsync(act.WorkUri, null, null, CancellationToken.None));
        Assert.Contains("ក្រសួង និងស្ថាប័នត្រូវរក្សាការសម្ងាត់ទិន្នន័យ", text!.Xml, StringComparison.Ordinal);
        Assert.Empty(AknSchema.Validate(text.Xml));
    }

    [Fact]
    public async Task Stages_out_of_order_and_bad_stage_input_change_nothing()
    {
        var bill = await RegisterAsync();
        var skip = await RecordAsync(bill.Id, Stage(BillStage.PlenaryVote) with { VotesFor = 1, VotesAgainst = 0, VotesAbstaining = 0 });
        Assert.Equal(OutcomeKind.Conflict, skip.Kind);
        Assert.Contains("ReferredToCommission", skip.Message, StringComparison.Ordinal);

        var noCommission = await RecordAsync(bill.Id, Stage(BillStage.ReferredToCommission) with { Commission = "commission-99" });
        Assert.True(noCommission.Errors.ContainsKey("commission"));
        var future = await RecordAsync(bill.Id, Stage(BillStage.PermanentCommittee, Today.AddDays(3)));
        Assert.True(future.Errors.ContainsKey("occurredOn"));
        var beforeReceipt = await RecordAsync(bill.Id, Stage(BillStage.PermanentCommittee, bill.ReceivedOn.AddDays(-1)));
        Assert.True(beforeReceipt.Errors.ContainsKey("occurredOn"));

        var after = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().GetAsync(bill.Id, CancellationToken.None));
        Assert.Equal(BillStage.Received, after!.Stage);
        var open = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().ListAsync(true, null, 1, 50, CancellationToken.None));
        Assert.Contains(open, b => b.Id == bill.Id);
        Assert.Single(after.Events);
        Assert.Equal(bill.Revision, after.Revision);

        await RecordAsync(bill.Id, Stage(BillStage.ReferredToCommission) with { Commission = "commission-1" });
        await RecordAsync(bill.Id, Stage(BillStage.CommissionReport));
        await RecordAsync(bill.Id, Stage(BillStage.PlenaryDebate));
        var badVote = await RecordAsync(bill.Id, Stage(BillStage.PlenaryVote) with { VotesFor = 60, VotesAgainst = 5, VotesAbstaining = -1 });
        Assert.True(badVote.Errors.ContainsKey("votesFor"));
        Assert.True(badVote.Errors.ContainsKey("votesAbstaining"));
        await RecordAsync(bill.Id, Stage(BillStage.PlenaryVote) with { VotesFor = 40, VotesAgainst = 5, VotesAbstaining = 1 });
        var amendWithoutText = await RecordAsync(bill.Id, Stage(BillStage.Decision) with { Decision = BillDecision.ApprovedWithAmendments });
        Assert.True(amendWithoutText.Errors.ContainsKey("text"));
        var badText = await RecordAsync(bill.Id, Stage(BillStage.Decision) with { Decision = BillDecision.ApprovedWithAmendments, Text = "title only\nno articles here" });
        Assert.True(badText.Errors.ContainsKey("text"));
        var none = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().GetAsync(bill.Id, CancellationToken.None));
        Assert.Equal(BillStage.PlenaryVote, none!.Stage);
        Assert.Null(none.Decision);

        // "Open" means before the decision in the procedure's order (stages are stored by name).
        Assert.Contains(await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().ListAsync(true, null, 1, 50, CancellationToken.None)), b => b.Id == bill.Id);
        await RecordAsync(bill.Id, Stage(BillStage.Decision) with { Decision = BillDecision.Rejected });
        var stillOpen = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().ListAsync(true, null, 1, 50, CancellationToken.None));
        Assert.DoesNotContain(stillOpen, b => b.Id == bill.Id);
        Assert.All(stillOpen, b => Assert.True(BillProcedure.IsUnderReview(b.Stage)));
    }

    [Fact]
    public async Task A_bad_text_registers_nothing_and_takes_no_number()
    {
        var before = await InScopeAsync(async sp => await sp.GetRequiredService<LegislationDbContext>().Bills.CountAsync());
        var bills = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().RegisterAsync(
            new RegisterBillRequest("ច្បាប់", null, Today, Today, false, false, "ច្បាប់\nមាត្រា ១\nក\nមាត្រា ១\nខ", null), Clerk, CancellationToken.None));
        Assert.Equal(OutcomeKind.Invalid, bills.Kind);
        Assert.Contains(bills.Errors["text"], m => m.Contains("line", StringComparison.OrdinalIgnoreCase));
        var akn = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().RegisterAsync(
            new RegisterBillRequest("ច្បាប់", null, Today, Today, false, false, "<akomaNtoso xmlns=\"urn:wrong\"><act/></akomaNtoso>", null), Clerk, CancellationToken.None));
        Assert.Equal(OutcomeKind.Invalid, akn.Kind);
        var dates = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().RegisterAsync(
            new RegisterBillRequest("ច្បាប់", null, Today, Today.AddDays(-1), false, false, BillText, null), Clerk, CancellationToken.None));
        Assert.True(dates.Errors.ContainsKey("receivedOn"));
        Assert.Equal(before, await InScopeAsync(async sp => await sp.GetRequiredService<LegislationDbContext>().Bills.CountAsync()));
        var good = await RegisterAsync();
        Assert.EndsWith("/0001", good.Number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Senators_comment_article_by_article_and_the_commission_answers()
    {
        var bill = await RegisterAsync();
        var senator = await SenatorAsync(null);
        var chair = await SenatorAsync("commission-3");
        Outcome<CommentView> Comment(string eId, string body) => InScopeAsync(sp => sp.GetRequiredService<IBillBook>()
            .CommentAsync(bill.Id, new CommentRequest(eId, body), senator, CancellationToken.None)).GetAwaiter().GetResult();

        var c1 = Comment("art_3", "សូមបន្ថែមរយៈពេលឆ្លើយតប។");
        Assert.True(c1.IsOk, c1.Message + string.Join("; ", c1.Errors.SelectMany(e => e.Value)));
        Assert.Equal("art_3", c1.Value!.ArticleEId);
        Assert.True(Comment("art_1", "=cmd|' /C calc'!A0").IsOk);
        Assert.True(Comment("art_1", "@SUM(1)").IsOk);
        Assert.True(Comment("art_1", "\uFF1DHYPERLINK(\"http://x\",\"y\")").IsOk);
        var missing = Comment("art_99", "No such article");
        Assert.True(missing.Errors.ContainsKey("articleEId"));
        Assert.True(Comment("art_1", "  ").Errors.ContainsKey("body"));
        var clerkComment = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().CommentAsync(bill.Id, new CommentRequest("art_1", "x"), Clerk, CancellationToken.None));
        Assert.Equal(OutcomeKind.Conflict, clerkComment.Kind);

        // Before a referral there is no commission to answer.
        var early = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().AnswerAsync(bill.Id, c1.Value.Id, new AnswerRequest("Noted"), chair, CancellationToken.None));
        Assert.Equal(OutcomeKind.Conflict, early.Kind);
        await RecordAsync(bill.Id, Stage(BillStage.ReferredToCommission) with { Commission = "commission-3" });
        var notLeader = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().AnswerAsync(bill.Id, c1.Value.Id, new AnswerRequest("Noted"), senator, CancellationToken.None));
        Assert.Equal(OutcomeKind.Conflict, notLeader.Kind);
        var answered = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().AnswerAsync(bill.Id, c1.Value.Id, new AnswerRequest("គណៈកម្មការយល់ព្រម។"), chair, CancellationToken.None));
        Assert.True(answered.IsOk, answered.Message);
        Assert.Equal("commission-3", answered.Value!.AnswerBody!.Code);

        var list = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().CommentsAsync(bill.Id, null, CancellationToken.None));
        Assert.Equal(["art_1", "art_1", "art_1", "art_3"], list.Select(c => c.ArticleEId));
        var csv = await InScopeAsync(sp => ExportComments.HandleAsync(bill.Id, sp.GetRequiredService<LegislationDbContext>(), CancellationToken.None));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Equal("article_eid,article,senator_km,senator_latin,comment,commented_at,commission,answer,answered_at", lines[0]);
        // Each comment that starts like a formula is written with a leading apostrophe: a spreadsheet shows it as text.
        Assert.Single(lines, l => l.Contains(",'=cmd|' /C calc'!A0,", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains(",'@SUM(1),", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains(",\"'\uFF1DHYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal) || l.Contains(",@", StringComparison.Ordinal));
        Assert.Contains("គណៈកម្មការយល់ព្រម។", lines[4], StringComparison.Ordinal);

        // After the decision comments are closed.
        foreach (var s in new[] { BillStage.CommissionReport, BillStage.PlenaryDebate })
        {
            await RecordAsync(bill.Id, Stage(s));
        }

        await RecordAsync(bill.Id, Stage(BillStage.PlenaryVote) with { VotesFor = 1, VotesAgainst = 0, VotesAbstaining = 0 });
        await RecordAsync(bill.Id, Stage(BillStage.Decision) with { Decision = BillDecision.Rejected });
        Assert.Equal(OutcomeKind.Conflict, Comment("art_1", "late").Kind);
    }

    [Fact]
    public async Task The_legal_database_keeps_point_in_time_versions_and_search_follows_it()
    {
        var laws = (Func<LegalDatabase, Task<Outcome<ActView>>> f) => InScopeAsync(sp => f(sp.GetRequiredService<LegalDatabase>()));
        var constitution = await laws(l => l.ImportActAsync(new ImportActRequest(Demo.DemoLegislation.ConstitutionKm, null, new DateOnly(1993, 9, 24), "constitution", null, null, "Constitution", null, null), Clerk, CancellationToken.None));
        Assert.True(constitution.IsOk, string.Join("; ", constitution.Errors.SelectMany(e => e.Value)));
        Assert.Equal("/akn/kh/act/constitution/1993-09-24/constitution", constitution.Value!.WorkUri);
        var english = await laws(l => l.ImportActAsync(new ImportActRequest(Demo.DemoLegislation.ConstitutionEn, "constitution", new DateOnly(1993, 9, 24), "constitution", "eng", null, null, null, null), Clerk, CancellationToken.None));
        Assert.True(english.IsOk, string.Join("; ", english.Errors.SelectMany(e => e.Value)));
        var twice = await laws(l => l.ImportActAsync(new ImportActRequest(Demo.DemoLegislation.ConstitutionKm, null, new DateOnly(1993, 9, 24), "constitution", null, null, null, null, null), Clerk, CancellationToken.None));
        Assert.Equal(OutcomeKind.Conflict, twice.Kind);
        var amending = await laws(l => l.ImportActAsync(new ImportActRequest(Demo.DemoLegislation.AmendingLawKm, "1999/1", new DateOnly(1999, 3, 8), null, null, null, null, null, null), Clerk, CancellationToken.None));
        Assert.True(amending.IsOk);

        var bad = await laws(l => l.AmendAsync(constitution.Value.WorkUri, new AmendActRequest(amending.Value!.WorkUri, new DateOnly(1999, 3, 8),
            [new ArticleChange("art_9", AmendmentKind.Replace, Demo.DemoLegislation.NewArticle3Km, null)], null), Clerk, CancellationToken.None));
        Assert.True(bad.Errors.ContainsKey("changes[0].articleEId"));
        var amended = await laws(l => l.AmendAsync(constitution.Value.WorkUri, new AmendActRequest(amending.Value!.WorkUri, new DateOnly(1999, 3, 8),
        [
            new ArticleChange("art_3", AmendmentKind.Replace, Demo.DemoLegislation.NewArticle3Km, null),
            new ArticleChange("art_4", AmendmentKind.Repeal, null, null),
            new ArticleChange("art_2bis", AmendmentKind.Insert, "មាត្រា ២ ស្ទួន\nរាជធានីភ្នំពេញជារាជធានីនៃព្រះរាជាណាចក្រកម្ពុជា។", "art_2"),
        ], null), Clerk, CancellationToken.None));
        Assert.True(amended.IsOk, string.Join("; ", amended.Errors.SelectMany(e => e.Value)) + amended.Message);
        Assert.Equal(3, amended.Value!.Amendments.Count);
        Assert.All(amended.Value.Amendments, a => Assert.Equal(amending.Value!.WorkUri, a.AmendingWorkUri));

        var db = (Func<LegalDatabase, Task<TextEntity?>> f) => InScopeAsync(sp => f(sp.GetRequiredService<LegalDatabase>()));
        var in1995 = await db(l => l.ResolveAsync(constitution.Value.WorkUri, null, new DateOnly(1995, 1, 1), CancellationToken.None));
        var now = await db(l => l.ResolveAsync(constitution.Value.WorkUri, null, null, CancellationToken.None));
        Assert.EndsWith("/khm@", in1995!.ExpressionUri, StringComparison.Ordinal);
        Assert.EndsWith("/khm@1999-03-08", now!.ExpressionUri, StringComparison.Ordinal);
        Assert.Contains("រដ្ឋសភាជាស្ថាប័នតែមួយគត់", in1995.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("រដ្ឋសភាជាស្ថាប័នតែមួយគត់", now.Xml, StringComparison.Ordinal);
        Assert.Empty(AknSchema.Validate(now.Xml));
        var view = await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().ToViewAsync(now, CancellationToken.None));
        Assert.Equal(["art_1", "art_2", "art_2bis", "art_3"], view.Articles.Select(a => a.EId));
        var englishIn1995 = await db(l => l.ResolveAsync(constitution.Value.WorkUri, "eng", new DateOnly(1995, 1, 1), CancellationToken.None));
        Assert.NotNull(englishIn1995);
        Assert.Null(await db(l => l.ResolveAsync(constitution.Value.WorkUri, "eng", null, CancellationToken.None)));

        var comparison = await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().CompareAsync(in1995.ExpressionUri, now.ExpressionUri, CancellationToken.None));
        Assert.True(comparison.IsOk);
        Assert.Equal(
            new[] { ("art_1", ArticleStatus.Unchanged), ("art_2", ArticleStatus.Unchanged), ("art_2bis", ArticleStatus.Added), ("art_3", ArticleStatus.Changed), ("art_4", ArticleStatus.Removed) },
            comparison.Value!.Articles.Select(a => (a.EId, a.Status)));
        Assert.Equal((2, 1, 1, 1), (comparison.Value.Summary.Unchanged, comparison.Value.Summary.Changed, comparison.Value.Summary.Added, comparison.Value.Summary.Removed));

        // The metadata says who made each version and what happened to the law: the Constituent
        // Assembly's original, the Senate's consolidation after the amending law, named in the lifecycle.
        var (original, consolidated) = (XDocument.Parse(in1995.Xml), XDocument.Parse(now.Xml));
        Assert.Equal("#constituentAssembly", WorkAuthor(original));
        Assert.Equal("#constituentAssembly", ExpressionAuthor(original));
        Assert.Equal("#senate", ExpressionAuthor(consolidated));
        Assert.Equal(new[] { ("1993-09-24", "generation") }, Lifecycle(original).Select(e => (e.Date, e.Type)));
        Assert.Equal(new (string, string, string?)[] { ("1993-09-24", "generation", null), ("1999-03-08", "amendment", amending.Value!.WorkUri) }, Lifecycle(consolidated));
        var englishNow = await laws(l => l.ImportActAsync(new ImportActRequest(Demo.DemoLegislation.ConstitutionEn.Replace("The National Assembly is the only body holding legislative power.", "Legislative power belongs to the National Assembly and the Senate.", StringComparison.Ordinal), "constitution", new DateOnly(1993, 9, 24), "constitution", "eng", new DateOnly(2000, 1, 1), null, null, null), Clerk, CancellationToken.None));
        Assert.True(englishNow.IsOk, string.Join("; ", englishNow.Errors.SelectMany(e => e.Value)) + englishNow.Message);
        var translated = await db(l => l.ResolveAsync(constitution.Value.WorkUri, "eng", null, CancellationToken.None));
        Assert.EndsWith("/eng@1999-03-08", translated!.ExpressionUri, StringComparison.Ordinal);
        Assert.Equal(Lifecycle(consolidated), Lifecycle(XDocument.Parse(translated.Xml)));
        Assert.Empty(AknSchema.Validate(translated.Xml));

        // The search index follows the database: today's text has the new Article 3, 1995's the old.
        var feeder = _services.GetRequiredService<SearchFeeder>();
        await feeder.SyncAsync(null, CancellationToken.None);
        var index = _services.GetRequiredService<LegalSearchIndex>();
        Assert.Equal(0, index.Search(new SearchQuery("ស្ថាប័នតែមួយគត់")).Total);
        Assert.Equal(1, index.Search(new SearchQuery("ស្ថាប័នតែមួយគត់") { AsOf = new DateOnly(1995, 1, 1) }).Total);
        var senate = index.Search(new SearchQuery("ព្រឹទ្ធសភា"));
        Assert.Contains(senate.Hits, h => h.ExpressionUri == now.ExpressionUri && h.EId == "art_3");
        Assert.Equal(1, index.Search(new SearchQuery("legislative power") { AsOf = new DateOnly(1995, 1, 1), Language = "eng" }).Total);

        // A later change reaches the index through the outbox.
        var bill = await RegisterAsync();
        await feeder.SyncAsync(null, CancellationToken.None);
        Assert.Contains(index.Search(new SearchQuery("សិទ្ធិស្នើកែតម្រូវ")).Hits, h => h.ExpressionUri.StartsWith(bill.WorkUri, StringComparison.Ordinal));
    }

    private static XElement Meta(XDocument doc, string frbr) => doc.Descendants(Akn + frbr).Single();

    private static string? WorkAuthor(XDocument doc) => Meta(doc, "FRBRWork").Element(Akn + "FRBRauthor")?.Attribute("href")?.Value;

    private static string? ExpressionAuthor(XDocument doc) => Meta(doc, "FRBRExpression").Element(Akn + "FRBRauthor")?.Attribute("href")?.Value;

    /// <summary>The lifecycle's events: date, type and the href of the document that caused it (null: the text itself).</summary>
    private static List<(string Date, string Type, string? Source)> Lifecycle(XDocument doc) =>
        doc.Descendants(Akn + "eventRef").Select(e =>
        {
            var source = e.Attribute("source")!.Value;
            var href = source == "#original" ? null : doc.Descendants(Akn + "passiveRef").Single(p => "#" + p.Attribute("eId")!.Value == source).Attribute("href")!.Value;
            return (e.Attribute("date")!.Value, e.Attribute("type")!.Value, href);
        }).ToList();

    private async Task<BillView> ThroughPlenaryAsync(Guid bill, DateOnly from, string? text, string? textEn, BillDecision decision)
    {
        Assert.True((await RecordAsync(bill, Stage(BillStage.ReferredToCommission, from) with { Commission = "commission-2" })).IsOk);
        var report = await RecordAsync(bill, Stage(BillStage.CommissionReport, from.AddDays(1)) with { Text = text, TextEn = textEn });
        Assert.True(report.IsOk, string.Join("; ", report.Errors.SelectMany(e => e.Value)) + report.Message);
        Assert.True((await RecordAsync(bill, Stage(BillStage.PlenaryDebate, from.AddDays(2)))).IsOk);
        Assert.True((await RecordAsync(bill, Stage(BillStage.PlenaryVote, from.AddDays(2)) with { VotesFor = 50, VotesAgainst = 3, VotesAbstaining = 2 })).IsOk);
        var decided = await RecordAsync(bill, Stage(BillStage.Decision, from.AddDays(2)) with { Decision = decision });
        Assert.True(decided.IsOk, string.Join("; ", decided.Errors.SelectMany(e => e.Value)) + decided.Message);
        Assert.True((await RecordAsync(bill, Stage(BillStage.ReturnedToAssembly, from.AddDays(3)))).IsOk);
        if (decision == BillDecision.ApprovedWithAmendments)
        {
            Assert.True((await RecordAsync(bill, Stage(BillStage.AssemblySecondReading, from.AddDays(4)))).IsOk);
        }

        return decided.Value!;
    }

    private async Task<(TextEntity Khmer, TextEntity? English)> PromulgateAsync(Guid bill, DateOnly on, string number)
    {
        var promulgated = await RecordAsync(bill, Stage(BillStage.Promulgated, on) with { LawNumber = number });
        Assert.True(promulgated.IsOk, promulgated.Message + string.Join("; ", promulgated.Errors.SelectMany(e => e.Value)));
        var uri = promulgated.Value!.ActWorkUri!;
        var khmer = await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().ResolveAsync(uri, "khm", null, CancellationToken.None));
        var english = await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().ResolveAsync(uri, "eng", null, CancellationToken.None));
        Assert.Empty(AknSchema.Validate(khmer!.Xml));
        Assert.Equal("#nationalAssembly", WorkAuthor(XDocument.Parse(khmer.Xml)));
        Assert.Equal(new (string, string, string?)[] { (FrbrUri.FormatDate(on), "generation", null) }, Lifecycle(XDocument.Parse(khmer.Xml)));
        return (khmer, english);
    }

    [Fact]
    public async Task The_law_promulgated_is_the_text_the_senate_decided_on_with_only_a_translation_of_that_text()
    {
        // The commission amends the Khmer; the English sent with the bill translates the Assembly's version.
        var a = await RegisterAsync(received: Today.AddDays(-20), english: BillTextEn);
        var original = await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().ResolveAsync(a.WorkUri, "eng", null, CancellationToken.None));
        Assert.Contains("Ministries keep", original!.Xml, StringComparison.Ordinal);
        Assert.Equal("#nationalAssembly", ExpressionAuthor(XDocument.Parse((await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().ResolveAsync(a.WorkUri, "khm", null, CancellationToken.None)))!.Xml)));

        // An English text alone is not a version: refused, nothing written.
        var lone = await RecordAsync(a.Id, Stage(BillStage.PermanentCommittee, Today.AddDays(-19)) with { TextEn = AmendedEn });
        Assert.True(lone.Errors.ContainsKey("textEn"));
        var unchanged = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().GetAsync(a.Id, CancellationToken.None));
        Assert.Equal((BillStage.Received, 2), (unchanged!.Stage, unchanged.Versions.Count));

        var decided = await ThroughPlenaryAsync(a.Id, Today.AddDays(-19), AmendedKm, null, BillDecision.ApprovedWithAmendments);
        var amendedVersion = await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().ResolveAsync(a.WorkUri, "khm", null, CancellationToken.None));
        Assert.Equal(decided.CurrentTextId, amendedVersion!.Id);
        Assert.Equal("#senate", ExpressionAuthor(XDocument.Parse(amendedVersion.Xml)));
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<LegalDatabase>().ResolveAsync(a.WorkUri, "eng", null, CancellationToken.None)));
        var (lawA, englishA) = await PromulgateAsync(a.Id, Today.AddDays(-10), "NS/RKM/1126/021");
        Assert.Contains("ក្រសួង និងស្ថាប័នត្រូវរក្សា", lawA.Xml, StringComparison.Ordinal);
        Assert.Null(englishA);

        // The commission's version comes with its translation: the law carries that translation.
        var b = await RegisterAsync(received: Today.AddDays(-20), english: BillTextEn);
        await ThroughPlenaryAsync(b.Id, Today.AddDays(-19), AmendedKm, AmendedEn, BillDecision.ApprovedWithAmendments);
        var (lawB, englishB) = await PromulgateAsync(b.Id, Today.AddDays(-10), "NS/RKM/1126/022");
        Assert.Contains("ក្រសួង និងស្ថាប័នត្រូវរក្សា", lawB.Xml, StringComparison.Ordinal);
        Assert.Contains("Ministries and institutions keep", englishB!.Xml, StringComparison.Ordinal);
        Assert.Empty(AknSchema.Validate(englishB.Xml));

        // The plenary approves without amendment although the commission proposed one: the law is
        // the Assembly's text, with the Assembly's translation.
        var c = await RegisterAsync(received: Today.AddDays(-20), english: BillTextEn);
        var asIs = await ThroughPlenaryAsync(c.Id, Today.AddDays(-19), AmendedKm, null, BillDecision.ApprovedWithoutAmendment);
        Assert.Equal(c.CurrentTextId, asIs.CurrentTextId);
        var (lawC, englishC) = await PromulgateAsync(c.Id, Today.AddDays(-10), "NS/RKM/1126/023");
        Assert.Contains("ក្រសួងត្រូវរក្សាការសម្ងាត់", lawC.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("ស្ថាប័នត្រូវរក្សា", lawC.Xml, StringComparison.Ordinal);
        Assert.Contains("Ministries keep", englishC!.Xml, StringComparison.Ordinal);

        // A decision without amendments takes no text.
        var d = await RegisterAsync(received: Today.AddDays(-20));
        Assert.True((await RecordAsync(d.Id, Stage(BillStage.PermanentCommittee, Today.AddDays(-19)))).IsOk);
        Assert.True((await RecordAsync(d.Id, Stage(BillStage.PlenaryDebate, Today.AddDays(-18)))).IsOk);
        Assert.True((await RecordAsync(d.Id, Stage(BillStage.PlenaryVote, Today.AddDays(-18)) with { VotesFor = 40, VotesAgainst = 20, VotesAbstaining = 0 })).IsOk);
        var withText = await RecordAsync(d.Id, Stage(BillStage.Decision, Today.AddDays(-18)) with { Decision = BillDecision.Rejected, Text = AmendedKm });
        Assert.True(withText.Errors.ContainsKey("text"));
    }

    [Fact]
    public async Task The_senate_has_its_62_seats_and_a_seat_frees_when_a_mandate_ends()
    {
        var senators = await InScopeAsync(sp => sp.GetRequiredService<ISenateRoster>().SenatorsAsync(CancellationToken.None));
        Assert.Equal(62, senators.Count);
        Assert.Equal(58, senators.Count(s => s.Seat == SeatKind.Elected));
        Assert.Equal(2, senators.Count(s => s.Seat == SeatKind.AppointedByKing));
        Assert.Equal(2, senators.Count(s => s.Seat == SeatKind.ElectedByNationalAssembly));
        var bodies = await InScopeAsync(sp => sp.GetRequiredService<ISenateRoster>().BodiesAsync(CancellationToken.None));
        Assert.Equal(11, bodies.Count);
        Assert.All(bodies.Where(b => b.Kind == BodyKind.Commission), b => Assert.Single(b.Members, m => m.Role == MemberRole.Chair));

        var request = new NewSenatorRequest("ទេព សុភា", "Tep Sophea", SeatKind.AppointedByKing, null, null, null, null);
        var full = await InScopeAsync(sp => sp.GetRequiredService<ISenateRoster>().AddSenatorAsync(request, Clerk, CancellationToken.None));
        Assert.True(full.Errors.ContainsKey("seat"));

        var commenter = await SenatorAsync(null);
        var leaving = await InScopeAsync(async sp => await sp.GetRequiredService<LegislationDbContext>().Senators.Where(s => s.StaffUserId == commenter.Id).Select(s => s.Id).SingleAsync());
        var noReason = await InScopeAsync(sp => sp.GetRequiredService<ISenateRoster>().EndMandateAsync(leaving, new EndMandateRequest(Today, " "), Clerk, CancellationToken.None));
        Assert.True(noReason.Errors.ContainsKey("reason"));
        var ended = await InScopeAsync(sp => sp.GetRequiredService<ISenateRoster>().EndMandateAsync(leaving, new EndMandateRequest(Today.AddDays(-1), "Resigned"), Clerk, CancellationToken.None));
        Assert.True(ended.IsOk);
        var bill = await RegisterAsync();
        var late = await InScopeAsync(sp => sp.GetRequiredService<IBillBook>().CommentAsync(bill.Id, new CommentRequest("art_1", "x"), commenter, CancellationToken.None));
        Assert.Equal(OutcomeKind.Conflict, late.Kind);

        var seatOfLeaver = (await InScopeAsync(sp => sp.GetRequiredService<LegislationDbContext>().Mandates.SingleAsync(m => m.SenatorId == leaving))).Seat;
        var successor = await InScopeAsync(sp => sp.GetRequiredService<ISenateRoster>().AddSenatorAsync(request with { Seat = seatOfLeaver }, Clerk, CancellationToken.None));
        Assert.True(successor.IsOk, string.Join("; ", successor.Errors.SelectMany(e => e.Value)));
        Assert.Equal(62, (await InScopeAsync(sp => sp.GetRequiredService<ISenateRoster>().SenatorsAsync(CancellationToken.None))).Count);
    }
}

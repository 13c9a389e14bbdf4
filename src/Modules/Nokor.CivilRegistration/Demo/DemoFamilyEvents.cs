using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.CourtDecisions;
using Nokor.CivilRegistration.Generation;
using Nokor.Platform.Pdf;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Demo;

/// <summary>
/// Demo family events, made through the real procedure by the generator from the demo population:
/// months of marriages (the older ones registered late, as the procedure decides), divorces of
/// some of them, adoptions, recognitions of children by their fathers, stillbirths and a change of
/// name or two, with one of each still waiting for a second staff member's verification, so that
/// every queue, the linked histories and the marriage and divorce tables have something to show;
/// then two court decisions sent by the courts' system and waiting in the registrars' inbox (a
/// divorce of a demo marriage and a change of name).
/// </summary>
internal static class DemoFamilyEvents
{
    public const int Marriages = 10;
    public const int Divorces = 3;
    public const int Adoptions = 3;
    public const int FoetalDeaths = 4;
    public const int Recognitions = 2;
    public const int NameChanges = 2;
    /// <summary>One of each kind waits after entry.</summary>
    public const int Pending = 1;
    /// <summary>The events are spread over about five months.</summary>
    public const int SpreadDays = 150;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(r => r.Event != VitalEvent.Birth && r.Event != VitalEvent.Death, ct))
            {
                return;
            }
        }

        var generator = new FamilyGenerator(services, services.GetRequiredService<TimeProvider>(), SpreadDays);
        var random = new Random(2017);
        await generator.GenerateAsync(Marriages, Divorces, Adoptions, random, () => { }, ct, Pending);
        await generator.FoetalDeathsAsync(FoetalDeaths, random, ct, Pending);
        await generator.RecognitionsAsync(Recognitions, random, ct, Pending);
        await generator.NameChangesAsync(NameChanges, random, ct, Pending);
        await CourtDecisionsAsync(services, random, ct);
    }

    /// <summary>The courts' system account of the demo.</summary>
    private static readonly Actor CourtSystem = new("system", "demo:courts-system", null, Jurisdiction.National, new HashSet<string> { Roles.Court });

    /// <summary>
    /// A divorce of a demo marriage in force and a change of name of a demo adult, each with its
    /// decision's PDF, received through the same door as the courts' system's requests.
    /// </summary>
    private static async Task CourtDecisionsAsync(IServiceProvider services, Random random, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var today = Nokor.Platform.Dates.CambodiaTime.Today(sp.GetRequiredService<TimeProvider>());
        var inbox = sp.GetRequiredService<ICourtDecisions>();
        var marriage = await sp.GetRequiredService<CivilDbContext>().Marriages.AsNoTracking()
            .Where(m => m.State == MarriageState.InForce).OrderBy(m => m.Number).FirstOrDefaultAsync(ct);
        if (marriage is not null)
        {
            var decided = today.AddDays(-12);
            await ReceiveAsync(inbox, new CourtDecisionInput
            {
                Kind = nameof(CourtDecisionKind.Divorce),
                Court = CourtOf(marriage.OfficeCode),
                CaseNumber = $"{random.Next(100, 9999)}/{decided.Year}",
                DecisionDate = decided.ToString("yyyy-MM-dd"),
                EffectiveDate = today.AddDays(-2).ToString("yyyy-MM-dd"),
                Dissolution = new CourtDissolution { MarriageNumber = marriage.Number, Petitioner = "wife", DependentChildren = 1 },
            }, $"Divorce of the marriage {marriage.Number}: {marriage.HusbandName} and {marriage.WifeName}", ct);
        }

        var person = (await sp.GetRequiredService<IPopulationSamples>().LivingAsync(1, 25, ct)).FirstOrDefault();
        if (person is not null)
        {
            var given = sp.GetRequiredService<IPopulationSamples>().GivenName(person.Sex, random);
            var decided = today.AddDays(-5);
            await ReceiveAsync(inbox, new CourtDecisionInput
            {
                Kind = nameof(CourtDecisionKind.NameChange),
                Court = CourtOf(person.ResidenceVillageCode),
                CaseNumber = $"{random.Next(100, 9999)}/{decided.Year}",
                DecisionDate = decided.ToString("yyyy-MM-dd"),
                EffectiveDate = decided.ToString("yyyy-MM-dd"),
                NameChange = new CourtNameChange
                {
                    PersonKidc = person.Kidc,
                    NewSurnameKm = person.Identity.SurnameKm,
                    NewGivenNameKm = given.Km,
                    NewSurnameLatin = person.Identity.SurnameLatin,
                    NewGivenNameLatin = given.Latin,
                },
            }, $"Change of name of {person.Identity.SurnameLatin} {person.Identity.GivenNameLatin} to {person.Identity.SurnameLatin} {given.Latin}", ct);
        }
    }

    /// <summary>The court of first instance of the province of an office or a village.</summary>
    private static string CourtOf(string code) =>
        CourtDecisionOptions.DefaultCourts.FirstOrDefault(c => c.AreaCode is { Length: 2 } area && code.StartsWith(area, StringComparison.Ordinal))?.Name ?? "Supreme Court";

    private static async Task ReceiveAsync(ICourtDecisions inbox, CourtDecisionInput decision, string summary, CancellationToken ct)
    {
        var pdf = new PdfDocumentBuilder(new PdfDocumentInfo($"{decision.Court} {decision.CaseNumber}") { Subject = "Demo court decision" })
            .AddPage(page =>
            {
                page.DrawText(decision.Court, 60, 90, new TextStyle(14, Bold: true));
                page.DrawText($"Case {decision.CaseNumber}, decided {decision.DecisionDate}", 60, 115, new TextStyle(11));
                page.DrawParagraph(summary, 60, 140, page.Width - 120, new TextStyle(11));
                page.DrawText("Demo data: not a real judgment.", 60, 200, new TextStyle(9));
            }).ToPdf();
        var received = await inbox.ReceiveAsync(decision, new CourtDecisionFile("decision.pdf", "application/pdf", pdf), CourtSystem, ct);
        // A decision the registry contradicts is stored too (held for review); a refused one is a fault of the demo data.
        if (!received.IsOk)
        {
            throw new InvalidOperationException($"Demo court decision {decision.CaseNumber}: " +
                (received.Message ?? string.Join("; ", received.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
        }
    }
}

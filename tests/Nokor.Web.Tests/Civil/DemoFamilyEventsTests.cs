using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Demo;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.Web.Tests.Civil;

/// <summary>
/// Demo mode's family events: marriages over months, divorces, adoptions, recognitions,
/// stillbirths and changes of name, registered through the procedure with one of each waiting in
/// the verification queue, counted in the published marriage and divorce tables. SQLite, as a
/// fresh machine starts the demo.
/// </summary>
public sealed class DemoFamilyEventsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nokor-tests", "demo-family-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task The_demo_has_every_family_event_some_waiting_and_the_marriage_tables_have_figures()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Nokor:Mode", "Demo");
            builder.UseSetting(DataRoot.Key, _root);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Nokor", "");
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/ready")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var civil = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        var registrations = await civil.Registrations.AsNoTracking().Select(r => new { r.Event, r.Status, r.EventDate }).ToListAsync();
        int Count(VitalEvent e, RegistrationStatus s) => registrations.Count(r => r.Event == e && r.Status == s);

        // One of each kind waits after entry; the others are registered.
        Assert.Equal(DemoFamilyEvents.Marriages - DemoFamilyEvents.Pending, Count(VitalEvent.Marriage, RegistrationStatus.Approved));
        Assert.Equal(DemoFamilyEvents.Pending, Count(VitalEvent.Marriage, RegistrationStatus.Entered));
        Assert.Equal(DemoFamilyEvents.Divorces - DemoFamilyEvents.Pending, Count(VitalEvent.Divorce, RegistrationStatus.Approved));
        Assert.Equal(DemoFamilyEvents.Pending, Count(VitalEvent.Divorce, RegistrationStatus.Entered));
        Assert.Equal(DemoFamilyEvents.Adoptions - DemoFamilyEvents.Pending, Count(VitalEvent.Adoption, RegistrationStatus.Approved));
        Assert.Equal(DemoFamilyEvents.FoetalDeaths - DemoFamilyEvents.Pending, Count(VitalEvent.FoetalDeath, RegistrationStatus.Approved));
        Assert.Equal(DemoFamilyEvents.Recognitions - DemoFamilyEvents.Pending, Count(VitalEvent.Recognition, RegistrationStatus.Approved));
        Assert.Equal(DemoFamilyEvents.NameChanges - DemoFamilyEvents.Pending, Count(VitalEvent.NameChange, RegistrationStatus.Approved));
        Assert.Equal(6, registrations.Where(r => r.Event != VitalEvent.Birth && r.Event != VitalEvent.Death && r.Status == RegistrationStatus.Entered).Count());

        // Months of marriages: the oldest is more than two months old.
        var marriageDates = registrations.Where(r => r.Event == VitalEvent.Marriage).Select(r => r.EventDate).ToList();
        Assert.True(marriageDates.Max().DayNumber - marriageDates.Min().DayNumber > 60, string.Join(", ", marriageDates));

        // The registered divorces ended their marriages in the register.
        Assert.Equal(DemoFamilyEvents.Divorces - DemoFamilyEvents.Pending, await civil.Marriages.CountAsync(m => m.State == MarriageState.Dissolved));

        // Two court decisions wait in the registrars' inbox: a divorce of a marriage in force and a change of name.
        var decisions = await civil.CourtDecisions.AsNoTracking().Select(d => new { d.Kind, d.Status }).ToListAsync();
        Assert.Equal([(CourtDecisionKind.Divorce, CourtDecisionStatus.Received), (CourtDecisionKind.NameChange, CourtDecisionStatus.Received)],
            decisions.Select(d => (d.Kind, d.Status)).OrderBy(d => d.Kind));

        // The statistics count them, and completeness has the demo's expected marriage rate.
        var statistics = scope.ServiceProvider.GetRequiredService<IVitalStatistics>();
        var year = DateTime.UtcNow.AddHours(7).Year;
        var set = await statistics.GetAsync(year, null, null, Actor.Platform("demo-test"), default);
        Assert.True(set.IsOk);
        var thisYear = registrations.Count(r => r.Event == VitalEvent.Marriage && r.Status == RegistrationStatus.Approved && r.EventDate.Year == year);
        Assert.Equal(thisYear, set.Value!.Table("marriages-month")!.Cell("Total", "Total"));
        Assert.NotNull(set.Value.Table("coverage")!.Cell("marriages", "Expected"));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Legislation.Bills;
using Nokor.Legislation.Comments;
using Nokor.Legislation.Data;
using Nokor.Legislation.Public;
using Nokor.Legislation.Senate;
using Nokor.Legislation.Texts;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;

namespace Nokor.Legislation;

/// <summary>
/// The legislative core of the E-Senate (master plan III.1 and VI.5, Priority Objective 2,
/// Activity 1 A-B): bill tracking with the review period of Article 113, senators' comments
/// article by article, the legal database with the Constitution, every text in Akoma Ntoso 3.0.
/// Tables <c>leg_*</c>.
/// </summary>
public static class LegislationModule
{
    public static IServiceCollection AddLegislation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNokorDbContext<LegislationDbContext>(configuration);
        services.AddOptions<LegislationOptions>().Bind(configuration.GetSection(LegislationOptions.Section))
            .Validate(o => o.Problem() is null, "Legislation settings out of range: MaxNestingDepth 1-256, MaxStoredCharacters 1-50,000,000, MaxTextCharacters at least 1.")
            .ValidateOnStart();
        services.AddScoped<BillRecords>();
        services.AddScoped<LegalTexts>();
        services.AddScoped<SenateRecords>();
        services.AddScoped<IBillBook, BillBook>();
        services.AddScoped<LegalDatabase>();
        services.AddScoped<ILegalDatabase>(sp => sp.GetRequiredService<LegalDatabase>());
        services.AddScoped<ILegalSearch, Search.LegalSearch>();
        services.AddScoped<ISenateRoster, SenateRoster>();
        services.AddScoped<BillFeed>();
        services.AddScoped<Platform.Demo.IDemoSeeder, Demo.LegislationDemoSeeder>();
        services.AddHealthChecks().AddCheck<SearchFeederHealthCheck>("legislation-search", tags: ["ready"]);
        services.AddAuthorizationBuilder()
            .AddPolicy(LegislationPolicies.Clerk, p => p.RequireRole(Roles.SenateClerk, Roles.Administrator))
            .AddPolicy(LegislationPolicies.Read, p => p.RequireRole(Roles.SenateClerk, Roles.Senator, Roles.Administrator))
            .AddPolicy(LegislationPolicies.Senator, p => p.RequireRole(Roles.Senator));
        services.AddOptions<Search.LegislationSearchOptions>().Bind(configuration.GetSection(Search.LegislationSearchOptions.Section))
            .PostConfigure(o => o.IndexPath ??= Path.Combine(Nokor.Platform.Hosting.DataRoot.Resolve(configuration), "search", "legislation"));
        services.AddSingleton<Search.LegalSearchIndex>();
        services.AddSingleton(sp => new SearchFeeder(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<Search.LegalSearchIndex>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SearchFeeder>>(),
            TimeSpan.FromMilliseconds(configuration.GetValue("Legislation:Search:PollMilliseconds", 1000)),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Search.LegislationSearchOptions>>().Value.MaxAttempts));
        return services;
    }

    /// <summary>The background work of a host: keeping its search index in step with the database.</summary>
    public static IServiceCollection AddLegislationWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Legislation:Search:Follow", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<SearchFeeder>());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapLegislation(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/legislation").WithTags("Legislation");
        RegisterBill.Map(group);
        ListBills.Map(group);
        GetBill.Map(group);
        RecordBillStage.Map(group);
        AddBillDocument.Map(group);
        GetBillDocument.Map(group);
        ListComments.Map(group);
        ExportComments.Map(group);
        AddComment.Map(group);
        AnswerComment.Map(group);
        ImportAct.Map(group);
        AmendAct.Map(group);
        AddSenator.Map(group);
        EndMandate.Map(group);
        AddBodyMember.Map(group);
        EndBodyMembership.Map(group);
        Search.GetSearchStatus.Map(group);
        Search.RetrySearchFailure.Map(group);

        // The Senate's public face without login (master plan III.3: laws disseminated "through the
        // digital data system (XML)"; Annex 1, open parliament): bills with their stage and deadline,
        // laws and the Constitution at any date, every text as JSON, AKN XML and HTML, and an Atom
        // feed. Nothing here is personal: staff names are not shown, only the bodies that acted.
        var open = endpoints.MapGroup("/api/public/legislation").WithTags("Legislation (public)").AllowAnonymous();
        ListBills.MapPublic(open);
        GetBill.MapPublic(open);
        ListActs.MapPublic(open);
        GetAct.MapPublic(open);
        GetText.MapPublic(open);
        GetTextHtml.MapPublic(open);
        CompareTexts.MapPublic(open);
        Search.SearchLegislation.MapPublic(open);
        BillFeed.MapPublic(open);
        ListSenators.MapPublic(open);
        ListBodies.MapPublic(open);
        ResolveAkn.Map(endpoints);
        return endpoints;
    }
}

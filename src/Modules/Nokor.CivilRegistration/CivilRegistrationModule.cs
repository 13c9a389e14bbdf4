using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Notifications;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration;

/// <summary>Civil registration of births and deaths (NSPI 5.3 goal 2, 6.2): notification, registration, certificates, information.</summary>
public static class CivilRegistrationModule
{
    public static IServiceCollection AddCivilRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNokorDbContext<CivilDbContext>(configuration);
        services.AddOptions<CivilRegistrationOptions>().Bind(configuration.GetSection(CivilRegistrationOptions.Section));
        services.AddScoped<DossierValidator>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<Annexes.AnnexService>();
        services.AddScoped<Corrections.CorrectionService>();
        services.AddScoped<Queues.WorkQueues>();
        services.AddScoped<Information.InformationService>();
        services.AddScoped<Certificates.CertificateComposer>();
        services.AddScoped<Certificates.CertificateService>();
        services.AddSingleton<Certificates.CertificateCheckCodes>();
        services.AddSingleton<Certificates.CertificateCheckAttempts>();
        services.AddScoped<Statistics.StatisticsCalculator>();
        services.AddScoped<Statistics.DenominatorLoader>();
        services.AddScoped<Contracts.IVitalStatistics, Statistics.VitalStatistics>();
        services.AddHostedService<Statistics.VitalFactBackfill>();
        services.AddScoped<ApprovalRecovery>();
        services.AddScoped<Platform.Demo.IDemoSeeder, Demo.CivilDemoSeeder>();
        services.AddScoped<Platform.Demo.IDemoSeeder, Demo.StatisticsDemoSeeder>();
        services.AddHostedService<ApprovalRecoveryWorker>();
        services.AddAuthorizationBuilder()
            .AddPolicy(CivilPolicies.Read, p => p.RequireRole(Roles.Registrar, Roles.Agent, Roles.Viewer))
            .AddPolicy(CivilPolicies.Work, p => p.RequireRole(Roles.Registrar, Roles.Agent))
            .AddPolicy(CivilPolicies.Notify, p => p.RequireRole(Roles.Registrar, Roles.Agent, Roles.System))
            .AddPolicy(CivilPolicies.Statistics, p => p.RequireRole(Roles.Statistics, Roles.Registrar, Roles.Viewer, Roles.Administrator))
            .AddPolicy(CivilPolicies.Publish, p => p.RequireRole(Roles.Statistics, Roles.Administrator))
            .AddPolicy(CivilPolicies.ServiceReports, p => p.RequireRole(Roles.Statistics, Roles.Registrar, Roles.Agent, Roles.Viewer, Roles.Administrator))
            .AddPolicy(CivilPolicies.ServiceTargets, p => p.RequireRole(Roles.Administrator));
        return services;
    }

    public static IEndpointRouteBuilder MapCivilRegistration(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/civil")
            .WithTags("Civil registration")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        NotificationEndpoints.Map(group);
        Notifications.Fhir.NotifyFhir.Map(group);
        RegistrationEndpoints.Map(group);
        Annexes.AnnexEndpoints.Map(group);
        Corrections.CorrectionEndpoints.Map(group);
        Queues.WorkQueues.Map(group);
        Information.InformationService.Map(group);
        Certificates.CertificateEndpoints.Map(group);
        Certificates.CertificateEndpoints.MapPublic(endpoints);
        Statistics.GetStatistics.Map(group);
        Statistics.DownloadStatisticsTable.Map(group);
        Statistics.PublishStatistics.Map(group);
        Statistics.LoadDenominators.Map(group);
        Statistics.GetServiceReport.Map(group);
        Statistics.GetServiceTargets.Map(group);
        Statistics.SetServiceTarget.Map(group);
        var publicStatistics = Statistics.StatisticsDownloads.PublicGroup(endpoints);
        Statistics.GetPublishedYears.Map(publicStatistics);
        Statistics.GetPublishedStatistics.Map(publicStatistics);
        Statistics.DownloadPublishedTable.Map(publicStatistics);
        return endpoints;
    }
}

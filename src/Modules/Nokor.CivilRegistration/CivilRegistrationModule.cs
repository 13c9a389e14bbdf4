using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
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
        services.AddScoped<RegistrationRecords>();
        services.AddScoped<RegistrationEntry>();
        services.AddScoped<Approvals>();
        services.AddScoped<EventProcedures>();
        services.AddScoped<Marriages.MarriageValidator>();
        services.AddScoped<Marriages.DissolutionValidator>();
        services.AddScoped<Marriages.MarriageCorrections>();
        services.AddScoped<IEventProcedure, Marriages.MarriageProcedure>();
        services.AddScoped<IEventProcedure, Marriages.DissolutionProcedure>();
        services.AddScoped<FamilyEvents.FamilyChecks>();
        services.AddScoped<FamilyEvents.FamilyVersions>();
        services.AddScoped<IEventProcedure, FamilyEvents.AdoptionProcedure>();
        services.AddScoped<IEventProcedure, FamilyEvents.RecognitionProcedure>();
        services.AddScoped<IEventProcedure, FamilyEvents.FoetalDeathProcedure>();
        services.AddScoped<IEventProcedure, FamilyEvents.NameChangeProcedure>();
        services.AddScoped<ICivilRegistrations, CivilRegistrations>();
        services.AddScoped<ICivilNotifications, CivilNotifications>();
        services.AddScoped<CourtDecisions.CourtDecisionChecks>();
        services.AddScoped<ICourtDecisions, CourtDecisions.CourtDecisionInbox>();
        services.AddScoped<ICivilWorkQueues, Queues.CivilWorkQueues>();
        services.AddScoped<ICivilInformation, Information.CivilInformation>();
        services.AddScoped<Certificates.CertificateComposer>();
        services.AddScoped<Certificates.CertificateRecords>();
        services.AddScoped<ICivilCertificates, Certificates.CivilCertificates>();
        services.AddSingleton<ICertificateFiles, Certificates.CertificateFiles>();
        services.AddSingleton<ICertificateRenderer, Certificates.CertificateRenderer>();
        services.AddSingleton<Certificates.CertificateCheckCodes>();
        services.AddSingleton<Certificates.CertificateCheckAttempts>();
        services.AddScoped<Statistics.StatisticsCalculator>();
        services.AddTransient<ICivilDataGenerator, Generation.CivilDataGenerator>();
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
            .AddPolicy(CivilPolicies.CourtDecisions, p => p.RequireRole(Roles.Court))
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
        NotifyVitalEvent.Map(group);
        ListOpenNotifications.Map(group);
        GetNotification.Map(group);
        Notifications.Fhir.NotifyFhir.Map(group);
        EnterBirth.Map(group);
        EnterDeath.Map(group);
        Marriages.EnterMarriage.Map(group);
        Marriages.EnterDissolution.Map(group);
        FamilyEvents.EnterAdoption.Map(group);
        FamilyEvents.EnterRecognition.Map(group);
        FamilyEvents.EnterFoetalDeath.Map(group);
        FamilyEvents.EnterNameChange.Map(group);
        FamilyEvents.ReadSealedVersions.Map(group);
        GetRegistration.Map(group);
        GetRegistrationHistory.Map(group);
        ClaimRegistration.Map(group);
        ReleaseRegistration.Map(group);
        AssignRegistration.Map(group);
        VerifyRegistration.Map(group);
        ApproveRegistration.Map(group);
        RejectRegistration.Map(group);
        Annexes.AddAnnex.Map(group);
        Annexes.GetAnnex.Map(group);
        Corrections.RequestCorrection.Map(group);
        Corrections.DecideCorrection.Map(group);
        CourtDecisions.ReceiveCourtDecision.Map(group);
        CourtDecisions.ListCourtDecisions.Map(group);
        CourtDecisions.GetCourtDecision.Map(group);
        CourtDecisions.DownloadCourtDecisionPdf.Map(group);
        CourtDecisions.RecheckCourtDecision.Map(group);
        CourtDecisions.DismissCourtDecision.Map(group);
        Registrations.ListLifeEvents.Map(group);
        Queues.CountQueues.Map(group);
        Queues.ListQueue.Map(group);
        Information.ReceiveInformationRequest.Map(group);
        Information.ListInformationRequests.Map(group);
        Information.DecideInformationRequest.Map(group);
        Information.DeliverInformation.Map(group);
        Certificates.PrintCertificate.Map(group);
        Certificates.DownloadCertificate.Map(group);
        Certificates.RejectionDecision.Map(group);

        // The public verification API: no login, only what the certificate prints.
        var verification = endpoints.MapGroup("/api/public/certificates").WithTags("Certificate verification").AllowAnonymous()
            .RequireRateLimiting(CivilRateLimits.PublicVerification);
        Certificates.VerifyCertificateToken.Map(verification);
        Certificates.VerifyCertificateNumber.Map(verification);
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

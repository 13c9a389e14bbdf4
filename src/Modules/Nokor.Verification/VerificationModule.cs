using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;
using Nokor.Verification.Bulk;
using Nokor.Verification.Contracts;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;
using Nokor.Verification.Institutions;
using Nokor.Verification.Ledger;
using Nokor.Verification.Projection;
using Nokor.Verification.Queries;

namespace Nokor.Verification;

/// <summary>
/// The identity verification service for authorized institutions (NSPI goal 4, 5.3 item 4 and
/// 6.4: the unified data distribution system). Its tables (<c>vrf_*</c>) may live in a database of
/// their own: set <c>ConnectionStrings:Verification</c>.
/// </summary>
public static class VerificationModule
{
    public const string ConnectionName = "Verification";

    public static IServiceCollection AddVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNokorDbContext<VerificationDbContext>(configuration, ConnectionName);
        services.AddOptions<VerificationOptions>().Bind(configuration.GetSection(VerificationOptions.Section));
        services.AddSingleton<UsageMeter>();
        services.AddSingleton<QueryLedger>();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<ClientTokens>();
        services.AddSingleton<ClientAuthentication>();
        services.AddSingleton<ProjectionStatus>();
        services.AddSingleton<PersonLookup>();
        services.AddScoped<LedgerVerifier>();
        services.AddScoped<LedgerCheckpointer>();
        services.AddScoped<IInstitutionRegistry, InstitutionRegistry>();
        services.AddScoped<IVerificationLedger, VerificationLedger>();
        services.AddScoped<IVerificationStore, VerificationStore>();
        services.AddAuthorizationBuilder()
            .AddPolicy(VerificationPolicies.Manage, p => p.RequireRole(Roles.DataDistribution, Roles.Administrator))
            .AddPolicy(VerificationPolicies.PersonAccess, p => p.RequireRole(VerificationPolicies.PersonAccessRoles));
        return services;
    }

    /// <summary>The background work of a host: the projection and, when enabled, bulk jobs.</summary>
    public static IServiceCollection AddVerificationWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue(VerificationOptions.Section + ":" + nameof(VerificationOptions.RunProjection), true))
        {
            services.AddSingleton<PersonProjector>();
            services.AddHostedService(sp => sp.GetRequiredService<PersonProjector>());
        }

        services.AddHostedService<LedgerCheckpointService>();
        if (configuration.GetValue(VerificationOptions.Section + ":" + nameof(VerificationOptions.RunBulkJobs), true))
        {
            services.AddHostedService<BulkWorker>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder endpoints)
    {
        // The API institutions call (tag Verification), under /api/verification/v1: the token, then
        // the queries, each behind the client's access token.
        var v1 = endpoints.MapGroup("/api/verification/v1").WithTags("Verification");
        IssueToken.Map(v1);
        var queries = v1.MapGroup("").AllowAnonymous().AddEndpointFilter<ClientAuthentication>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();
        VerifyClaims.Map(queries);
        ReleaseAttributes.Map(queries);

        // The data distribution unit's API (staff sign-in), under /api/verification.
        var staff = endpoints.MapGroup("/api/verification").WithTags("Verification")
            .RequireAuthorization(VerificationPolicies.Manage)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        ListInstitutions.Map(staff);
        RegisterInstitution.Map(staff);
        GetInstitution.Map(staff);
        UpdateInstitution.Map(staff);
        SetInstitutionStatus.Map(staff);
        IssueCredential.Map(staff);
        RevokeCredential.Map(staff);
        GetStatement.Map(staff);
        GetProjectionStatus.Map(staff);

        var person = endpoints.MapGroup("/api/verification").WithTags("Verification")
            .RequireAuthorization(VerificationPolicies.PersonAccess)
            .ProducesValidationProblem();
        ReadPersonAccess.Map(person);

        // Bulk verification in the institutions' API, under /api/verification/v1/bulk.
        var bulk = endpoints.MapGroup(BulkJobs.BasePath).WithTags("Verification")
            .AllowAnonymous().AddEndpointFilter<ClientAuthentication>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        SubmitBulkJob.Map(bulk);
        GetBulkJob.Map(bulk);
        GetBulkJobResult.Map(bulk);

        GetLedgerHead.Map(endpoints);
        return endpoints;
    }
}

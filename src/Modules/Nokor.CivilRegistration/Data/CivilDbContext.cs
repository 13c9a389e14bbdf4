using Microsoft.EntityFrameworkCore;

namespace Nokor.CivilRegistration.Data;

internal sealed class CivilDbContext(DbContextOptions<CivilDbContext> options) : DbContext(options)
{
    public DbSet<NotificationEntity> Notifications => Set<NotificationEntity>();
    public DbSet<RegistrationEntity> Registrations => Set<RegistrationEntity>();
    public DbSet<RegistrationVersionEntity> Versions => Set<RegistrationVersionEntity>();
    public DbSet<RegistrationEventEntity> Events => Set<RegistrationEventEntity>();
    public DbSet<AnnexEntity> Annexes => Set<AnnexEntity>();
    public DbSet<CertificateEntity> Certificates => Set<CertificateEntity>();
    public DbSet<CorrectionEntity> Corrections => Set<CorrectionEntity>();
    public DbSet<InformationRequestEntity> InformationRequests => Set<InformationRequestEntity>();
    public DbSet<NumberCounterEntity> NumberCounters => Set<NumberCounterEntity>();
    public DbSet<MarriageEntity> Marriages => Set<MarriageEntity>();
    public DbSet<CourtDecisionEntity> CourtDecisions => Set<CourtDecisionEntity>();
    public DbSet<Statistics.VitalFactEntity> VitalFacts => Set<Statistics.VitalFactEntity>();
    public DbSet<Statistics.PopulationEstimateEntity> PopulationEstimates => Set<Statistics.PopulationEstimateEntity>();
    public DbSet<Statistics.ExpectedRateEntity> ExpectedRates => Set<Statistics.ExpectedRateEntity>();
    public DbSet<Statistics.ServiceTargetEntity> ServiceTargets => Set<Statistics.ServiceTargetEntity>();
    public DbSet<Statistics.StatisticsPublicationEntity> Publications => Set<Statistics.StatisticsPublicationEntity>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await Statistics.VitalFactTracker.FollowAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite has no date type and cannot order text timestamps with offsets: store instants
        // as sortable integers there (queues and notifications are listed oldest first).
        if (Database.IsSqlite())
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        var pg = Database.IsNpgsql();
        builder.Entity<NotificationEntity>(e =>
        {
            e.ToTable("crvs_notifications");
            e.HasKey(n => n.Id);
            e.Property(n => n.Event).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(n => n.CommuneCode).HasMaxLength(8);
            e.Property(n => n.EventPlaceCode).HasMaxLength(8);
            e.Property(n => n.InformantKind).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.SourceSystem).HasMaxLength(100);
            e.Property(n => n.SourceReference).HasMaxLength(100);
            e.Property(n => n.SubjectNameKm).HasMaxLength(200);
            e.Property(n => n.SubjectNameLatin).HasMaxLength(200);
            e.Property(n => n.ReceivedBy).HasMaxLength(100);
            e.HasIndex(n => new { n.CommuneCode, n.Status, n.ReceivedAt });
            e.HasIndex(n => new { n.SourceSystem, n.SourceReference }).IsUnique();
            if (pg)
            {
                e.Property(n => n.CommuneCode).UseCollation("C");
            }
        });

        builder.Entity<RegistrationEntity>(e =>
        {
            e.ToTable("crvs_registrations");
            e.HasKey(r => r.Id);
            e.Property(r => r.Event).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.Number).HasMaxLength(24);
            e.HasIndex(r => r.Number).IsUnique();
            e.Property(r => r.OfficeCode).HasMaxLength(8);
            e.Property(r => r.EventPlaceCode).HasMaxLength(8);
            e.Property(r => r.SubjectKidc).HasMaxLength(10);
            e.HasIndex(r => r.SubjectKidc);
            e.Property(r => r.SubjectNameKm).HasMaxLength(200);
            e.Property(r => r.SubjectNameLatin).HasMaxLength(200);
            e.Property(r => r.SubjectNameKey).HasMaxLength(200);
            e.Property(r => r.SubjectSex).HasMaxLength(8);
            e.Property(r => r.SubjectBirthDate).HasMaxLength(10);
            e.Property(r => r.SubjectResidenceCode).HasMaxLength(8);
            e.Property(r => r.EnteredBy).HasMaxLength(100);
            e.Property(r => r.EnteredByName).HasMaxLength(200);
            e.Property(r => r.VerifiedBy).HasMaxLength(100);
            e.Property(r => r.VerifiedByName).HasMaxLength(200);
            e.Property(r => r.DecidedBy).HasMaxLength(100);
            e.Property(r => r.DecidedByName).HasMaxLength(200);
            e.Property(r => r.RejectionReasons).HasMaxLength(2000);
            e.Property(r => r.AssignedTo).HasMaxLength(100);
            e.Property(r => r.AssignedToName).HasMaxLength(200);
            e.Property(r => r.Revision).IsConcurrencyToken();
            e.Property(r => r.ApprovalStartedBy).HasMaxLength(100);
            e.Property(r => r.ApprovalStartedByName).HasMaxLength(200);
            e.HasIndex(r => r.ApprovalStartedAt);
            e.HasIndex(r => new { r.OfficeCode, r.Status, r.EnteredAt });
            e.HasIndex(r => new { r.Event, r.EventDate });
            e.HasIndex(r => r.NotificationId).IsUnique();
            e.HasIndex(r => r.CourtDecisionId).IsUnique();
            if (pg)
            {
                e.Property(r => r.OfficeCode).UseCollation("C");
                e.Property(r => r.EventPlaceCode).UseCollation("C");
            }
        });

        builder.Entity<MarriageEntity>(e =>
        {
            e.ToTable("crvs_marriages");
            e.HasKey(m => m.RegistrationId);
            e.Property(m => m.Number).HasMaxLength(24);
            e.HasIndex(m => m.Number).IsUnique();
            e.Property(m => m.OfficeCode).HasMaxLength(8);
            e.Property(m => m.HusbandKidc).HasMaxLength(10);
            e.Property(m => m.WifeKidc).HasMaxLength(10);
            e.HasIndex(m => new { m.HusbandKidc, m.State });
            e.HasIndex(m => new { m.WifeKidc, m.State });
            e.Property(m => m.HusbandName).HasMaxLength(200);
            e.Property(m => m.WifeName).HasMaxLength(200);
            e.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.EndedByNumber).HasMaxLength(24);
            e.Property(m => m.Revision).IsConcurrencyToken();
        });

        builder.Entity<CourtDecisionEntity>(e =>
        {
            e.ToTable("crvs_court_decisions");
            e.HasKey(d => d.Id);
            e.Property(d => d.Court).HasMaxLength(200);
            e.Property(d => d.CaseNumber).HasMaxLength(64);
            e.HasIndex(d => new { d.Court, d.CaseNumber }).IsUnique();
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.OfficeCode).HasMaxLength(8);
            e.HasIndex(d => new { d.OfficeCode, d.Status, d.ReceivedAt });
            e.Property(d => d.PdfSha256).HasMaxLength(64);
            e.Property(d => d.Problems).HasMaxLength(4000);
            e.Property(d => d.ReceivedBy).HasMaxLength(100);
            e.Property(d => d.Summary).HasMaxLength(400);
            e.Property(d => d.DismissalReason).HasMaxLength(1000);
            e.Property(d => d.DismissedBy).HasMaxLength(100);
            e.Property(d => d.Revision).IsConcurrencyToken();
            if (pg)
            {
                e.Property(d => d.OfficeCode).UseCollation("C");
            }
        });

        builder.Entity<RegistrationVersionEntity>(e =>
        {
            e.ToTable("crvs_registration_versions");
            e.HasKey(v => v.Id);
            e.Property(v => v.By).HasMaxLength(100);
            e.Property(v => v.Reason).HasMaxLength(1000);
            e.HasIndex(v => new { v.RegistrationId, v.Version }).IsUnique();
        });

        builder.Entity<RegistrationEventEntity>(e =>
        {
            e.ToTable("crvs_registration_events");
            e.HasKey(v => v.Id);
            e.Property(v => v.ActorId).HasMaxLength(100);
            e.Property(v => v.ActorName).HasMaxLength(200);
            e.Property(v => v.Action).HasMaxLength(40);
            e.Property(v => v.Note).HasMaxLength(2000);
            e.HasIndex(v => new { v.RegistrationId, v.Id });
        });

        builder.Entity<AnnexEntity>(e =>
        {
            e.ToTable("crvs_annexes");
            e.HasKey(a => a.Id);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.ContentType).HasMaxLength(40);
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.Description).HasMaxLength(300);
            e.Property(a => a.AddedBy).HasMaxLength(100);
            e.HasIndex(a => a.RegistrationId);
        });

        builder.Entity<CertificateEntity>(e =>
        {
            e.ToTable("crvs_certificates");
            e.HasKey(c => c.Id);
            e.Property(c => c.Serial).HasMaxLength(32);
            e.HasIndex(c => c.Serial).IsUnique();
            e.Property(c => c.RegistrationNumber).HasMaxLength(24);
            e.Property(c => c.Issue).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.IssuedBy).HasMaxLength(100);
            e.Property(c => c.IssuedByName).HasMaxLength(200);
            e.Property(c => c.Token).HasMaxLength(2000);
            e.HasIndex(c => c.RegistrationId);
        });

        builder.Entity<CorrectionEntity>(e =>
        {
            e.ToTable("crvs_corrections");
            e.HasKey(c => c.Id);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.Reason).HasMaxLength(1000);
            e.Property(c => c.RequestedBy).HasMaxLength(100);
            e.Property(c => c.RequestedByName).HasMaxLength(200);
            e.Property(c => c.DecidedBy).HasMaxLength(100);
            e.Property(c => c.DecidedByName).HasMaxLength(200);
            e.Property(c => c.DecisionNote).HasMaxLength(1000);
            e.HasIndex(c => new { c.RegistrationId, c.Status });
        });

        builder.Entity<InformationRequestEntity>(e =>
        {
            e.ToTable("crvs_information_requests");
            e.HasKey(r => r.Id);
            e.Property(r => r.RegistrationNumber).HasMaxLength(24);
            e.Property(r => r.OfficeCode).HasMaxLength(8);
            e.Property(r => r.RequesterKind).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.RequesterName).HasMaxLength(200);
            e.Property(r => r.RequesterKidc).HasMaxLength(10);
            e.Property(r => r.Agreement).HasMaxLength(100);
            e.Property(r => r.Purpose).HasMaxLength(500);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.ReceivedBy).HasMaxLength(100);
            e.Property(r => r.DecidedBy).HasMaxLength(100);
            e.Property(r => r.Decision).HasMaxLength(1000);
            e.Property(r => r.DeliveryChannel).HasMaxLength(40);
            e.HasIndex(r => new { r.OfficeCode, r.Status });
        });

        builder.Entity<NumberCounterEntity>(e =>
        {
            e.ToTable("crvs_number_counters");
            e.HasKey(c => new { c.OfficeCode, c.Event, c.Year });
            e.Property(c => c.OfficeCode).HasMaxLength(8);
            e.Property(c => c.Event).HasConversion<string>().HasMaxLength(16);
        });

        builder.Entity<Statistics.VitalFactEntity>(e =>
        {
            e.ToTable("crvs_vital_facts");
            e.HasKey(f => f.RegistrationId);
            e.Property(f => f.Event).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(f => f.OfficeCode).HasMaxLength(8);
            e.Property(f => f.OccurrenceCode).HasMaxLength(8);
            e.Property(f => f.ResidenceCode).HasMaxLength(8);
            e.Property(f => f.PlaceKind).HasMaxLength(16);
            e.Property(f => f.Sex).HasMaxLength(8);
            e.Property(f => f.Attendant).HasMaxLength(32);
            e.Property(f => f.BirthType).HasMaxLength(8);
            e.Property(f => f.UnderlyingCause).HasMaxLength(8);
            e.Property(f => f.Manner).HasMaxLength(24);
            e.Property(f => f.HusbandPreviousStatus).HasMaxLength(10);
            e.Property(f => f.WifePreviousStatus).HasMaxLength(10);
            e.HasIndex(f => new { f.Event, f.Status, f.OccurrenceYear });
            e.HasIndex(f => new { f.Event, f.Status, f.RegistrationYear });
            e.HasIndex(f => new { f.OfficeCode, f.EnteredAt });
            if (pg)
            {
                e.Property(f => f.OfficeCode).UseCollation("C");
                e.Property(f => f.OccurrenceCode).UseCollation("C");
                e.Property(f => f.ResidenceCode).UseCollation("C");
            }
        });

        builder.Entity<Statistics.PopulationEstimateEntity>(e =>
        {
            e.ToTable("crvs_population_estimates");
            e.HasKey(p => new { p.Year, p.AreaCode, p.Sex, p.AgeFrom });
            e.Property(p => p.AreaCode).HasMaxLength(8);
            e.Property(p => p.Sex).HasMaxLength(8);
        });

        builder.Entity<Statistics.ExpectedRateEntity>(e =>
        {
            e.ToTable("crvs_expected_rates");
            e.HasKey(p => new { p.Year, p.AreaCode });
            e.Property(p => p.AreaCode).HasMaxLength(8);
        });

        builder.Entity<Statistics.ServiceTargetEntity>(e =>
        {
            e.ToTable("crvs_service_targets");
            e.HasKey(t => t.Step);
            e.Property(t => t.Step).HasMaxLength(24);
            e.Property(t => t.SetBy).HasMaxLength(100);
        });

        builder.Entity<Statistics.StatisticsPublicationEntity>(e =>
        {
            e.ToTable("crvs_statistics_publications");
            e.HasKey(p => p.Year);
            e.Property(p => p.Year).ValueGeneratedNever();
            e.Property(p => p.PublishedBy).HasMaxLength(100);
        });
    }
}

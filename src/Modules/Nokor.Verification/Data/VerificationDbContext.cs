using Microsoft.EntityFrameworkCore;

namespace Nokor.Verification.Data;

internal sealed class VerificationDbContext(DbContextOptions<VerificationDbContext> options) : DbContext(options)
{
    public DbSet<InstitutionEntity> Institutions => Set<InstitutionEntity>();
    public DbSet<ContractEntity> Contracts => Set<ContractEntity>();
    public DbSet<CredentialEntity> Credentials => Set<CredentialEntity>();
    public DbSet<PersonFactsEntity> Persons => Set<PersonFactsEntity>();
    public DbSet<ProjectionStateEntity> ProjectionStates => Set<ProjectionStateEntity>();
    public DbSet<QueryRecordEntity> QueryRecords => Set<QueryRecordEntity>();
    public DbSet<LedgerCheckpointEntity> Checkpoints => Set<LedgerCheckpointEntity>();
    public DbSet<UsageEntity> Usage => Set<UsageEntity>();
    public DbSet<BulkJobEntity> BulkJobs => Set<BulkJobEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // As in civil registration: SQLite cannot order text timestamps with offsets.
        if (Database.IsSqlite())
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        var pg = Database.IsNpgsql();
        builder.Entity<InstitutionEntity>(e =>
        {
            e.ToTable("vrf_institutions");
            e.HasKey(i => i.Id);
            e.Property(i => i.Code).HasMaxLength(32);
            e.HasIndex(i => i.Code).IsUnique();
            e.Property(i => i.Name).HasMaxLength(200);
            e.Property(i => i.NameKm).HasMaxLength(200);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(i => i.XRoadClient).HasMaxLength(300);
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.HasOne(i => i.Contract).WithOne().HasForeignKey<ContractEntity>(c => c.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ContractEntity>(e =>
        {
            e.ToTable("vrf_contracts");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.InstitutionId).IsUnique();
            e.Property(c => c.Reference).HasMaxLength(60);
            e.Property(c => c.Purposes).HasMaxLength(600);
            e.Property(c => c.QueryTypes).HasMaxLength(60);
            e.Property(c => c.Attributes).HasMaxLength(300);
        });

        builder.Entity<CredentialEntity>(e =>
        {
            e.ToTable("vrf_credentials");
            e.HasKey(c => c.Id);
            e.Property(c => c.ClientId).HasMaxLength(40);
            e.HasIndex(c => c.ClientId).IsUnique();
            e.Property(c => c.SecretHash).HasMaxLength(64);
            e.Property(c => c.CreatedBy).HasMaxLength(100);
            e.Property(c => c.RevokedBy).HasMaxLength(100);
            e.HasIndex(c => c.InstitutionId);
        });

        builder.Entity<PersonFactsEntity>(e =>
        {
            e.ToTable("vrf_persons");
            e.HasKey(p => p.PersonId);
            e.Property(p => p.Kidc).HasMaxLength(10);
            e.HasIndex(p => p.Kidc).IsUnique();
            e.Property(p => p.SurnameKm).HasMaxLength(100);
            e.Property(p => p.GivenNameKm).HasMaxLength(100);
            e.Property(p => p.SurnameLatin).HasMaxLength(100);
            e.Property(p => p.GivenNameLatin).HasMaxLength(100);
            e.Property(p => p.SurnameKmKey).HasMaxLength(100);
            e.Property(p => p.GivenNameKmKey).HasMaxLength(100);
            e.Property(p => p.SurnameLatinKey).HasMaxLength(100);
            e.Property(p => p.GivenNameLatinKey).HasMaxLength(100);
            e.Property(p => p.Sex).HasMaxLength(1);
            e.Property(p => p.BirthPlaceCode).HasMaxLength(8);
            e.Property(p => p.BirthCountry).HasMaxLength(2);
            e.Property(p => p.Nationality).HasMaxLength(2);
            e.Property(p => p.ResidenceVillageCode).HasMaxLength(8);
            if (pg)
            {
                e.Property(p => p.Kidc).UseCollation("C");
            }
        });

        builder.Entity<ProjectionStateEntity>(e =>
        {
            e.ToTable("vrf_projection_state");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(40);
        });

        builder.Entity<QueryRecordEntity>(e =>
        {
            e.ToTable("vrf_query_records");
            e.HasKey(q => q.Sequence);
            e.Property(q => q.Sequence).ValueGeneratedNever();
            e.Property(q => q.RequestId).HasMaxLength(100);
            e.Property(q => q.UserId).HasMaxLength(100);
            e.Property(q => q.Purpose).HasMaxLength(60);
            e.Property(q => q.QueryType).HasMaxLength(16);
            e.Property(q => q.Kidc).HasMaxLength(10);
            e.Property(q => q.Result).HasMaxLength(16);
            e.Property(q => q.Detail).HasMaxLength(500);
            e.Property(q => q.XRoadClient).HasMaxLength(300);
            e.Property(q => q.PreviousHash).HasMaxLength(64);
            e.Property(q => q.Hash).HasMaxLength(64);
            e.HasIndex(q => new { q.Kidc, q.Sequence });
            e.HasIndex(q => new { q.InstitutionId, q.Sequence });
            e.HasIndex(q => q.BulkJobId).HasFilter(pg ? "\"BulkJobId\" IS NOT NULL" : "BulkJobId IS NOT NULL");
            if (pg)
            {
                e.Property(q => q.Kidc).UseCollation("C");
            }
        });

        builder.Entity<LedgerCheckpointEntity>(e =>
        {
            e.ToTable("vrf_checkpoints");
            e.HasKey(c => c.Number);
            e.Property(c => c.Number).ValueGeneratedNever();
            e.Property(c => c.Hash).HasMaxLength(64);
            e.Property(c => c.Previous).HasMaxLength(64);
            e.Property(c => c.Token).HasMaxLength(1000);
            e.HasIndex(c => c.Sequence).IsUnique();
        });

        builder.Entity<UsageEntity>(e =>
        {
            e.ToTable("vrf_usage");
            e.HasKey(u => new { u.InstitutionId, u.Month, u.QueryType });
            e.Property(u => u.QueryType).HasMaxLength(16);
        });

        builder.Entity<BulkJobEntity>(e =>
        {
            e.ToTable("vrf_bulk_jobs");
            e.HasKey(j => j.Id);
            e.Property(j => j.Purpose).HasMaxLength(60);
            e.Property(j => j.UserId).HasMaxLength(100);
            e.Property(j => j.XRoadClient).HasMaxLength(300);
            e.Property(j => j.RequestId).HasMaxLength(100);
            e.Property(j => j.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(j => j.InputBlob).HasMaxLength(64);
            e.Property(j => j.ResultBlob).HasMaxLength(64);
            e.Property(j => j.Error).HasMaxLength(500);
            e.HasIndex(j => new { j.Status, j.CreatedAt });
            e.HasIndex(j => j.InstitutionId);
        });
    }
}

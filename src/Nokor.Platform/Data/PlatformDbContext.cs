using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.Platform.Data;

/// <summary>The platform's own tables: staff and offices, the gazetteer and the audit chain.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options)
    : IdentityDbContext<StaffUser, StaffRole, Guid>(options)
{
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<GazetteerUnit> GazetteerUnits => Set<GazetteerUnit>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<StaffUser>().ToTable("staff_users");
        builder.Entity<StaffRole>().ToTable("staff_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("staff_user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("staff_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("staff_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("staff_user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("staff_role_claims");

        builder.Entity<StaffUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasOne(u => u.Office).WithMany().HasForeignKey(u => u.OfficeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Office>(e =>
        {
            e.ToTable("offices");
            e.HasKey(o => o.Id);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.AreaCode).HasMaxLength(8);
            e.Property(o => o.Level).HasConversion<string>().HasMaxLength(16);
        });

        builder.Entity<GazetteerUnit>(e =>
        {
            e.ToTable("gazetteer_units");
            e.HasKey(u => u.Code);
            e.Property(u => u.Code).HasMaxLength(8);
            e.Property(u => u.ParentCode).HasMaxLength(8);
            e.Property(u => u.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(u => u.NameKm).HasMaxLength(200);
            e.Property(u => u.NameLatin).HasMaxLength(200);
            e.Property(u => u.TypeKm).HasMaxLength(50);
            e.Property(u => u.TypeLatin).HasMaxLength(50);
            e.HasIndex(u => u.ParentCode);
            e.HasIndex(u => u.Level);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.ActorKind).HasMaxLength(16);
            e.Property(a => a.ActorId).HasMaxLength(100);
            e.Property(a => a.ActorOffice).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.SubjectType).HasMaxLength(64);
            e.Property(a => a.SubjectId).HasMaxLength(100);
            e.Property(a => a.Purpose).HasMaxLength(500);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.SubjectType, a.SubjectId });
        });

        builder.Entity<AuditCheckpoint>(e =>
        {
            e.ToTable("audit_checkpoints");
            e.HasKey(c => c.Sequence);
            e.Property(c => c.Sequence).ValueGeneratedNever();
            e.Property(c => c.Hash).HasMaxLength(64);
            e.Property(c => c.Previous).HasMaxLength(64);
            e.Property(c => c.Token).HasMaxLength(1000);
            // The chain of checkpoints has one of each number; legacy rows (null) are exempt.
            e.HasIndex(c => c.Number).IsUnique();
        });
    }
}

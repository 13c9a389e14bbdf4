using Microsoft.EntityFrameworkCore;

namespace Nokor.Population.Data;

internal sealed class PopulationDbContext(DbContextOptions<PopulationDbContext> options) : DbContext(options)
{
    public DbSet<PersonEntity> Persons => Set<PersonEntity>();
    public DbSet<PersonDocumentEntity> PersonDocuments => Set<PersonDocumentEntity>();
    public DbSet<PersonVersionEntity> PersonVersions => Set<PersonVersionEntity>();
    public DbSet<IssuedKidcEntity> IssuedKidcs => Set<IssuedKidcEntity>();
    public DbSet<SourceReferenceEntity> SourceReferences => Set<SourceReferenceEntity>();
    public DbSet<PersonChangeEntity> PersonChanges => Set<PersonChangeEntity>();
    public DbSet<PersonSpouseEntity> PersonSpouses => Set<PersonSpouseEntity>();
    public DbSet<PersonParentEntity> PersonParents => Set<PersonParentEntity>();

    /// <summary>
    /// Every save that adds or changes a person also adds its row to the change feed, in the same
    /// transaction: no code path can change a person without telling the read stores.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changed = AddChangeRows();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (changed) Interlocked.Increment(ref PersonWrites);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = AddChangeRows();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (changed) Interlocked.Increment(ref PersonWrites);
        return saved;
    }

    /// <summary>
    /// Counts the saves of persons in this process, so the name index of this process catches up
    /// before its next search (Search/PersonNameIndexFeed). Process-wide on purpose: a save seen by
    /// an index of another host in the same process (tests) only costs that index one feed read.
    /// </summary>
    internal static long PersonWrites;

    private bool AddChangeRows()
    {
        List<PersonChangeEntity>? rows = null;
        foreach (var entry in ChangeTracker.Entries<PersonEntity>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                (rows ??= []).Add(new PersonChangeEntity
                {
                    PersonId = entry.Entity.Id,
                    Version = entry.Entity.Version,
                    At = entry.Entity.UpdatedAt,
                });
            }
        }

        if (rows is not null)
        {
            PersonChanges.AddRange(rows);
        }

        return rows is not null;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<PersonEntity>(e =>
        {
            e.ToTable("pop_persons");
            e.HasKey(p => p.Id);
            e.Property(p => p.Kidc).HasMaxLength(10);
            e.HasIndex(p => p.Kidc).IsUnique();
            e.Property(p => p.SurnameKm).HasMaxLength(100);
            e.Property(p => p.GivenNameKm).HasMaxLength(100);
            e.Property(p => p.SurnameLatin).HasMaxLength(100);
            e.Property(p => p.GivenNameLatin).HasMaxLength(100);
            e.Property(p => p.NameKmKey).HasMaxLength(200);
            e.Property(p => p.NameLatinKey).HasMaxLength(200);
            e.Property(p => p.Sex).HasConversion<string>().HasMaxLength(8);
            e.Property(p => p.BirthPlaceCode).HasMaxLength(8);
            e.Property(p => p.BirthCountry).HasMaxLength(2);
            e.Property(p => p.Nationality).HasMaxLength(2);
            e.Property(p => p.CitizenshipStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.MaritalStatus).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.FatherKidc).HasMaxLength(10);
            e.Property(p => p.MotherKidc).HasMaxLength(10);
            e.Property(p => p.FatherNameKm).HasMaxLength(200);
            e.Property(p => p.MotherNameKm).HasMaxLength(200);
            e.Property(p => p.ResidenceVillageCode).HasMaxLength(8);
            e.Property(p => p.ResidenceAddress).HasMaxLength(300);
            e.Property(p => p.LifeStatus).HasConversion<string>().HasMaxLength(10);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.NameKmKey, p.BirthYear });
            e.HasIndex(p => new { p.NameLatinKey, p.BirthYear });
            e.HasIndex(p => p.ResidenceVillageCode);
            e.HasIndex(p => p.FatherKidc);
            e.HasIndex(p => p.MotherKidc);
            if (Database.IsNpgsql())
            {
                // Byte-order collation, so that prefix searches on the keys and on area codes are
                // index range scans (a linguistic collation would not order by prefix).
                e.Property(p => p.NameKmKey).UseCollation("C");
                e.Property(p => p.NameLatinKey).UseCollation("C");
                e.Property(p => p.ResidenceVillageCode).UseCollation("C");
                e.Property(p => p.BirthPlaceCode).UseCollation("C");
            }

            e.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PersonDocumentEntity>(e =>
        {
            e.ToTable("pop_person_documents");
            e.HasKey(d => d.Id);
            e.Property(d => d.Type).HasConversion<string>().HasMaxLength(24);
            e.Property(d => d.Number).HasMaxLength(40);
            e.Property(d => d.IssuingSystem).HasMaxLength(60);
            e.HasIndex(d => new { d.Type, d.Number }).IsUnique();
        });

        builder.Entity<PersonVersionEntity>(e =>
        {
            e.ToTable("pop_person_versions");
            e.HasKey(v => v.Id);
            e.Property(v => v.ActorKind).HasMaxLength(16);
            e.Property(v => v.ActorId).HasMaxLength(100);
            e.Property(v => v.Reason).HasMaxLength(500);
            e.Property(v => v.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.ChangedFields).HasMaxLength(1000);
            e.Property(v => v.Reference).HasMaxLength(120);
            e.HasIndex(v => new { v.PersonId, v.Version }).IsUnique();
            e.HasIndex(v => v.Reference);
        });

        builder.Entity<PersonSpouseEntity>(e =>
        {
            e.ToTable("pop_person_spouses");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedOnAdd();
            e.Property(s => s.PersonKidc).HasMaxLength(10);
            e.Property(s => s.SpouseKidc).HasMaxLength(10);
            e.Property(s => s.SpouseName).HasMaxLength(300);
            e.Property(s => s.MarriageReference).HasMaxLength(100);
            e.Property(s => s.SeparationReference).HasMaxLength(100);
            e.Property(s => s.EndReference).HasMaxLength(100);
            e.Property(s => s.StatusBefore).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.EndedBy).HasConversion<string>().HasMaxLength(16);
            e.Ignore(s => s.InForce);
            e.HasIndex(s => s.PersonKidc);
            e.HasIndex(s => s.MarriageReference);
            e.HasIndex(s => s.SeparationReference);
            e.HasIndex(s => s.EndReference);
        });

        builder.Entity<PersonParentEntity>(e =>
        {
            e.ToTable("pop_person_parents");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedOnAdd();
            e.Property(l => l.ChildKidc).HasMaxLength(10);
            e.Property(l => l.ParentKidc).HasMaxLength(10);
            e.Property(l => l.ParentNameKm).HasMaxLength(200);
            e.Property(l => l.Role).HasConversion<string>().HasMaxLength(8);
            e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.Reference).HasMaxLength(100);
            e.HasIndex(l => l.ChildKidc);
            e.HasIndex(l => l.Reference);
        });

        builder.Entity<IssuedKidcEntity>(e =>
        {
            e.ToTable("pop_issued_kidcs");
            e.HasKey(k => k.Code);
            e.Property(k => k.Code).HasMaxLength(10);
            e.Property(k => k.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(k => k.VoidReason).HasMaxLength(300);
        });

        builder.Entity<PersonChangeEntity>(e =>
        {
            e.ToTable("pop_person_changes");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedOnAdd();
        });

        builder.Entity<SourceReferenceEntity>(e =>
        {
            e.ToTable("pop_source_references");
            e.HasKey(r => r.Reference);
            e.Property(r => r.Reference).HasMaxLength(100);
        });
    }
}

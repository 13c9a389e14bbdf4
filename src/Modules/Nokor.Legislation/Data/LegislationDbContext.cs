using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nokor.Legislation.Data;

internal sealed class LegislationDbContext(DbContextOptions<LegislationDbContext> options, TimeProvider clock) : DbContext(options)
{
    public DbSet<LegislatureEntity> Legislatures => Set<LegislatureEntity>();
    public DbSet<SenatorEntity> Senators => Set<SenatorEntity>();
    public DbSet<MandateEntity> Mandates => Set<MandateEntity>();
    public DbSet<BodyEntity> Bodies => Set<BodyEntity>();
    public DbSet<BodyMemberEntity> BodyMembers => Set<BodyMemberEntity>();
    public DbSet<BillEntity> Bills => Set<BillEntity>();
    public DbSet<BillEventEntity> BillEvents => Set<BillEventEntity>();
    public DbSet<BillDocumentEntity> BillDocuments => Set<BillDocumentEntity>();
    public DbSet<BillCounterEntity> BillCounters => Set<BillCounterEntity>();
    public DbSet<ActEntity> Acts => Set<ActEntity>();
    public DbSet<TextEntity> Texts => Set<TextEntity>();
    public DbSet<TextArticleEntity> TextArticles => Set<TextArticleEntity>();
    public DbSet<AmendmentEntity> Amendments => Set<AmendmentEntity>();
    public DbSet<CommentEntity> Comments => Set<CommentEntity>();
    public DbSet<TextChangeEntity> TextChanges => Set<TextChangeEntity>();
    public DbSet<SearchFailureEntity> SearchFailures => Set<SearchFailureEntity>();

    /// <summary>
    /// Every save that adds or changes a text also adds a row to the outbox
    /// (<c>leg_text_changes</c>) in the same transaction, so the search index of every host can
    /// follow the database without missing a change.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AddTextChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AddTextChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void AddTextChanges()
    {
        var changed = ChangeTracker.Entries<TextEntity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id)
            .Distinct()
            .ToList();
        var now = clock.GetUtcNow();
        foreach (var id in changed)
        {
            TextChanges.Add(new TextChangeEntity { TextId = id, At = now });
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        if (Database.IsSqlite())
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        var pg = Database.IsNpgsql();
        builder.Entity<LegislatureEntity>(e =>
        {
            e.ToTable("leg_legislatures");
            e.HasKey(l => l.Number);
            e.Property(l => l.Number).ValueGeneratedNever();
        });

        builder.Entity<SenatorEntity>(e =>
        {
            e.ToTable("leg_senators");
            e.HasKey(s => s.Id);
            e.Property(s => s.NameKm).HasMaxLength(200);
            e.Property(s => s.NameLatin).HasMaxLength(200);
            e.Property(s => s.StaffUserId).HasMaxLength(100);
            e.HasIndex(s => s.StaffUserId).IsUnique();
        });

        builder.Entity<MandateEntity>(e =>
        {
            e.ToTable("leg_mandates");
            e.HasKey(m => m.Id);
            e.Property(m => m.Seat).HasConversion<string>().HasMaxLength(32);
            e.Property(m => m.Constituency).HasMaxLength(100);
            e.Property(m => m.EndReason).HasMaxLength(300);
            e.HasIndex(m => new { m.Legislature, m.SenatorId }).IsUnique();
        });

        builder.Entity<BodyEntity>(e =>
        {
            e.ToTable("leg_bodies");
            e.HasKey(b => b.Id);
            e.Property(b => b.Code).HasMaxLength(40);
            e.Property(b => b.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(b => b.NameKm).HasMaxLength(300);
            e.Property(b => b.NameEn).HasMaxLength(300);
            e.HasIndex(b => new { b.Legislature, b.Code }).IsUnique();
        });

        builder.Entity<BodyMemberEntity>(e =>
        {
            e.ToTable("leg_body_members");
            e.HasKey(m => m.Id);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(m => new { m.BodyId, m.SenatorId, m.StartsOn }).IsUnique();
            e.HasIndex(m => m.SenatorId);
        });

        builder.Entity<BillEntity>(e =>
        {
            e.ToTable("leg_bills");
            e.HasKey(b => b.Id);
            e.Property(b => b.Number).HasMaxLength(16);
            e.HasIndex(b => b.Number).IsUnique();
            e.Property(b => b.WorkUri).HasMaxLength(200);
            e.HasIndex(b => b.WorkUri).IsUnique();
            e.Property(b => b.TitleKm).HasMaxLength(1000);
            e.Property(b => b.TitleEn).HasMaxLength(1000);
            e.Property(b => b.Stage).HasConversion<string>().HasMaxLength(24);
            e.Property(b => b.Decision).HasConversion<string>().HasMaxLength(28);
            e.Property(b => b.CreatedBy).HasMaxLength(100);
            e.Property(b => b.Revision).IsConcurrencyToken();
            e.HasIndex(b => new { b.Stage, b.DeadlineOn });
            e.HasIndex(b => b.ReceivedOn);
            if (pg)
            {
                e.Property(b => b.WorkUri).UseCollation("C");
            }
        });

        builder.Entity<BillEventEntity>(e =>
        {
            e.ToTable("leg_bill_events");
            e.HasKey(v => v.Id);
            e.Property(v => v.Stage).HasConversion<string>().HasMaxLength(24);
            e.Property(v => v.Decision).HasConversion<string>().HasMaxLength(28);
            e.Property(v => v.ActorId).HasMaxLength(100);
            e.Property(v => v.ActorName).HasMaxLength(200);
            e.Property(v => v.Note).HasMaxLength(4000);
            e.HasIndex(v => new { v.BillId, v.Id });
            e.HasIndex(v => v.RecordedAt);
        });

        builder.Entity<BillDocumentEntity>(e =>
        {
            e.ToTable("leg_bill_documents");
            e.HasKey(d => d.Id);
            e.Property(d => d.Kind).HasMaxLength(40);
            e.Property(d => d.FileName).HasMaxLength(200);
            e.Property(d => d.ContentType).HasMaxLength(100);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.AddedBy).HasMaxLength(100);
            e.HasIndex(d => d.BillId);
        });

        builder.Entity<BillCounterEntity>(e =>
        {
            e.ToTable("leg_bill_counters");
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
        });

        builder.Entity<ActEntity>(e =>
        {
            e.ToTable("leg_acts");
            e.HasKey(a => a.Id);
            e.Property(a => a.WorkUri).HasMaxLength(200);
            e.HasIndex(a => a.WorkUri).IsUnique();
            e.Property(a => a.Subtype).HasMaxLength(40);
            e.Property(a => a.Number).HasMaxLength(60);
            e.Property(a => a.TitleKm).HasMaxLength(1000);
            e.Property(a => a.TitleEn).HasMaxLength(1000);
            e.Property(a => a.GazetteReference).HasMaxLength(100);
            e.Property(a => a.CreatedBy).HasMaxLength(100);
            e.HasIndex(a => a.Date);
            if (pg)
            {
                e.Property(a => a.WorkUri).UseCollation("C");
            }
        });

        builder.Entity<TextEntity>(e =>
        {
            e.ToTable("leg_texts");
            e.HasKey(t => t.Id);
            e.Property(t => t.WorkUri).HasMaxLength(200);
            e.Property(t => t.ExpressionUri).HasMaxLength(240);
            e.HasIndex(t => t.ExpressionUri).IsUnique();
            e.Property(t => t.DocType).HasConversion<string>().HasMaxLength(8);
            e.Property(t => t.Language).HasMaxLength(3);
            e.Property(t => t.Title).HasMaxLength(1000);
            e.Property(t => t.VersionLabel).HasMaxLength(300);
            e.Property(t => t.Sha256).HasMaxLength(64);
            e.Property(t => t.CreatedBy).HasMaxLength(100);
            e.HasIndex(t => new { t.WorkUri, t.Language, t.ValidFrom });
            e.HasIndex(t => t.BillId);
            if (pg)
            {
                e.Property(t => t.WorkUri).UseCollation("C");
                e.Property(t => t.ExpressionUri).UseCollation("C");
            }
        });

        builder.Entity<TextArticleEntity>(e =>
        {
            e.ToTable("leg_text_articles");
            e.HasKey(a => new { a.TextId, a.EId });
            e.Property(a => a.EId).HasMaxLength(120);
            e.Property(a => a.Num).HasMaxLength(100);
            e.Property(a => a.Heading).HasMaxLength(1000);
        });

        builder.Entity<AmendmentEntity>(e =>
        {
            e.ToTable("leg_amendments");
            e.HasKey(a => a.Id);
            e.Property(a => a.TargetEId).HasMaxLength(120);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(8);
            e.HasIndex(a => new { a.TargetActId, a.EffectiveOn });
            e.HasIndex(a => a.AmendingActId);
        });

        builder.Entity<CommentEntity>(e =>
        {
            e.ToTable("leg_comments");
            e.HasKey(c => c.Id);
            e.Property(c => c.ArticleEId).HasMaxLength(120);
            e.Property(c => c.AuthorId).HasMaxLength(100);
            e.Property(c => c.Body).HasMaxLength(8000);
            e.Property(c => c.Answer).HasMaxLength(8000);
            e.Property(c => c.AnsweredBy).HasMaxLength(100);
            e.HasIndex(c => new { c.BillId, c.ArticleEId });
        });

        builder.Entity<TextChangeEntity>(e =>
        {
            e.ToTable("leg_text_changes");
            e.HasKey(c => c.Id);
        });

        builder.Entity<SearchFailureEntity>(e =>
        {
            e.ToTable("leg_search_failures");
            e.HasKey(f => f.TextId);
            e.Property(f => f.TextId).ValueGeneratedNever();
            e.Property(f => f.ExpressionUri).HasMaxLength(240);
            e.Property(f => f.Reason).HasMaxLength(1000);
            e.HasIndex(f => f.SetAsideAt);
        });
    }
}

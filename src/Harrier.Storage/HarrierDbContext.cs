using System.Text.Json;
using System.Text.Json.Serialization;
using Harrier.Core.Scans;
using Harrier.Core.Scheduling;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Harrier.Storage;

/// <summary>The one EF Core model; SQLite and PostgreSQL providers each carry their own migrations of it.</summary>
public sealed class HarrierDbContext(DbContextOptions<HarrierDbContext> options) : DbContext(options)
{
    private static readonly JsonSerializerOptions s_configurationJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly ValueConverter<DateTime, DateTime> s_utc = new(
        value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public DbSet<UserEntity> Users => Set<UserEntity>();

    public DbSet<WebsiteEntity> Websites => Set<WebsiteEntity>();

    public DbSet<WebsiteGroupEntity> WebsiteGroups => Set<WebsiteGroupEntity>();

    public DbSet<ScanPolicyEntity> ScanPolicies => Set<ScanPolicyEntity>();

    public DbSet<ReportPolicyEntity> ReportPolicies => Set<ReportPolicyEntity>();

    public DbSet<ScanProfileEntity> ScanProfiles => Set<ScanProfileEntity>();

    public DbSet<ScanEntity> Scans => Set<ScanEntity>();

    public DbSet<VulnerabilityEntity> Vulnerabilities => Set<VulnerabilityEntity>();

    public DbSet<CrawledResourceEntity> CrawledResources => Set<CrawledResourceEntity>();

    public DbSet<IssueEntity> Issues => Set<IssueEntity>();

    public DbSet<IssueHistoryEntity> IssueHistory => Set<IssueHistoryEntity>();

    public DbSet<AgentEntity> Agents => Set<AgentEntity>();

    public DbSet<DataProtectionKeyEntity> DataProtectionKeys => Set<DataProtectionKeyEntity>();

    public DbSet<ScheduledScanEntity> ScheduledScans => Set<ScheduledScanEntity>();

    /// <summary>True on the PostgreSQL provider (decided by the options, so this assembly needs no reference to Npgsql).</summary>
    public bool IsPostgres => StorageProviders.IsPostgres(Database.ProviderName);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpScanVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpScanVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var configuration = new ValueConverter<ScanConfiguration, string>(
            value => JsonSerializer.Serialize(value, s_configurationJson),
            json => JsonSerializer.Deserialize<ScanConfiguration>(json, s_configurationJson)!);
        // The configuration is immutable: replaced whole, never mutated, so reference equality is enough.
        var configurationComparer = new ValueComparer<ScanConfiguration>(
            (a, b) => ReferenceEquals(a, b), value => value.GetHashCode(), value => value);

        modelBuilder.Entity<UserEntity>(user =>
        {
            user.HasIndex(u => u.TokenHash).IsUnique();
            user.Property(u => u.Name).HasMaxLength(255);
            user.Property(u => u.Email).HasMaxLength(320);
        });

        modelBuilder.Entity<WebsiteEntity>(website =>
        {
            website.HasIndex(w => new { w.UserId, w.RootUrl });
            website.Property(w => w.RootUrl).HasMaxLength(2048);
            website.Property(w => w.Name).HasMaxLength(255);
            website.Property(w => w.AgentMode).HasConversion<string>().HasMaxLength(32);
            website.Property(w => w.LicenseType).HasConversion<string>().HasMaxLength(32);
            website.Property(w => w.DefaultProtocol).HasConversion<string>().HasMaxLength(16);
            website.HasMany(w => w.Groups).WithMany(g => g.Websites).UsingEntity("WebsiteGroupMembers");
        });

        modelBuilder.Entity<WebsiteGroupEntity>(group =>
        {
            group.HasIndex(g => new { g.UserId, g.Name });
            group.Property(g => g.Name).HasMaxLength(255);
        });

        modelBuilder.Entity<ScanPolicyEntity>(policy =>
        {
            policy.HasIndex(p => p.Name);
            policy.Property(p => p.Name).HasMaxLength(100);
            policy.HasData(new ScanPolicyEntity
            {
                Id = BuiltIn.DefaultScanPolicyId,
                Name = BuiltIn.DefaultScanPolicyName,
                Description = "Performs recommended security checks",
                IsDefault = true,
                IsShared = true,
                CreatedAt = BuiltIn.SeededAt,
            });
        });

        modelBuilder.Entity<ReportPolicyEntity>(policy =>
        {
            policy.HasData(new ReportPolicyEntity
            {
                Id = BuiltIn.DefaultReportPolicyId,
                Name = BuiltIn.DefaultReportPolicyName,
                Description = "Reports every vulnerability type with its default severity",
                IsDefault = true,
                IsShared = true,
            });
        });

        modelBuilder.Entity<ScanProfileEntity>(profile =>
        {
            profile.HasIndex(p => new { p.UserId, p.Name }).IsUnique();
            profile.Property(p => p.Name).HasMaxLength(255);
            profile.Property(p => p.Configuration).HasConversion(configuration, configurationComparer);
        });

        modelBuilder.Entity<ScanEntity>(scan =>
        {
            scan.Property(s => s.Configuration).HasConversion(configuration, configurationComparer);
            scan.Property(s => s.State).HasConversion<string>().HasMaxLength(32);
            scan.Property(s => s.Phase).HasConversion<string>().HasMaxLength(32);
            scan.Property(s => s.ScanType).HasConversion<string>().HasMaxLength(16);
            scan.Property(s => s.FailureReason).HasConversion<string>().HasMaxLength(64);
            scan.Property(s => s.Version).IsConcurrencyToken();
            scan.HasIndex(s => new { s.UserId, s.InitiatedAt });
            // The queue: claims, a queued scan's place, recent scan lengths. Queries that want this index's order (and the
            // website index's below) order by DeletedAt first: on rows filtered to DeletedAt == null that changes nothing,
            // but PostgreSQL's planner does not take "IS NULL" as an equality and would otherwise sort every matching row.
            scan.HasIndex(s => new { s.State, s.DeletedAt, s.InitiatedAt });
            scan.HasIndex(s => s.WebsiteId);
            // Lists, scan models and issue tracking must not read a website's or user's whole history (100,000 scans):
            // the latest finished scan of a website and whether others are queued, whether a website has scans applied to
            // issues, and a user's visible scans newest first with their count. DeletedAt sits among the equalities so
            // SQLite's planner prefers these to the queue index (it sorted a website's whole history otherwise).
            scan.HasIndex(s => new { s.WebsiteId, s.State, s.DeletedAt, s.FinishedAt });
            scan.HasIndex(s => new { s.WebsiteId, s.IssuesAppliedAt });
            scan.HasIndex(s => new { s.UserId, s.DeletedAt, s.InitiatedAt });
            scan.Property(s => s.TargetUrl).HasMaxLength(2048);
            scan.Property(s => s.RequiredAgentName).HasMaxLength(255);
            scan.Property(s => s.RequiredAgentGroupName).HasMaxLength(255);
            scan.HasIndex(s => s.LeaseExpiresAt);
            scan.HasIndex(s => s.AgentId);
        });

        modelBuilder.Entity<VulnerabilityEntity>(vulnerability =>
        {
            vulnerability.HasIndex(v => new { v.ScanId, v.Fingerprint }).IsUnique();
            vulnerability.HasIndex(v => new { v.WebsiteId, v.Fingerprint });
            vulnerability.Property(v => v.Severity).HasConversion<string>().HasMaxLength(16);
            vulnerability.Property(v => v.Type).HasMaxLength(128);
            vulnerability.Property(v => v.Fingerprint).HasMaxLength(64);
        });

        modelBuilder.Entity<CrawledResourceEntity>(resource =>
        {
            resource.HasIndex(r => r.ScanId);
        });

        modelBuilder.Entity<IssueEntity>(issue =>
        {
            issue.HasIndex(i => new { i.WebsiteId, i.Fingerprint }).IsUnique();
            issue.HasIndex(i => new { i.UserId, i.LastSeenAt });
            issue.Property(i => i.Fingerprint).HasMaxLength(64);
            issue.Property(i => i.Type).HasMaxLength(128);
            issue.Property(i => i.Severity).HasConversion<string>().HasMaxLength(16);
            issue.Property(i => i.State).HasConversion<string>().HasMaxLength(32);
            issue.HasMany(i => i.History).WithOne().HasForeignKey(h => h.IssueId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IssueHistoryEntity>(history =>
        {
            history.HasIndex(h => new { h.IssueId, h.At });
            history.Property(h => h.Owner).HasMaxLength(255);
            history.Property(h => h.FromState).HasConversion<string>().HasMaxLength(32);
            history.Property(h => h.ToState).HasConversion<string>().HasMaxLength(32);
        });

        modelBuilder.Entity<AgentEntity>(agent =>
        {
            agent.Property(a => a.Name).HasMaxLength(255);
            agent.Property(a => a.HostName).HasMaxLength(255);
            agent.Property(a => a.GroupName).HasMaxLength(255);
            agent.Property(a => a.Version).HasMaxLength(64);
            agent.Property(a => a.State).HasConversion<string>().HasMaxLength(32);
            agent.HasIndex(a => a.Name);
        });

        modelBuilder.Entity<DataProtectionKeyEntity>(key => key.Property(k => k.FriendlyName).HasMaxLength(255));

        var rule = new ValueConverter<ScheduleRule, string>(
            value => JsonSerializer.Serialize(value, s_configurationJson),
            json => JsonSerializer.Deserialize<ScheduleRule>(json, s_configurationJson)!);
        modelBuilder.Entity<ScheduledScanEntity>(schedule =>
        {
            schedule.Property(s => s.Configuration).HasConversion(configuration, configurationComparer);
            schedule.Property(s => s.Rule).HasConversion(rule, new ValueComparer<ScheduleRule>(
                (a, b) => ReferenceEquals(a, b), value => value.GetHashCode(), value => value));
            schedule.Property(s => s.Name).HasMaxLength(255);
            schedule.Property(s => s.TargetUrl).HasMaxLength(2048);
            schedule.Property(s => s.ScanType).HasConversion<string>().HasMaxLength(16);
            schedule.Property(s => s.Version).IsConcurrencyToken();
            schedule.HasIndex(s => new { s.UserId, s.NextExecutionTime });
            schedule.HasIndex(s => new { s.Disabled, s.NextExecutionTime });
        });

        if (IsPostgres)
        {
            // timestamptz takes UTC only: a DateTime of another kind (parsed from a request) is read as UTC, as SQLite stores it.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                .Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)))
            {
                property.SetValueConverter(s_utc);
            }
        }
    }

    private void BumpScanVersions()
    {
        foreach (var entry in ChangeTracker.Entries<ScanEntity>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}

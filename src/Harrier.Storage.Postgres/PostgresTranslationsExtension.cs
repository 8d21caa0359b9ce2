using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.Storage.Postgres;

/// <summary>
/// Teaches the PostgreSQL provider the one translation the shared queue code uses that Npgsql lacks:
/// <see cref="DateTime.Ticks"/> (SQLite translates it natively), so the lease arithmetic is one LINQ query on both providers.
/// </summary>
internal sealed class PostgresTranslationsExtension : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) =>
        new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMemberTranslatorPlugin, TicksTranslatorPlugin>();

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "HarrierPostgresTranslations ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Harrier:PostgresTranslations"] = "1";
    }
}

internal sealed class TicksTranslatorPlugin(ISqlExpressionFactory sql) : IMemberTranslatorPlugin
{
    public IEnumerable<IMemberTranslator> Translators { get; } = [new TicksTranslator(sql)];
}

/// <summary><c>x.Ticks</c> → <c>CAST(date_part('epoch', x) * 1e7 AS bigint) + 621355968000000000</c> (UTC timestamptz).</summary>
internal sealed class TicksTranslator(ISqlExpressionFactory sql) : IMemberTranslator
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    public SqlExpression? Translate(SqlExpression? instance, MemberInfo member, Type returnType, IDiagnosticsLogger<DbLoggerCategory.Query> logger)
    {
        if (instance is null || member.DeclaringType != typeof(DateTime) || member.Name != nameof(DateTime.Ticks))
        {
            return null;
        }

        var epoch = sql.Function("date_part", [sql.Constant("epoch"), instance], nullable: true,
            argumentsPropagateNullability: [false, true], typeof(double));
        var ticks = sql.Convert(sql.Multiply(epoch, sql.Constant(10_000_000.0)), typeof(long));
        return sql.Add(ticks, sql.Constant(UnixEpochTicks));
    }
}

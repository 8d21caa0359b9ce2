using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Harrier.Storage.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server (nothing connects).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HarrierDbContext>
{
    public HarrierDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        PostgresStorage.Configure(options, "Host=127.0.0.1;Database=harrier_design_time");
        return new HarrierDbContext(options.Options);
    }
}

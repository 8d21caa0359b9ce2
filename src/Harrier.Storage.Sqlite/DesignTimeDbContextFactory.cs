using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Harrier.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HarrierDbContext>
{
    public HarrierDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        SqliteStorage.Configure(options, Path.GetTempPath());
        return new HarrierDbContext(options.Options);
    }
}

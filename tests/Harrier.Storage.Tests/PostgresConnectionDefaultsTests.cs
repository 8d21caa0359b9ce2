using Harrier.Storage.Postgres;
using Npgsql;

namespace Harrier.Storage.Tests;

/// <summary>What Harrier adds to a PostgreSQL connection string, and that the operator's own setting wins.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void UnsetAutoPrepare_IsTurnedOn_AndTheRestIsKept()
    {
        var result = new NpgsqlConnectionStringBuilder(PostgresStorage.WithDefaults("Host=127.0.0.1;Port=5433;Database=harrier;Username=h;Password=p"));

        Assert.Equal(50, result.MaxAutoPrepare);
        Assert.Equal(("127.0.0.1", 5433, "harrier", "h", "p"), (result.Host, result.Port, result.Database, result.Username, result.Password));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=harrier;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=harrier;maxautoprepare=7", 7)]
    public void ExplicitAutoPrepare_Wins(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresStorage.WithDefaults(connectionString)).MaxAutoPrepare);
}

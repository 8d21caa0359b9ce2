namespace Harrier.Storage;

/// <summary>The two providers of the one model, told apart by EF Core's provider name.</summary>
public static class StorageProviders
{
    public const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static bool IsPostgres(string? providerName) => string.Equals(providerName, PostgresProviderName, StringComparison.Ordinal);
}

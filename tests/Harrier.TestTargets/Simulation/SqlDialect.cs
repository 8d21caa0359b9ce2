namespace Harrier.TestTargets.Simulation;

/// <summary>The database whose error messages a simulated query imitates.</summary>
internal enum SqlDialect
{
    MySql,
    PostgreSql,
    Sqlite,
    SqlServer,
    Oracle,
}

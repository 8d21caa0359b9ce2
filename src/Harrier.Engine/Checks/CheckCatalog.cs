namespace Harrier.Engine.Checks;

/// <summary>The metadata of every registered check, for scan policies and documentation.</summary>
public static class CheckCatalog
{
    public static IReadOnlyList<CheckMetadata> All { get; } = [.. CheckRegistry.All.Select(c => c.Metadata)];
}

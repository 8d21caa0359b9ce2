namespace Harrier.TestTargets.Simulation;

/// <summary>A row of the simulated <c>products</c> table.</summary>
internal sealed record FakeProduct(long Id, string Name, long Price, string Category)
{
    public static IReadOnlyList<FakeProduct> All { get; } =
    [
        new(1, "widget", 10, "tools"),
        new(2, "gadget", 25, "tools"),
        new(3, "gizmo", 7, "toys"),
        new(4, "doohickey", 3, "toys"),
        new(5, "sprocket", 12, "parts"),
    ];
}

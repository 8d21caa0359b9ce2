namespace Harrier.TestTargets.Simulation;

/// <summary>A token of a simulated SQL clause.</summary>
internal sealed record SqlToken(SqlTokenKind Kind, string Text);

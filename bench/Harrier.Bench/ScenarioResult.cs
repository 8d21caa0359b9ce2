namespace Harrier.Bench;

/// <summary>Every run of one scenario, and what it is: engine alone, the whole pipeline, or the plain load generator.</summary>
internal sealed record ScenarioResult(string Section, string Name, string Kind, IReadOnlyList<Measurement> Runs, string? Note = null);

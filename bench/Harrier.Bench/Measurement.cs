namespace Harrier.Bench;

/// <summary>One run of one scenario: named figures and the load average when it started.</summary>
internal sealed record Measurement(IReadOnlyDictionary<string, double> Values, string LoadAverage);

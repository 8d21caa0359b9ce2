namespace Harrier.Core.Findings;

/// <summary>The raw request and response that prove a finding (response capped in size), and what in it proves it.</summary>
public sealed record Evidence(string RawRequest, string RawResponse, string? Proof);

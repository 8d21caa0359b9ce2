using Harrier.Core.Scans;

namespace Harrier.Engine.Checks;

/// <summary>One Invicti <c>VulnerabilityType</c> a check can emit (contract Appendix A), with its title, severity and certainty.</summary>
public sealed record FindingType(string Name, string Title, Severity Severity, bool IsConfirmed, int Certainty);

namespace Harrier.Core.Issues;

/// <summary>
/// The state of an issue tracked across scans (Invicti's vulnerability states, contract §2.38 and §5.5).
/// Member names are the wire names; never rely on ordinals.
/// </summary>
public enum IssueState
{
    Present,
    FixedUnconfirmed,
    FixedCantRetest,
    FixedConfirmed,
    Revived,
    Scanning,
    Ignored,
    AcceptedRisk,
    FalsePositive,
}

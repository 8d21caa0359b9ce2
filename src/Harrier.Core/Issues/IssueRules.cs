namespace Harrier.Core.Issues;

/// <summary>What a scan result or a user does to an issue's state: the one place the transitions live (docs/issues.md).</summary>
public static class IssueRules
{
    /// <summary>States only a user sets; scans record a sighting but never overwrite them.</summary>
    public static bool IsUserState(IssueState state) =>
        state is IssueState.Ignored or IssueState.AcceptedRisk or IssueState.FalsePositive;

    public static bool IsFixed(IssueState state) =>
        state is IssueState.FixedUnconfirmed or IssueState.FixedCantRetest or IssueState.FixedConfirmed;

    /// <summary>Still to fix: counted in the website's global figures and listed in the to-do list.</summary>
    public static bool IsOpen(IssueState state) => state is IssueState.Present or IssueState.Revived or IssueState.Scanning;

    /// <summary>Fixed, ignored, accepted risk or false positive (Invicti's "addressed issues").</summary>
    public static bool IsAddressed(IssueState state) => !IsOpen(state);

    /// <summary>Marked fixed but not confirmed by a retest yet.</summary>
    public static bool IsWaitingForRetest(IssueState state) => state is IssueState.FixedUnconfirmed or IssueState.FixedCantRetest;

    /// <summary>The states <c>POST /issues/update</c> accepts (the contract's list plus Ignored); <c>Default</c> is handled apart.</summary>
    public static bool IsSettableByUser(IssueState state) =>
        IsUserState(state) || state is IssueState.FixedUnconfirmed or IssueState.FixedCantRetest;

    /// <summary>A scan found the issue: fixed issues come back as Revived, open and user states stay as they are.</summary>
    public static IssueState Found(IssueState current) => IsFixed(current) ? IssueState.Revived : current;

    /// <summary>
    /// A full or incremental scan of the website did not find the issue: open issues become FixedUnconfirmed, others stay.
    /// </summary>
    public static IssueState NotFoundByFullScan(IssueState current) => IsOpen(current) ? IssueState.FixedUnconfirmed : current;

    /// <summary>A retest did not reproduce one of its base scan's issues: fixed for sure, unless a user decided otherwise.</summary>
    public static IssueState NotReproducedByRetest(IssueState current) => IsUserState(current) ? current : IssueState.FixedConfirmed;

    /// <summary>What <c>"State": "Default"</c> resets to: open again, so the next scan decides whether it is still there.</summary>
    public const IssueState Default = IssueState.Present;
}

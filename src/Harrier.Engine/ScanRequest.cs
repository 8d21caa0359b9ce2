using Harrier.Core.Scans;

namespace Harrier.Engine;

/// <summary>Everything one scan needs: its id, the stored launch configuration, the policy, a way to decrypt target secrets and the pause gate.</summary>
public sealed record ScanRequest(
    Guid ScanId,
    ScanConfiguration Configuration,
    EnginePolicy Policy,
    Func<EncryptedSecret, string> RevealSecret,
    IPauseGate PauseGate)
{
    /// <summary>Set for a retest: re-verify these findings only, no crawl. Null for a full or incremental scan.</summary>
    public RetestPlan? Retest { get; init; }

    /// <summary>Set for an incremental scan: attack only what is new or changed since this base.</summary>
    public IncrementalBase? Incremental { get; init; }
}

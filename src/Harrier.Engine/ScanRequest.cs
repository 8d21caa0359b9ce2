using Harrier.Core.Scans;

namespace Harrier.Engine;

/// <summary>Everything one scan needs: its id, the stored launch configuration, the policy, a way to decrypt target secrets and the pause gate.</summary>
public sealed record ScanRequest(
    Guid ScanId,
    ScanConfiguration Configuration,
    EnginePolicy Policy,
    Func<EncryptedSecret, string> RevealSecret,
    IPauseGate PauseGate);

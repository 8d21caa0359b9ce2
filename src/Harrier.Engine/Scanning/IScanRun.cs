namespace Harrier.Engine.Scanning;

/// <summary>One scan's orchestration, as the engine drives it: a full or incremental <see cref="ScanRun"/>, or a <see cref="RetestRun"/>.</summary>
internal interface IScanRun
{
    /// <summary>Progress now, for the periodic report.</summary>
    ScanProgress Snapshot();

    /// <summary>Progress reported once the run has ended.</summary>
    ScanProgress Final();

    Task ExecuteAsync(CancellationToken cancellationToken);
}

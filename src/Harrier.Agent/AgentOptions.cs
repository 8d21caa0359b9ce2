using System.ComponentModel.DataAnnotations;

namespace Harrier.Agent;

/// <summary>How agents hold and watch their scans (configuration section <c>Harrier:Agent</c>).</summary>
public sealed class AgentOptions
{
    public const string Section = "Harrier:Agent";

    /// <summary>Name prefix of this host's agents; each gets <c>-1</c>, <c>-2</c>, …. Default: the machine name.</summary>
    public string? Name { get; set; }

    /// <summary>The agent group of this host's agents; launches with that <c>AgentGroupName</c> run only on them. Default: none.</summary>
    [MaxLength(255)]
    public string? Group { get; set; }

    /// <summary>How long a claimed scan stays owned without a heartbeat. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an agent renews its lease. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a running scan's state is read (pause, resume, cancel are seen within this). Default 0.5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan ControlPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often an idle agent looks for queued scans. Default 0.5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Claims of one scan before it fails with <c>AgentNotAvailable</c>. Default 3.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Scans of one user that agents run at the same time (scanning, pausing, resuming or delayed); the user's further scans stay
    /// Queued until one of them ends. Enforced when an agent claims a scan, so every process claiming from one database should use
    /// the same value. Default: no limit.
    /// </summary>
    [Range(1, 10_000)]
    public int? MaxRunningScansPerUser { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace Harrier.Server.Scheduling;

/// <summary>The scheduler of <c>harrier serve</c> (configuration section <c>Harrier:Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Harrier:Scheduler";

    /// <summary>Launch due schedules in this process. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due schedules are looked for. Default: 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most schedules launched in one round; the rest wait for the next. Default: 100.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;
}

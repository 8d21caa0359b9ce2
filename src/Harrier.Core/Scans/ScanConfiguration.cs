namespace Harrier.Core.Scans;

/// <summary>
/// Everything a scan was launched with, stored whole on the scan as one immutable value.
/// <c>newfromscan</c> copies it as it is, so a relaunch sends the same requests as its source.
/// Secrets inside (<see cref="TargetAuthentication"/>) are held encrypted.
/// </summary>
public sealed record ScanConfiguration
{
    /// <summary>The absolute URL the scan starts from.</summary>
    public required string TargetUrl { get; init; }

    public ScanTaskScope Scope { get; init; } = ScanTaskScope.EnteredPathAndBelow;

    public IReadOnlyList<AdditionalWebsite> AdditionalWebsites { get; init; } = [];

    /// <summary>Cookies sent with every request, <c>name=value; name2=value2</c>; <c>null</c> when none.</summary>
    public string? Cookies { get; init; }

    /// <summary>Attack pages while the crawl goes on (true) or crawl first, then attack (false).</summary>
    public bool CrawlAndAttack { get; init; } = true;

    public bool FindAndFollowNewLinks { get; init; } = true;

    public bool ExcludeLinks { get; init; } = true;

    /// <summary>Regular expressions of URLs never requested when <see cref="ExcludeLinks"/> is on.</summary>
    public IReadOnlyList<string> ExcludedLinks { get; init; } = DefaultExcludedLinks;

    public IReadOnlyList<HttpMethodName> DisallowedHttpMethods { get; init; } = [];

    /// <summary>Extra URLs or paths that seed the crawler.</summary>
    public IReadOnlyList<string> ImportedLinks { get; init; } = [];

    public IReadOnlyList<string> ExcludedUsageTrackers { get; init; } = [];

    public bool ExcludeAuthenticationPages { get; init; }

    public bool DoNotDifferentiateProtocols { get; init; }

    public int MaxDynamicSignatures { get; init; } = 60;

    public int SubPathMaxDynamicSignatures { get; init; } = 30;

    /// <summary>Hours after which the scan stops and completes with what it found.</summary>
    public int MaxScanDuration { get; init; } = 48;

    public bool IsMaxScanDurationEnabled { get; init; }

    public ScanTimeWindow? TimeWindow { get; init; }

    public UrlRewriteSettings UrlRewrite { get; init; } = new();

    public Guid PolicyId { get; init; }

    public Guid ReportPolicyId { get; init; }

    public AuthenticationProfileOption AuthenticationProfileOption { get; init; } = AuthenticationProfileOption.DontUse;

    public Guid? AuthenticationProfileId { get; init; }

    public TargetAuthentication Authentication { get; init; } = new();

    public string? AgentName { get; init; }

    public string? AgentGroupName { get; init; }

    public bool EnablePciScanTask { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Comments { get; init; }

    /// <summary>Recorded business-logic sequences, kept as given (opaque JSON) and echoed back.</summary>
    public string? BusinessLogicRecorderSetting { get; init; }

    /// <summary>The regexes Invicti documents as the default exclusion list.</summary>
    public static IReadOnlyList<string> DefaultExcludedLinks { get; } =
        [@"(log|sign)\-?(out|off)", "exit", "endsession", @"gtm\.js"];
}

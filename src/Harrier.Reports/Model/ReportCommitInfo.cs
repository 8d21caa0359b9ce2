namespace Harrier.Reports;

/// <summary>The CI build and commit a scan was launched for (Invicti <c>VcsCommitInfo</c>), shown in the narrative reports.</summary>
public sealed record ReportCommitInfo
{
    public string? IntegrationSystem { get; init; }

    public string? CommitId { get; init; }

    public string? Branch { get; init; }

    public string? Committer { get; init; }

    public string? BuildId { get; init; }

    public string? BuildUrl { get; init; }
}

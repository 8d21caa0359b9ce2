namespace Harrier.Core.Scans;

/// <summary>The CI system that launched a scan. Member names are the wire names; never rely on ordinals.</summary>
public enum IntegrationSystem
{
    Teamcity,
    Jenkins,
    Bamboo,
    GitLab,
    AzureDevOps,
    Jira,
    CircleCI,
    TravisCI,
    UrbanCodeDeploy,
    GitHubActions,
}

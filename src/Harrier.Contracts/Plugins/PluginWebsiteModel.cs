namespace Harrier.Contracts.Plugins;

/// <summary>An item of <c>PluginWebSiteModels</c> (contract §2.37): a website and its scan profiles.</summary>
public sealed record PluginWebsiteModel(Guid Id, string Name, string Url, IReadOnlyList<PluginWebsiteProfile> WebsiteProfiles);

public sealed record PluginWebsiteProfile(Guid Id, string Name);

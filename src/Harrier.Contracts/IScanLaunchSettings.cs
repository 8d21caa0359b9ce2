// The launch members shared by NewScanTaskApiModel, SaveScanProfileApiModel and the schedule models.</auto-generated>
#nullable enable
using System.Text.Json;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;

namespace Harrier.Contracts;

/// <summary>The members every Invicti launch model shares (contract §3.2), so one mapper reads them all.</summary>
public interface IScanLaunchSettings
{
    string? TargetUri { get; }

    IReadOnlyList<AdditionalWebsiteModel>? AdditionalWebsites { get; }

    BasicAuthenticationSettingModel? BasicAuthenticationApiModel { get; }

    ClientCertificateAuthenticationApiModel? ClientCertificateAuthenticationSetting { get; }

    string? Cookies { get; }

    bool? CrawlAndAttack { get; }

    bool? EnableHeuristicChecksInCustomUrlRewrite { get; }

    IReadOnlyList<ExcludedLinkModel>? ExcludedLinks { get; }

    IReadOnlyList<ExcludedUsageTrackerModel>? ExcludedUsageTrackers { get; }

    IReadOnlyList<HttpMethodName>? DisallowedHttpMethods { get; }

    bool? ExcludeLinks { get; }

    bool? ExcludeAuthenticationPages { get; }

    bool? FindAndFollowNewLinks { get; }

    FormAuthenticationSettingModel? FormAuthenticationSettingModel { get; }

    HeaderAuthenticationModel? HeaderAuthentication { get; }

    SharkModel? SharkSetting { get; }

    AuthenticationProfileOption? AuthenticationProfileOption { get; }

    Guid? AuthenticationProfileId { get; }

    IReadOnlyList<string>? ImportedLinks { get; }

    IReadOnlyList<ApiFile>? ImportedFiles { get; }

    bool? IsMaxScanDurationEnabled { get; }

    int? MaxDynamicSignatures { get; }

    int? MaxScanDuration { get; }

    Guid? PolicyId { get; }

    Guid? ReportPolicyId { get; }

    ScanTaskScope? Scope { get; }

    int? SubPathMaxDynamicSignatures { get; }

    ScanTimeWindowModel? TimeWindow { get; }

    string? UrlRewriteAnalyzableExtensions { get; }

    string? UrlRewriteBlockSeparators { get; }

    UrlRewriteMode? UrlRewriteMode { get; }

    IReadOnlyList<UrlRewriteRuleModel>? UrlRewriteRules { get; }

    PreRequestScriptSettingModel? PreRequestScriptSetting { get; }

    bool? DoNotDifferentiateProtocols { get; }

    IReadOnlyList<UrlRewriteExcludedPathModel>? UrlRewriteExcludedLinks { get; }

    JsonElement? OAuth2SettingModel { get; }

    bool? EnablePciScanTask { get; }

    BusinessLogicRecorderSettingModel? BusinessLogicRecorderSetting { get; }

    IReadOnlyList<string>? Tags { get; }

    string? Comments { get; }
}

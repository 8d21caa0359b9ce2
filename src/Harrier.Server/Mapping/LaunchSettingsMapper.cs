using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harrier.Contracts;
using Harrier.Contracts.Models;
using Harrier.Contracts.Serialization;
using Harrier.Core.Scans;
using Harrier.Server.Http;

namespace Harrier.Server.Mapping;

/// <summary>
/// Turns the launch members of any Invicti launch model into a <see cref="ScanConfiguration"/> (applying the
/// documented defaults and validating every member) and back. Secrets are encrypted on the way in and never
/// written back out.
/// </summary>
internal static class LaunchSettingsMapper
{
    public const int MaxSignatures = 10_000;

    public static ScanConfiguration ToConfiguration(
        IScanLaunchSettings model, string targetUrl, Guid policyId, Guid reportPolicyId, ISecretProtector protector, ModelState errors)
    {
        var excluded = (model.ExcludedLinks ?? []).Select(l => l.RegexPattern ?? "").ToList();
        foreach (var pattern in excluded)
        {
            if (!IsValidRegex(pattern))
            {
                errors.Add(nameof(model.ExcludedLinks), $"'{pattern}' is not a valid regular expression.");
            }
        }

        CheckRange(errors, nameof(model.MaxDynamicSignatures), model.MaxDynamicSignatures, 1, MaxSignatures);
        CheckRange(errors, nameof(model.SubPathMaxDynamicSignatures), model.SubPathMaxDynamicSignatures, 1, MaxSignatures);
        CheckRange(errors, nameof(model.MaxScanDuration), model.MaxScanDuration, 1, 24 * 365);
        var additional = (model.AdditionalWebsites ?? []).Select(w => new AdditionalWebsite(w.TargetUrl ?? "", w.Canonical ?? false)).ToList();
        foreach (var site in additional.Where(s => !IsHttpUrl(s.TargetUrl)))
        {
            errors.Add(nameof(model.AdditionalWebsites), $"'{site.TargetUrl}' is not an absolute http or https URL.");
        }

        if (model.AuthenticationProfileOption == AuthenticationProfileOption.SelectedProfile && model.AuthenticationProfileId is null)
        {
            errors.Add(nameof(model.AuthenticationProfileId), "An authentication profile id is required when AuthenticationProfileOption is SelectedProfile.");
        }

        var defaults = new ScanConfiguration { TargetUrl = targetUrl };
        return defaults with
        {
            Scope = model.Scope ?? defaults.Scope,
            AdditionalWebsites = additional,
            Cookies = string.IsNullOrWhiteSpace(model.Cookies) ? null : model.Cookies,
            CrawlAndAttack = model.CrawlAndAttack ?? defaults.CrawlAndAttack,
            FindAndFollowNewLinks = model.FindAndFollowNewLinks ?? defaults.FindAndFollowNewLinks,
            ExcludeLinks = model.ExcludeLinks ?? defaults.ExcludeLinks,
            ExcludedLinks = model.ExcludedLinks is null ? defaults.ExcludedLinks : excluded,
            DisallowedHttpMethods = [.. (model.DisallowedHttpMethods ?? []).Distinct()],
            ImportedLinks = [.. (model.ImportedLinks ?? []).Where(l => !string.IsNullOrWhiteSpace(l))],
            ExcludedUsageTrackers = [.. (model.ExcludedUsageTrackers ?? []).Select(t => t.Url ?? "").Where(u => u.Length > 0)],
            ExcludeAuthenticationPages = model.ExcludeAuthenticationPages ?? model.FormAuthenticationSettingModel?.IsEnabled == true,
            DoNotDifferentiateProtocols = model.DoNotDifferentiateProtocols ?? false,
            MaxDynamicSignatures = model.MaxDynamicSignatures ?? defaults.MaxDynamicSignatures,
            SubPathMaxDynamicSignatures = model.SubPathMaxDynamicSignatures ?? defaults.SubPathMaxDynamicSignatures,
            MaxScanDuration = model.MaxScanDuration ?? defaults.MaxScanDuration,
            IsMaxScanDurationEnabled = model.IsMaxScanDurationEnabled ?? false,
            TimeWindow = ToTimeWindow(model.TimeWindow, errors),
            UrlRewrite = new UrlRewriteSettings
            {
                Mode = model.UrlRewriteMode ?? UrlRewriteMode.Heuristic,
                AnalyzableExtensions = model.UrlRewriteAnalyzableExtensions ?? "htm,html",
                BlockSeparators = model.UrlRewriteBlockSeparators ?? "/$.,;|:",
                EnableHeuristicChecksInCustomUrlRewrite = model.EnableHeuristicChecksInCustomUrlRewrite ?? false,
                Rules = [.. (model.UrlRewriteRules ?? []).Select(r => new UrlRewriteRule(r.PlaceholderPattern ?? "", r.RegexPattern ?? ""))],
                ExcludedPaths = [.. (model.UrlRewriteExcludedLinks ?? []).Select(p => new UrlRewriteExcludedPath(p.ExcludedPath ?? "", p.IsRegex ?? false))],
            },
            PolicyId = policyId,
            ReportPolicyId = reportPolicyId,
            AuthenticationProfileOption = model.AuthenticationProfileOption ?? AuthenticationProfileOption.DontUse,
            AuthenticationProfileId = model.AuthenticationProfileId,
            Authentication = TargetAuthenticationMapper.ToAuthentication(model, protector, errors),
            EnablePciScanTask = model.EnablePciScanTask ?? false,
            Tags = [.. (model.Tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t))],
            Comments = model.Comments,
            BusinessLogicRecorderSetting = model.BusinessLogicRecorderSetting is { } blr
                ? JsonSerializer.Serialize(blr, InvictiJson.Options) : null,
        };
    }

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    public static ScanTimeWindowModel? ToModel(ScanTimeWindow? window) => window is null ? null : new ScanTimeWindowModel
    {
        Items = [.. window.Items.Select(i => new ScanTimeWindowItemModel
        {
            Day = i.Day,
            From = i.From.ToString("HH:mm", CultureInfo.InvariantCulture),
            To = i.To.ToString("HH:mm", CultureInfo.InvariantCulture),
            ScanningAllowed = i.ScanningAllowed,
        })],
    };

    public static BusinessLogicRecorderSettingModel? ToBusinessLogicModel(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<BusinessLogicRecorderSettingModel>(json, InvictiJson.Options);

    private static ScanTimeWindow? ToTimeWindow(ScanTimeWindowModel? model, ModelState errors)
    {
        if (model?.Items is not { Count: > 0 } items)
        {
            return null;
        }

        var result = new List<ScanTimeWindowItem>();
        foreach (var item in items)
        {
            if (item.Day is not { } day || !TryParseHour(item.From, out var from) || !TryParseHour(item.To, out var to))
            {
                errors.Add("TimeWindow.Items", "Each time-window item needs a Day and From/To times as HH:mm.");
                continue;
            }

            result.Add(new ScanTimeWindowItem(day, from, to, item.ScanningAllowed ?? false));
        }

        return new ScanTimeWindow(result);
    }

    private static bool TryParseHour(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static void CheckRange(ModelState errors, string member, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(member, $"{member} must be between {min} and {max}.");
        }
    }

    private static bool IsValidRegex(string pattern)
    {
        if (pattern.Length == 0)
        {
            return false;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

using System.Globalization;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;

namespace Harrier.Web.Pages;

/// <summary>
/// The new-scan form's values, read from the posted form, checked for what the form itself can tell (required, numbers,
/// times), and turned into the API's launch model; the API then applies its own validation.
/// </summary>
internal sealed class NewScanForm
{
    public static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public string Target { get; init; } = "";
    public string PolicyId { get; init; } = "";
    public ScanTaskScope Scope { get; init; } = ScanTaskScope.EnteredPathAndBelow;
    public string ExcludedLinks { get; init; } = string.Join('\n', ScanConfiguration.DefaultExcludedLinks);
    public IReadOnlyList<HttpMethodName> DisallowedMethods { get; init; } = [];
    public string Cookies { get; init; } = "";
    public string Auth { get; init; } = "none";
    public string FormLoginUrl { get; init; } = "";
    public string FormUser { get; init; } = "";
    public string FormPassword { get; init; } = "";
    public string BasicPrefix { get; init; } = "";
    public string BasicUser { get; init; } = "";
    public string BasicPassword { get; init; } = "";
    public BasicAuthenticationType BasicType { get; init; } = BasicAuthenticationType.Basic;
    public string Headers { get; init; } = "";
    public bool TimeWindow { get; init; }
    public IReadOnlyList<DayOfWeek> WindowDays { get; init; } = [];
    public string WindowFrom { get; init; } = "22:00";
    public string WindowTo { get; init; } = "23:59";
    public string MaxHours { get; init; } = "";
    public bool SaveProfile { get; init; }
    public string ProfileName { get; init; } = "";

    /// <summary>Field errors by form field name (<c>""</c> for the form as a whole).</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public static NewScanForm From(IFormCollection form) => new()
    {
        Target = form["target"].ToString().Trim(),
        PolicyId = form["policy"].ToString(),
        Scope = Enum.TryParse<ScanTaskScope>(form["scope"], out var scope) && Enum.IsDefined(scope) ? scope : ScanTaskScope.EnteredPathAndBelow,
        ExcludedLinks = form["excludedLinks"].ToString(),
        DisallowedMethods = [.. form["disallowed"].Select(m => Enum.TryParse<HttpMethodName>(m, out var method) && Enum.IsDefined(method) ? method : (HttpMethodName?)null)
            .OfType<HttpMethodName>().Distinct()],
        Cookies = form["cookies"].ToString().Trim(),
        Auth = form["auth"].ToString() is "form" or "basic" or "headers" ? form["auth"].ToString() : "none",
        FormLoginUrl = form["formLoginUrl"].ToString().Trim(),
        FormUser = form["formUser"].ToString(),
        FormPassword = form["formPassword"].ToString(),
        BasicPrefix = form["basicPrefix"].ToString().Trim(),
        BasicUser = form["basicUser"].ToString(),
        BasicPassword = form["basicPassword"].ToString(),
        BasicType = Enum.TryParse<BasicAuthenticationType>(form["basicType"], out var type) && Enum.IsDefined(type) ? type : BasicAuthenticationType.Basic,
        Headers = form["headers"].ToString(),
        TimeWindow = form["timeWindow"] == "on",
        WindowDays = [.. form["days"].Select(d => Enum.TryParse<DayOfWeek>(d, out var day) && Enum.IsDefined(day) ? day : (DayOfWeek?)null).OfType<DayOfWeek>().Distinct()],
        WindowFrom = form["windowFrom"].ToString(),
        WindowTo = form["windowTo"].ToString(),
        MaxHours = form["maxHours"].ToString().Trim(),
        SaveProfile = form["saveProfile"] == "on",
        ProfileName = form["profileName"].ToString().Trim(),
    };

    public void AddError(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }

        if (!list.Contains(message, StringComparer.Ordinal))
        {
            list.Add(message);
        }
    }

    /// <summary>What the form can check before asking the API.</summary>
    public bool Validate()
    {
        if (Target.Length == 0)
        {
            AddError("target", "Enter the URL to scan.");
        }
        else if (!Uri.TryCreate(Target, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            AddError("target", "Enter an absolute http:// or https:// URL, such as https://example.com/app/.");
        }

        if (MaxHours.Length > 0 && (!int.TryParse(MaxHours, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > 8760))
        {
            AddError("maxHours", "Enter a whole number of hours from 1 to 8760, or leave it empty for no limit.");
        }

        if (TimeWindow)
        {
            if (WindowDays.Count == 0)
            {
                AddError("days", "Choose at least one day on which the scan may run.");
            }

            if (!TimeOnly.TryParseExact(WindowFrom, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(WindowTo, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to <= from)
            {
                AddError("windowFrom", "Enter the start and end as HH:mm, with the end after the start.");
            }
        }

        if (Auth == "headers" && HeaderLines().Any(h => h.Name.Length == 0))
        {
            AddError("headers", "Write one header per line as Name: value.");
        }

        if (SaveProfile && ProfileName.Length == 0)
        {
            AddError("profileName", "Name the scan profile, or untick \"Save as a scan profile\".");
        }

        return Errors.Count == 0;
    }

    public NewScanTaskApiModel ToLaunchModel() => new()
    {
        TargetUri = Target,
        PolicyId = Guid.TryParse(PolicyId, out var policy) ? policy : null,
        Scope = Scope,
        ExcludeLinks = true,
        ExcludedLinks = [.. ExcludedLinkLines().Select(l => new ExcludedLinkModel { RegexPattern = l })],
        DisallowedHttpMethods = DisallowedMethods,
        Cookies = Cookies.Length == 0 ? null : Cookies,
        FormAuthenticationSettingModel = Auth == "form" ? new FormAuthenticationSettingModel
        {
            IsEnabled = true,
            LoginFormUrl = FormLoginUrl,
            Personas = [new FormAuthenticationPersona { IsActive = true, UserName = FormUser, Password = FormPassword }],
        } : null,
        BasicAuthenticationApiModel = Auth == "basic" ? new BasicAuthenticationSettingModel
        {
            IsEnabled = true,
            Credentials = [new BasicAuthenticationCredentialModel { AuthenticationType = BasicType, UriPrefix = BasicPrefix, UserName = BasicUser, Password = BasicPassword }],
        } : null,
        HeaderAuthentication = Auth == "headers" ? new HeaderAuthenticationModel
        {
            IsEnabled = true,
            Headers = [.. HeaderLines().Select(h => new CustomHttpHeaderModel { Name = h.Name, Value = h.Value })],
        } : null,
        TimeWindow = TimeWindow ? new ScanTimeWindowModel
        {
            Items = [.. Days.Select(d => new ScanTimeWindowItemModel { Day = d, From = WindowFrom, To = WindowTo, ScanningAllowed = WindowDays.Contains(d) })],
        } : null,
        IsMaxScanDurationEnabled = MaxHours.Length > 0,
        MaxScanDuration = int.TryParse(MaxHours, NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? max : null,
    };

    public SaveScanProfileApiModel ToProfileModel()
    {
        var launch = ToLaunchModel();
        return new SaveScanProfileApiModel
        {
            ProfileName = ProfileName,
            TargetUri = launch.TargetUri,
            PolicyId = launch.PolicyId,
            Scope = launch.Scope,
            ExcludeLinks = launch.ExcludeLinks,
            ExcludedLinks = launch.ExcludedLinks,
            DisallowedHttpMethods = launch.DisallowedHttpMethods,
            Cookies = launch.Cookies,
            FormAuthenticationSettingModel = launch.FormAuthenticationSettingModel,
            BasicAuthenticationApiModel = launch.BasicAuthenticationApiModel,
            HeaderAuthentication = launch.HeaderAuthentication,
            TimeWindow = launch.TimeWindow,
            IsTimeWindowEnabled = launch.TimeWindow is not null,
            IsMaxScanDurationEnabled = launch.IsMaxScanDurationEnabled,
            MaxScanDuration = launch.MaxScanDuration,
        };
    }

    /// <summary>Maps the API's model-state keys onto this form's fields.</summary>
    public void AddApiErrors(string message, IReadOnlyDictionary<string, string[]>? errors)
    {
        if (errors is null || errors.Count == 0)
        {
            AddError("", message);
            return;
        }

        foreach (var (key, messages) in errors)
        {
            var field = key switch
            {
                _ when key.Contains("TargetUri", StringComparison.Ordinal) => "target",
                _ when key.Contains("ExcludedLinks", StringComparison.Ordinal) => "excludedLinks",
                _ when key.Contains("MaxScanDuration", StringComparison.Ordinal) => "maxHours",
                _ when key.Contains("TimeWindow", StringComparison.Ordinal) => "windowFrom",
                _ when key.Contains("BasicAuthentication", StringComparison.Ordinal) => "basicPrefix",
                _ when key.Contains("LoginFormUrl", StringComparison.Ordinal) => "formLoginUrl",
                _ when key.Contains("FormAuthentication", StringComparison.Ordinal) => "formUser",
                _ when key.Contains("HeaderAuthentication", StringComparison.Ordinal) => "headers",
                _ when key.Contains("PolicyId", StringComparison.Ordinal) => "policy",
                _ when key.Contains("ProfileName", StringComparison.Ordinal) => "profileName",
                _ => "",
            };
            foreach (var text in messages)
            {
                AddError(field, text);
            }
        }
    }

    private string[] ExcludedLinkLines() =>
        ExcludedLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private IEnumerable<(string Name, string Value)> HeaderLines() =>
        Headers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? ("", line) : (line[..colon].Trim(), line[(colon + 1)..].Trim());
        });
}

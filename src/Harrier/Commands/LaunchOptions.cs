using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harrier.Cli;
using Harrier.Client;
using Harrier.Contracts.Models;
using Harrier.Contracts.Serialization;
using Harrier.Core.Scans;

namespace Harrier.Commands;

/// <summary>
/// The launch options of <c>scans/new</c> (contract §2.1, model §3.2) as flags, shared by <c>harrier scan</c> and
/// <c>harrier scans new</c>: <c>--config FILE</c> holds a whole <c>NewScanTaskApiModel</c> as JSON, and each flag overrides it.
/// </summary>
internal sealed class LaunchOptions
{
    private const int MaxHours = 24 * 365;

    private readonly Option<FileInfo?> _config = new("--config")
    {
        Description = "A JSON file holding a NewScanTaskApiModel (the body of POST /api/1.0/scans/new); the flags below override it.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _policy = new("--policy")
    {
        Description = "Scan policy, by name or id (default: the built-in \"Default Security Checks\").",
        HelpName = "NAME|ID",
    };

    private readonly Option<ScanTaskScope?> _scope = ArgumentParsers.Enum<ScanTaskScope>("--scope", "What to crawl (default EnteredPathAndBelow).");

    private readonly Option<string[]> _exclude = new("--exclude")
    {
        Description = "Do not crawl or attack URLs matching this regular expression (repeatable; added to the default exclusions: logout, sign-off, …).",
        HelpName = "REGEX",
    };

    private readonly Option<string[]> _cookie = new("--cookie")
    {
        Description = "Cookies to send, 'name=value; name2=value2' (repeatable; values URL-encoded).",
        HelpName = "COOKIES",
    };

    private readonly Option<string[]> _header = new("--header")
    {
        Description = "A header to send with every request, 'Name: value' (repeatable; e.g. 'Authorization: Bearer …').",
        HelpName = "HEADER",
    };

    private readonly Option<string?> _authBasic = new("--auth-basic")
    {
        Description = "HTTP Basic credentials for the target, 'user:password'.",
        HelpName = "USER:PASSWORD",
    };

    private readonly Option<string?> _authFormUrl = new("--auth-form-url")
    {
        Description = "Log in through the form at this URL before scanning (with --auth-user and --auth-password).",
        HelpName = "URL",
    };

    private readonly Option<string?> _authUser = new("--auth-user") { Description = "User name for --auth-form-url.", HelpName = "USER" };

    private readonly Option<string?> _authPassword = new("--auth-password") { Description = "Password for --auth-form-url.", HelpName = "PASSWORD" };

    private readonly Option<int?> _maxDuration = new("--max-duration")
    {
        Description = "Stop the scan after this many hours.",
        HelpName = "HOURS",
    };

    public LaunchOptions()
    {
        ArgumentParsers.Range(_maxDuration, 1, MaxHours);
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { _config, _policy, _scope, _exclude, _cookie, _header, _authBasic, _authFormUrl, _authUser, _authPassword, _maxDuration })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The launch model for <paramref name="url"/> (or the config file's <c>TargetUri</c>), validated here so that bad input
    /// fails before anything starts. A policy given by name is resolved later with <see cref="ResolvePolicyAsync"/>.
    /// </summary>
    public LaunchRequest Build(ParseResult parseResult, string? url)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var model = ReadConfig(parseResult.GetValue(_config)) ?? new NewScanTaskApiModel();
        var target = url ?? model.TargetUri;
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new CliException("A target URL is required (as the URL argument or TargetUri in --config).");
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var targetUri) || (targetUri.Scheme != Uri.UriSchemeHttp && targetUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"'{target}' is not an absolute http or https URL.");
        }

        model = model with { TargetUri = targetUri.AbsoluteUri };
        string? policyName = null;
        if (parseResult.GetValue(_policy) is { Length: > 0 } policy)
        {
            if (Guid.TryParse(policy, out var policyId))
            {
                model = model with { PolicyId = policyId };
            }
            else
            {
                policyName = policy;
            }
        }

        if (parseResult.GetValue(_scope) is { } scope)
        {
            model = model with { Scope = scope };
        }

        model = WithExclusions(model, parseResult.GetValue(_exclude) ?? []);
        if (parseResult.GetValue(_cookie) is { Length: > 0 } cookies)
        {
            model = model with { Cookies = string.Join("; ", cookies.Select(c => c.Trim().TrimEnd(';'))) };
        }

        model = WithHeaders(model, parseResult.GetValue(_header) ?? []);
        model = WithBasic(model, parseResult.GetValue(_authBasic), targetUri);
        model = WithForm(model, parseResult.GetValue(_authFormUrl), parseResult.GetValue(_authUser), parseResult.GetValue(_authPassword));
        if (parseResult.GetValue(_maxDuration) is { } hours)
        {
            model = model with { MaxScanDuration = hours, IsMaxScanDurationEnabled = true };
        }

        return new LaunchRequest(model, policyName);
    }

    /// <summary>Looks a policy given by name up on the server (<c>scanpolicies/get?name=</c>) and sets its id.</summary>
    public static async Task<NewScanTaskApiModel> ResolvePolicyAsync(LaunchRequest request, HarrierApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (request.PolicyName is null)
        {
            return request.Model;
        }

        try
        {
            var policy = await client.GetScanPolicyAsync(request.PolicyName, cancellationToken);
            return request.Model with { PolicyId = policy.Id };
        }
        catch (HarrierApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new CliException($"There is no scan policy named '{request.PolicyName}'.");
        }
    }

    private static NewScanTaskApiModel? ReadConfig(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read --config {file.FullName}: {ex.Message}");
        }

        try
        {
            return JsonSerializer.Deserialize<NewScanTaskApiModel>(text, InvictiJson.Options)
                ?? throw new CliException($"--config {file.Name} holds null instead of a NewScanTaskApiModel object.");
        }
        catch (JsonException ex)
        {
            throw new CliException($"--config {file.Name} is not a valid NewScanTaskApiModel: {ex.Message}");
        }
    }

    private static NewScanTaskApiModel WithExclusions(NewScanTaskApiModel model, string[] patterns)
    {
        if (patterns.Length == 0)
        {
            return model;
        }

        foreach (var pattern in patterns)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"--exclude '{pattern}' is not a valid regular expression: {ex.Message}");
            }
        }

        var existing = model.ExcludedLinks ?? [.. ScanConfiguration.DefaultExcludedLinks.Select(p => new ExcludedLinkModel { RegexPattern = p })];
        return model with
        {
            ExcludeLinks = true,
            ExcludedLinks = [.. existing, .. patterns.Select(p => new ExcludedLinkModel { RegexPattern = p })],
        };
    }

    private static NewScanTaskApiModel WithHeaders(NewScanTaskApiModel model, string[] headers)
    {
        if (headers.Length == 0)
        {
            return model;
        }

        var parsed = new List<CustomHttpHeaderModel>();
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? header[..colon].Trim() : "";
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || header.AsSpan(colon + 1).ContainsAny('\r', '\n'))
            {
                throw new CliException($"--header '{header}' is not 'Name: value'.");
            }

            parsed.Add(new CustomHttpHeaderModel { Name = name, Value = header[(colon + 1)..].Trim() });
        }

        var existing = model.HeaderAuthentication is { IsEnabled: true, Headers: { } current } ? current : [];
        return model with { HeaderAuthentication = new HeaderAuthenticationModel { IsEnabled = true, Headers = [.. existing, .. parsed] } };
    }

    private static NewScanTaskApiModel WithBasic(NewScanTaskApiModel model, string? credentials, Uri target)
    {
        if (credentials is null)
        {
            return model;
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new CliException("--auth-basic must be 'user:password'.");
        }

        return model with
        {
            BasicAuthenticationApiModel = new BasicAuthenticationSettingModel
            {
                IsEnabled = true,
                NoChallenge = false,
                Credentials =
                [
                    new BasicAuthenticationCredentialModel
                    {
                        AuthenticationType = BasicAuthenticationType.Basic,
                        UriPrefix = target.GetLeftPart(UriPartial.Authority) + "/",
                        UserName = credentials[..colon],
                        Password = credentials[(colon + 1)..],
                    },
                ],
            },
        };
    }

    private static NewScanTaskApiModel WithForm(NewScanTaskApiModel model, string? loginUrl, string? user, string? password)
    {
        if (loginUrl is null && user is null && password is null)
        {
            return model;
        }

        if (loginUrl is null || user is null || password is null)
        {
            throw new CliException("Form login needs all of --auth-form-url, --auth-user and --auth-password.");
        }

        if (!Uri.TryCreate(loginUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--auth-form-url '{loginUrl}' is not an absolute http or https URL.");
        }

        return model with
        {
            FormAuthenticationSettingModel = (model.FormAuthenticationSettingModel ?? new FormAuthenticationSettingModel()) with
            {
                IsEnabled = true,
                LoginFormUrl = uri.AbsoluteUri,
                Personas = [new FormAuthenticationPersona { IsActive = true, UserName = user, Password = password }],
            },
        };
    }
}

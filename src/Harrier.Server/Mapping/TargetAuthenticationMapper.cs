using Harrier.Contracts;
using Harrier.Core.Scans;
using Harrier.Server.Http;

namespace Harrier.Server.Mapping;

/// <summary>Target credentials from a launch model: validated, and every secret encrypted before it is stored.</summary>
internal static class TargetAuthenticationMapper
{
    public static TargetAuthentication ToAuthentication(IScanLaunchSettings model, ISecretProtector protector, ModelState errors)
    {
        return new TargetAuthentication
        {
            Basic = ToBasic(model, protector, errors),
            Form = ToForm(model, protector, errors),
            Headers = ToHeaders(model, protector, errors),
        };
    }

    private static BasicAuthentication? ToBasic(IScanLaunchSettings model, ISecretProtector protector, ModelState errors)
    {
        if (model.BasicAuthenticationApiModel is not { IsEnabled: true } basic)
        {
            return null;
        }

        var credentials = new List<BasicCredential>();
        foreach (var c in basic.Credentials ?? [])
        {
            if (string.IsNullOrEmpty(c.UriPrefix) || string.IsNullOrEmpty(c.UserName) || c.Password is null)
            {
                errors.Add("BasicAuthenticationApiModel.Credentials", "Each credential needs UriPrefix, UserName and Password.");
                continue;
            }

            credentials.Add(new BasicCredential(
                c.AuthenticationType ?? BasicAuthenticationType.Basic, c.UriPrefix, c.UserName, protector.Protect(c.Password), c.Domain));
        }

        if (credentials.Count == 0)
        {
            errors.Add("BasicAuthenticationApiModel.Credentials", "Basic authentication is enabled but no credential is given.");
        }

        return new BasicAuthentication(basic.NoChallenge ?? false, credentials);
    }

    private static FormAuthentication? ToForm(IScanLaunchSettings model, ISecretProtector protector, ModelState errors)
    {
        if (model.FormAuthenticationSettingModel is not { IsEnabled: true } form)
        {
            return null;
        }

        var persona = form.Personas?.FirstOrDefault(p => p.IsActive == true) ?? (form.Personas is { Count: > 0 } all ? all[0] : null);
        if (!LaunchSettingsMapper.IsHttpUrl(form.LoginFormUrl))
        {
            errors.Add("FormAuthenticationSettingModel.LoginFormUrl", "Form authentication needs an absolute LoginFormUrl.");
        }

        if (string.IsNullOrEmpty(persona?.UserName) || persona.Password is null)
        {
            errors.Add("FormAuthenticationSettingModel.Personas", "Form authentication needs a persona with UserName and Password.");
            return null;
        }

        return new FormAuthentication(
            form.LoginFormUrl ?? "",
            form.LoginRequiredUrl,
            persona.UserName,
            protector.Protect(persona.Password),
            [.. (form.LogoutKeywordPatterns ?? []).Select(p => p.Pattern ?? "").Where(p => p.Length > 0)],
            form.LogoutRedirectPattern,
            form.OverrideTargetUrl ?? false,
            form.DetectBearerToken ?? true,
            form.DisableLogoutDetection ?? false);
    }

    private static List<SecretHeader> ToHeaders(IScanLaunchSettings model, ISecretProtector protector, ModelState errors)
    {
        if (model.HeaderAuthentication is not { IsEnabled: true } headers)
        {
            return [];
        }

        var result = new List<SecretHeader>();
        foreach (var header in headers.Headers ?? [])
        {
            if (string.IsNullOrWhiteSpace(header.Name) || header.Name.Any(c => c is '\r' or '\n' or ':'))
            {
                errors.Add("HeaderAuthentication.Headers", "Each header needs a valid Name.");
                continue;
            }

            if (header.Value?.Any(c => c is '\r' or '\n') == true)
            {
                errors.Add("HeaderAuthentication.Headers", $"The value of header '{header.Name}' must not contain line breaks.");
                continue;
            }

            result.Add(new SecretHeader(header.Name.Trim(), protector.Protect(header.Value ?? "")));
        }

        return result;
    }
}

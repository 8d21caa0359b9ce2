using Harrier.Contracts.Models;
using Harrier.Core.Scans;
using Harrier.Storage;
using Harrier.Web.Authentication;
using Harrier.Web.Html;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Pages;

/// <summary><c>/scans/new</c>: the launch form. It posts through <c>scans/new</c> (and <c>scanprofiles/new</c>) in process.</summary>
internal static class NewScanPage
{
    public static void Map(RouteGroupBuilder ui)
    {
        ui.MapGet("/scans/new", Show);
        ui.MapPost("/scans/new", Launch);
    }

    public static Task<IResult> Show(HttpContext http, HarrierDbContext db, string? target, CancellationToken cancellationToken) =>
        RenderAsync(http, db, new NewScanForm { Target = target ?? "" }, StatusCodes.Status200OK, cancellationToken);

    public static async Task<IResult> Launch(HttpContext http, HarrierDbContext db, InProcessApi api, CancellationToken cancellationToken)
    {
        var form = NewScanForm.From(await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false));
        if (!form.Validate())
        {
            return await RenderAsync(http, db, form, StatusCodes.Status400BadRequest, cancellationToken).ConfigureAwait(false);
        }

        if (form.SaveProfile)
        {
            var saved = await api.PostJsonAsync(http, "/api/1.0/scanprofiles/new", form.ToProfileModel(), cancellationToken).ConfigureAwait(false);
            if (!saved.IsSuccess)
            {
                form.AddApiErrors(saved.ErrorMessage(), saved.Errors);
                return await RenderAsync(http, db, form, StatusCodes.Status400BadRequest, cancellationToken).ConfigureAwait(false);
            }
        }

        var launched = await api.PostJsonAsync(http, "/api/1.0/scans/new", form.ToLaunchModel(), cancellationToken).ConfigureAwait(false);
        if (!launched.IsSuccess)
        {
            form.AddApiErrors(launched.ErrorMessage(), launched.Errors);
            return await RenderAsync(http, db, form, StatusCodes.Status400BadRequest, cancellationToken).ConfigureAwait(false);
        }

        var scan = launched.Read<IReadOnlyList<ScanTaskModel>>()[0];
        return Layout.SeeOther($"/scans/{scan.Id}?notice={(form.SaveProfile ? "profile" : "launched")}");
    }

    private static async Task<IResult> RenderAsync(HttpContext http, HarrierDbContext db, NewScanForm form, int status, CancellationToken cancellationToken)
    {
        var userId = WebSession.UserId(http.User);
        var policies = await db.ScanPolicies.AsNoTracking().Where(p => p.UserId == null || p.UserId == userId || p.IsShared)
            .OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var summary = form.Errors.Count == 0 ? Markup.Empty : Markup.Of($"""
            <div class="notice error" role="alert" id="form-errors" tabindex="-1">
              <p><strong>The scan was not launched. Please fix:</strong></p>
              <ul>{form.Errors.SelectMany(e => e.Value.Select(m => Markup.Of($"<li>{(e.Key.Length > 0 ? Markup.Of($"<a href=\"#{e.Key}\">{m}</a>") : Markup.Text(m))}</li>")))}</ul>
            </div>
            """);
        var body = Markup.Of($"""
            <h1>New scan</h1>
            {summary}
            <form method="post" action="/scans/new" class="new-scan" novalidate>
              {Layout.CsrfField(http)}
              <fieldset>
                <legend>Target</legend>
                {Field(form, "target", "URL to scan", Markup.Of($"<input id=\"target\" name=\"target\" type=\"url\" inputmode=\"url\" required spellcheck=\"false\" value=\"{form.Target}\" placeholder=\"https://example.com/app/\"{Invalid(form, "target")}>"), "Harrier registers the website on first launch.")}
                <div class="row">
                  {Field(form, "policy", "Scan policy", Markup.Of($"<select id=\"policy\" name=\"policy\"{Invalid(form, "policy")}>{policies.Select(p => Markup.Of($"<option value=\"{p.Id}\"{(p.Id.ToString() == form.PolicyId ? Markup.Trusted(" selected") : Markup.Empty)}>{p.Name}</option>"))}</select>"))}
                  {Field(form, "scope", "Scope", Markup.Of($"<select id=\"scope\" name=\"scope\">{Enum.GetValues<ScanTaskScope>().Select(s => Markup.Of($"<option value=\"{s}\"{(s == form.Scope ? Markup.Trusted(" selected") : Markup.Empty)}>{ScopeLabel(s)}</option>"))}</select>"))}
                </div>
              </fieldset>
              <fieldset>
                <legend>Crawling limits</legend>
                {Field(form, "excludedLinks", "Excluded links", Markup.Of($"<textarea id=\"excludedLinks\" name=\"excludedLinks\" rows=\"4\" spellcheck=\"false\"{Invalid(form, "excludedLinks")}>{form.ExcludedLinks}</textarea>"), "One regular expression per line; matching URLs are never requested.")}
                <div class="field" role="group" aria-labelledby="disallowed-l">
                  <span id="disallowed-l">Disallowed HTTP methods</span>
                  <div class="checks">{Enum.GetValues<HttpMethodName>().Select(m => Markup.Of($"<label class=\"check\"><input type=\"checkbox\" name=\"disallowed\" value=\"{m}\"{(form.DisallowedMethods.Contains(m) ? Markup.Trusted(" checked") : Markup.Empty)}> {m}</label>"))}</div>
                </div>
                {Field(form, "cookies", "Cookies", Markup.Of($"<input id=\"cookies\" name=\"cookies\" spellcheck=\"false\" autocomplete=\"off\" value=\"{form.Cookies}\" placeholder=\"name=value; other=value\">"), "Sent with every request, e.g. a session cookie. Stored with the scan and never shown again.")}
              </fieldset>
              <fieldset>
                <legend>Authentication</legend>
                {Field(form, "auth", "Sign in to the target with", Markup.Of($"""
                  <select id="auth" name="auth" data-toggle="auth">
                    <option value="none"{Sel(form.Auth == "none")}>Nothing (scan as a visitor)</option>
                    <option value="form"{Sel(form.Auth == "form")}>A login form</option>
                    <option value="basic"{Sel(form.Auth == "basic")}>HTTP authentication (Basic, Digest, NTLM…)</option>
                    <option value="headers"{Sel(form.Auth == "headers")}>Request headers (API key, bearer token)</option>
                  </select>
                  """))}
                <div data-toggle-group="auth" data-show-when="form" class="row">
                  {Field(form, "formLoginUrl", "Login form URL", Markup.Of($"<input id=\"formLoginUrl\" name=\"formLoginUrl\" type=\"url\" spellcheck=\"false\" value=\"{form.FormLoginUrl}\"{Invalid(form, "formLoginUrl")}>"))}
                  {Field(form, "formUser", "User name", Markup.Of($"<input id=\"formUser\" name=\"formUser\" autocomplete=\"off\" value=\"{form.FormUser}\"{Invalid(form, "formUser")}>"))}
                  {Field(form, "formPassword", "Password", Markup.Trusted("<input id=\"formPassword\" name=\"formPassword\" type=\"password\" autocomplete=\"new-password\">"))}
                </div>
                <div data-toggle-group="auth" data-show-when="basic" class="row">
                  {Field(form, "basicPrefix", "For URLs starting with", Markup.Of($"<input id=\"basicPrefix\" name=\"basicPrefix\" type=\"url\" spellcheck=\"false\" value=\"{form.BasicPrefix}\"{Invalid(form, "basicPrefix")}>"))}
                  {Field(form, "basicType", "Scheme", Markup.Of($"<select id=\"basicType\" name=\"basicType\">{Enum.GetValues<BasicAuthenticationType>().Select(t => Markup.Of($"<option value=\"{t}\"{Sel(t == form.BasicType)}>{t}</option>"))}</select>"))}
                  {Field(form, "basicUser", "User name", Markup.Of($"<input id=\"basicUser\" name=\"basicUser\" autocomplete=\"off\" value=\"{form.BasicUser}\">"))}
                  {Field(form, "basicPassword", "Password", Markup.Trusted("<input id=\"basicPassword\" name=\"basicPassword\" type=\"password\" autocomplete=\"new-password\">"))}
                </div>
                <div data-toggle-group="auth" data-show-when="headers">
                  {Field(form, "headers", "Headers", Markup.Of($"<textarea id=\"headers\" name=\"headers\" rows=\"3\" spellcheck=\"false\" placeholder=\"Authorization: Bearer …\"{Invalid(form, "headers")}>{form.Headers}</textarea>"), "One per line, as Name: value. Values are encrypted at rest and never shown again.")}
                </div>
              </fieldset>
              <fieldset>
                <legend>When and how long</legend>
                <label class="check"><input type="checkbox" id="timeWindow" name="timeWindow"{Sel(form.TimeWindow, " checked")}> Only scan within a weekly time window</label>
                <div class="field" role="group" aria-labelledby="days-l" id="days">
                  <span id="days-l">Days</span>
                  <div class="checks">{NewScanForm.Days.Select(d => Markup.Of($"<label class=\"check\"><input type=\"checkbox\" name=\"days\" value=\"{d}\"{Sel(form.WindowDays.Contains(d), " checked")}> {d}</label>"))}</div>
                  {Errors(form, "days")}
                </div>
                <div class="row">
                  {Field(form, "windowFrom", "From", Markup.Of($"<input id=\"windowFrom\" name=\"windowFrom\" type=\"time\" value=\"{form.WindowFrom}\"{Invalid(form, "windowFrom")}>"))}
                  {Field(form, "windowTo", "To", Markup.Of($"<input id=\"windowTo\" name=\"windowTo\" type=\"time\" value=\"{form.WindowTo}\">"), "In your time zone.")}
                </div>
                {Field(form, "maxHours", "Maximum duration (hours)", Markup.Of($"<input id=\"maxHours\" name=\"maxHours\" inputmode=\"numeric\" pattern=\"[0-9]*\" value=\"{form.MaxHours}\"{Invalid(form, "maxHours")}>"), "Leave empty for no limit.")}
              </fieldset>
              <fieldset>
                <legend>Scan profile</legend>
                <label class="check"><input type="checkbox" id="saveProfile" name="saveProfile"{Sel(form.SaveProfile, " checked")}> Save as a scan profile</label>
                {Field(form, "profileName", "Profile name", Markup.Of($"<input id=\"profileName\" name=\"profileName\" value=\"{form.ProfileName}\"{Invalid(form, "profileName")}>"))}
              </fieldset>
              <button type="submit" class="primary" id="launch">Launch scan</button>
            </form>
            """);
        return Layout.Page(http, "New scan", "new", body, status);
    }

    private static string ScopeLabel(ScanTaskScope scope) => scope switch
    {
        ScanTaskScope.OnlyEnteredUrl => "Only the entered URL",
        ScanTaskScope.WholeDomain => "The whole domain",
        _ => "The entered path and below",
    };

    private static Markup Sel(bool on, string attribute = " selected") => on ? Markup.Trusted(attribute) : Markup.Empty;

    private static Markup Invalid(NewScanForm form, string field) =>
        form.Errors.ContainsKey(field) ? Markup.Of($" aria-invalid=\"true\" aria-describedby=\"{field}-error\"") : Markup.Empty;

    private static Markup Errors(NewScanForm form, string field) =>
        form.Errors.TryGetValue(field, out var messages)
            ? Markup.Of($"<span class=\"error-text\" id=\"{field}-error\">{string.Join(" ", messages)}</span>")
            : Markup.Empty;

    private static Markup Field(NewScanForm form, string id, string label, Markup control, string? help = null) => Markup.Of($"""
        <div class="field">
          <label for="{id}">{label}</label>
          {control}
          {(help is null ? Markup.Empty : Markup.Of($"<span class=\"help\">{help}</span>"))}
          {Errors(form, id)}
        </div>
        """);
}

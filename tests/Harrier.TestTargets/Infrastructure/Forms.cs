namespace Harrier.TestTargets.Infrastructure;

/// <summary>Shared form fragments.</summary>
internal static class Forms
{
    /// <summary>
    /// An anti-forgery field on every state-changing form except the deliberate CSRF hole, so a CSRF check
    /// reports only <c>/vuln/csrf/…</c>. Only the CSRF twin validates it.
    /// </summary>
    public const string CsrfField = "<input type=\"hidden\" name=\"csrf_token\" value=\"" + CsrfToken + "\">";

    /// <summary>The token value; only the CSRF twin (<c>/safe/csrf/profile</c>) checks it.</summary>
    public const string CsrfToken = "7c3f9a2e5b814d6f";
}

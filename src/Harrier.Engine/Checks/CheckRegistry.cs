using Harrier.Engine.Checks.Active.CommandInjection;
using Harrier.Engine.Checks.Active.Cors;
using Harrier.Engine.Checks.Active.HeaderInjection;
using Harrier.Engine.Checks.Active.LdapInjection;
using Harrier.Engine.Checks.Active.OpenRedirect;
using Harrier.Engine.Checks.Active.ParameterPollution;
using Harrier.Engine.Checks.Active.PathTraversal;
using Harrier.Engine.Checks.Active.RemoteFileInclusion;
using Harrier.Engine.Checks.Active.SqlInjection;
using Harrier.Engine.Checks.Active.Ssrf;
using Harrier.Engine.Checks.Active.TemplateInjection;
using Harrier.Engine.Checks.Active.XPathInjection;
using Harrier.Engine.Checks.Active.Xss;
using Harrier.Engine.Checks.Active.Xxe;
using Harrier.Engine.Checks.Passive.Cookies;
using Harrier.Engine.Checks.Passive.Disclosure;
using Harrier.Engine.Checks.Passive.Forms;
using Harrier.Engine.Checks.Passive.Headers;
using Harrier.Engine.Checks.Passive.Scripts;
using Harrier.Engine.Checks.Resource;

namespace Harrier.Engine.Checks;

/// <summary>Every check the engine knows, as an explicit list; a convention test fails when a check class is missing here.</summary>
internal static class CheckRegistry
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new ReflectedXssCheck(),
        new ErrorBasedSqlInjectionCheck(),
        new BooleanSqlInjectionCheck(),
        new TimeBasedSqlInjectionCheck(),
        new CommandInjectionCheck(),
        new TimeBasedCommandInjectionCheck(),
        new PathTraversalCheck(),
        new TemplateInjectionCheck(),
        new OpenRedirectCheck(),
        new CrlfInjectionCheck(),
        new CorsMisconfigurationCheck(),
        new MissingXFrameOptionsCheck(),
        new MissingContentSecurityPolicyCheck(),
        new MissingXContentTypeOptionsCheck(),
        new StrictTransportSecurityCheck(),
        new CookieHttpOnlyCheck(),
        new CookieSecureCheck(),
        new CookieSameSiteCheck(),
        new VersionDisclosureCheck(),
        new StackTraceDisclosureCheck(),
        new DatabaseErrorDisclosureCheck(),
        new DirectoryListingCheck(),
        new InternalIpDisclosureCheck(),
        new PasswordOverHttpCheck(),
        new PasswordAutocompleteCheck(),
        new DomXssCheck(),
        new StoredXssCheck(),
        new XPathInjectionCheck(),
        new LdapInjectionCheck(),
        new ParameterPollutionCheck(),
        new XxeCheck(),
        new SsrfCheck(),
        new RemoteFileInclusionCheck(),
        new SensitiveFileCheck(),
        new BackupFileCheck(),
        new HttpMethodsCheck(),
        new MissingReferrerPolicyCheck(),
        new CspUnsafeDirectivesCheck(),
        new SourceCodeDisclosureCheck(),
        new CreditCardDisclosureCheck(),
        new CsrfCheck(),
        new MixedContentCheck(),
        new WeakCredentialsCheck(),
    ];

    public static IReadOnlyList<IActiveCheck> Active(IReadOnlySet<string>? enabled) =>
        [.. All.OfType<IActiveCheck>().Where(c => IsEnabled(c, enabled))];

    public static IReadOnlyList<IPassiveCheck> Passive(IReadOnlySet<string>? enabled) =>
        [.. All.OfType<IPassiveCheck>().Where(c => IsEnabled(c, enabled))];

    /// <summary>A null set means the default policy: every check that is <see cref="CheckMetadata.EnabledByDefault"/>.</summary>
    public static bool IsEnabled(ICheck check, IReadOnlySet<string>? enabled) =>
        enabled is null ? check.Metadata.EnabledByDefault : enabled.Contains(check.Metadata.Id);

    public static IReadOnlyList<IResourceCheck> Resource(IReadOnlySet<string>? enabled) =>
        [.. All.OfType<IResourceCheck>().Where(c => IsEnabled(c, enabled))];
}

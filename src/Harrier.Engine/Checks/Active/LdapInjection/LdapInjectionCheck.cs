using Harrier.Engine.Checks.Active.Shared;

namespace Harrier.Engine.Checks.Active.LdapInjection;

/// <summary>
/// Error-based LDAP injection on one insertion point: appends filter-breaking suffixes (parentheses, a bare backslash)
/// to the original value and looks for a directory library's error (Java JNDI/UnboundID/Novell, PHP, OpenLDAP, .NET,
/// Active Directory, Python) that the baseline response does not already show. Stops at the first confirmation.
/// </summary>
internal sealed class LdapInjectionCheck : IActiveCheck
{
    private static readonly IReadOnlyList<string> s_payloads = PayloadFile.ReadLines("ldap-payloads.txt");
    private static readonly ErrorSignatureSet s_signatures = ErrorSignatureSet.Load("ldap-error-signatures.txt");

    public CheckMetadata Metadata => LdapInjectionDefinition.Metadata;

    public Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken) =>
        ErrorBasedProbe.RunAndReportAsync(context, Metadata, s_payloads, s_signatures, cancellationToken);
}

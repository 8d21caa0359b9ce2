namespace Harrier.Engine.InsertionPoints;

/// <summary>
/// Which optional insertion-point kinds to enumerate for one request. <paramref name="PageText"/> is the visible text of
/// the page the request produced (null if unknown): a last path segment the page shows is attacked like a parameter.
/// </summary>
internal sealed record InsertionPointOptions(
    bool PathSegments,
    bool Headers,
    IReadOnlyList<KeyValuePair<string, string>>? JarCookies,
    string DefaultUserAgent,
    string? PageText = null)
{
    public static InsertionPointOptions ParametersOnly { get; } = new(false, false, null, "");
}

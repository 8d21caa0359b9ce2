namespace Harrier.Engine.InsertionPoints;

/// <summary>Which optional insertion-point kinds to enumerate for one request.</summary>
internal sealed record InsertionPointOptions(bool PathSegments, bool Headers, IReadOnlyList<KeyValuePair<string, string>>? JarCookies, string DefaultUserAgent)
{
    public static InsertionPointOptions ParametersOnly { get; } = new(false, false, null, "");
}

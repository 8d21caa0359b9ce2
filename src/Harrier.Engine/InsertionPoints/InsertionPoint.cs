using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>One value of a request that a check may replace: <see cref="WithValue"/> returns the request with only that value changed.</summary>
internal sealed class InsertionPoint(InsertionPointKind kind, string name, string originalValue, Func<string, ScanHttpRequest> build)
{
    public InsertionPointKind Kind { get; } = kind;

    public string Name { get; } = name;

    public string OriginalValue { get; } = originalValue;

    public ScanHttpRequest WithValue(string value) => build(value);

    public override string ToString() => Kind + ":" + Name;
}

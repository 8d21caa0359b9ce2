namespace Harrier.Engine.Http;

/// <summary>One site the scan may visit: an origin and the path prefix allowed under it.</summary>
internal sealed record ScopeRoot(string Scheme, string Host, int Port, string PathPrefix, string? ExactPath);

namespace Harrier.Engine.Tests.Infrastructure;

public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers);

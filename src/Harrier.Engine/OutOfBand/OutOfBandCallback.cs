namespace Harrier.Engine.OutOfBand;

/// <summary>One request that reached the out-of-band listener with a token it handed out.</summary>
public sealed record OutOfBandCallback(string Token, DateTimeOffset Time, string RemoteAddress, string Method, string Path);

namespace Harrier.Engine.OutOfBand;

/// <summary>A unique token and the listener URL that carries it; a request to <see cref="Url"/> is recorded as a callback.</summary>
internal sealed record OutOfBandToken(string Token, Uri Url);

namespace Harrier.Engine.Http;

/// <summary>What one scan's send path enforces and adds.</summary>
internal sealed record ScanHttpClientSettings(
    EnginePolicy Policy,
    RequestRules Rules,
    IPauseGate PauseGate,
    CookieJar Cookies,
    TargetCredentials Credentials);

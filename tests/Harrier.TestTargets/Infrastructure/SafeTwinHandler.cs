namespace Harrier.TestTargets.Infrastructure;

/// <summary>Endpoint metadata on a <c>/vuln/…</c> route: its safe twin's handler, which serves the route once the hole is fixed.</summary>
internal sealed record SafeTwinHandler(RequestDelegate Handler);

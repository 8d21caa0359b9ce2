using Harrier.Core.Findings;

namespace Harrier.Engine.Tests.Infrastructure;

/// <summary>What one check run produced: findings, requests the server received, and requests used per insertion point.</summary>
internal sealed record CheckRun(IReadOnlyList<Finding> Findings, int RequestsReceived, IReadOnlyList<int> RequestsPerInsertionPoint);

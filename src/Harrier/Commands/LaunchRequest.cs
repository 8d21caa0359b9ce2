using Harrier.Contracts.Models;

namespace Harrier.Commands;

/// <summary>A launch model built from flags, and the scan policy name still to resolve on the server (null when none or given by id).</summary>
internal sealed record LaunchRequest(NewScanTaskApiModel Model, string? PolicyName);

using Harrier.Core.Findings;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Checks;

/// <summary>Builds <see cref="Finding"/>s from a check's metadata. The request passed is the original (unattacked) request, so fingerprints stay stable.</summary>
internal static class FindingFactory
{
    public static Finding Create(
        CheckMetadata metadata,
        FindingType type,
        ScanHttpRequest request,
        InsertionPoint? point,
        string? payload,
        Evidence? evidence,
        string? url = null) => new()
        {
            CheckId = metadata.Id,
            Type = type.Name,
            Title = type.Title,
            Severity = type.Severity,
            IsConfirmed = type.IsConfirmed,
            Certainty = type.Certainty,
            Url = url ?? request.Url.AbsoluteUri,
            Method = request.Method,
            Parameter = point?.Name,
            ParameterLocation = point?.Kind.ToString(),
            Payload = payload,
            Evidence = evidence,
            Classification = metadata.Classification,
        };
}

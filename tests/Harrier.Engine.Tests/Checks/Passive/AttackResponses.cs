using Harrier.Engine.Http;

namespace Harrier.Engine.Tests.Checks.Passive;

/// <summary>Marks a constructed response as the answer to an attack request, for checks that judge only normal traffic.</summary>
internal static class AttackResponses
{
    public static ScanHttpResponse AsAttack(ScanHttpResponse response) => new(
        response.Request with { IsAttack = true },
        response.StatusCode,
        response.ReasonPhrase,
        response.HttpVersion,
        response.Headers,
        response.Body,
        response.IsTruncated,
        response.Elapsed);
}

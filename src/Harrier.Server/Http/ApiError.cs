using System.Text.Json.Serialization;

namespace Harrier.Server.Http;

/// <summary>The Invicti error body (<c>BaseResponseApiModel</c>), with ASP.NET Web API's <c>ModelState</c> for validation errors.</summary>
internal sealed record ApiError(string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? ModelState { get; init; }
}

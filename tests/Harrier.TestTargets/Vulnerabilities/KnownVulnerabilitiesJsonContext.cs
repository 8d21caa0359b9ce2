using System.Text.Json.Serialization;

namespace Harrier.TestTargets;

[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(KnownVulnerabilityDocument))]
internal sealed partial class KnownVulnerabilitiesJsonContext : JsonSerializerContext;

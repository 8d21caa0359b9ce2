using System.Text.Json;

namespace Harrier.Bench;

internal static class BenchJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

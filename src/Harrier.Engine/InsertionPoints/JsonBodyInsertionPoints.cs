using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>One insertion point per string, number or boolean value of a JSON body, named by its path (<c>user.name</c>, <c>items[0]</c>).</summary>
internal static class JsonBodyInsertionPoints
{
    // Payloads go out as written (the JSON stays valid); the default encoder would turn ' and < into \u escapes.
    private static readonly JsonSerializerOptions s_relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<InsertionPoint> Enumerate(ScanHttpRequest request)
    {
        if (request.Body is null || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return [];
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(request.Body);
        }
        catch (JsonException)
        {
            return [];
        }

        var points = new List<InsertionPoint>();
        Collect(root, "", [], request, points);
        return points;
    }

    private static void Collect(JsonNode? node, string name, List<object> path, ScanHttpRequest request, List<InsertionPoint> points)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Collect(child, name.Length == 0 ? key : name + "." + key, [.. path, key], request, points);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], name + "[" + i + "]", [.. path, i], request, points);
                }

                break;
            case JsonValue value:
                var original = value.ToJsonString().Trim('"');
                var steps = path.ToArray();
                points.Add(new InsertionPoint(InsertionPointKind.Json, name, original, replacement =>
                    request with { Body = Replace(request.Body!, steps, replacement) }));
                break;
            default:
                break;
        }
    }

    private static string Replace(string body, object[] steps, string replacement)
    {
        var root = JsonNode.Parse(body)!;
        var node = root;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            node = steps[i] is int index ? node[index]! : node[(string)steps[i]]!;
        }

        if (steps.Length == 0)
        {
            return JsonSerializer.Serialize(replacement, s_relaxed);
        }

        if (steps[^1] is int last)
        {
            node[last] = replacement;
        }
        else
        {
            node[(string)steps[^1]] = replacement;
        }

        return root.ToJsonString(s_relaxed);
    }
}

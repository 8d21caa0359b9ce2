using System.Globalization;
using System.Text.Json.Nodes;

namespace Harrier.Contracts.Serialization;

/// <summary>
/// Builds a JSON tree from form fields with nested keys, as CI plugins post them (contract §1.3):
/// <c>VcsCommitInfoModel.CiBuildId</c> (Java plugins) and <c>VcsCommitInfoModel[CiBuildId]</c> (the GitHub Action's qs encoder),
/// arrays as <c>Tags[0]</c>, <c>Tags[]</c> or a repeated key. Empty values read as null; all others stay strings and the
/// wire options convert them (numbers, booleans, enums, GUIDs).
/// </summary>
public static class FormJson
{
    public static JsonObject ToJson(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var root = new JsonObject();
        foreach (var (key, values) in fields)
        {
            if (key.Length == 0)
            {
                continue;
            }

            var path = ParseKey(key);
            foreach (var value in values)
            {
                Assign(root, path, value.Length == 0 ? null : JsonValue.Create(value), repeated: values.Count > 1);
            }
        }

        return root;
    }

    /// <summary>Splits <c>A.B[C][0][]</c> into <c>A, B, C, 0, ""</c>.</summary>
    internal static List<string> ParseKey(string key)
    {
        var segments = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == '.' || c == '[')
            {
                if (current.Length > 0 || c == '[' && segments.Count == 0 && i > 0)
                {
                    segments.Add(current.ToString());
                }

                current.Clear();
                if (c == '[')
                {
                    var close = key.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        current.Append(key, i, key.Length - i);
                        break;
                    }

                    segments.Add(key[(i + 1)..close]);
                    i = close;
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            segments.Add(current.ToString());
        }

        return segments;
    }

    private static void Assign(JsonObject root, List<string> path, JsonNode? value, bool repeated)
    {
        JsonNode container = root;
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            var segment = path[i];
            var nextIsIndex = !last && IsIndex(path[i + 1]);
            if (container is JsonObject obj)
            {
                if (last)
                {
                    if (repeated)
                    {
                        if (obj[segment] is not JsonArray array)
                        {
                            obj[segment] = array = [];
                        }

                        array.Add(value);
                    }
                    else
                    {
                        obj[segment] = value;
                    }

                    return;
                }

                container = obj[segment] ??= nextIsIndex ? new JsonArray() : new JsonObject();
            }
            else if (container is JsonArray array)
            {
                var index = segment.Length == 0 ? array.Count : int.Parse(segment, CultureInfo.InvariantCulture);
                while (array.Count <= index)
                {
                    array.Add(null);
                }

                if (last)
                {
                    array[index] = value;
                    return;
                }

                container = array[index] ??= nextIsIndex ? new JsonArray() : new JsonObject();
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsIndex(string segment) =>
        segment.Length == 0 || (segment.Length <= 4 && segment.All(char.IsAsciiDigit));
}

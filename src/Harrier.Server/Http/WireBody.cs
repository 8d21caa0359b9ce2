using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harrier.Contracts.Serialization;

namespace Harrier.Server.Http;

/// <summary>
/// Reads request bodies the way real Invicti clients send them (contract §1.3, §1.5): JSON, single-quoted pseudo-JSON,
/// and form-urlencoded with nested keys. Whatever goes wrong becomes a 400 with a <c>Message</c> naming the field.
/// </summary>
internal static class WireBody
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a whole request model.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var node = await ReadNodeAsync(request, cancellationToken).ConfigureAwait(false);
        if (node is not JsonObject)
        {
            throw ApiException.BadRequest($"The request body must be a JSON object ({typeof(T).Name}).");
        }

        return Deserialize<T>(node);
    }

    /// <summary>Reads one id: a bare JSON string, <c>{"id": …}</c> in any case, form <c>id=…</c> or <c>=…</c>.</summary>
    public static async Task<Guid> ReadIdAsync(HttpRequest request, string what, CancellationToken cancellationToken)
    {
        var node = await ReadNodeAsync(request, cancellationToken).ConfigureAwait(false);
        var value = node switch
        {
            JsonValue v when v.TryGetValue(out string? text) => text,
            JsonObject o => o.FirstOrDefault(p => p.Key.Equals("id", StringComparison.OrdinalIgnoreCase) || p.Key.Length == 0).Value?.ToString(),
            _ => null,
        };
        return Guid.TryParse(value?.Trim(), out var id)
            ? id
            : throw ApiException.BadRequest($"The {what} id is missing or is not a valid GUID.");
    }

    /// <summary>Reads a JSON array of ids (<c>scans/delete</c>), or repeated form values.</summary>
    public static async Task<IReadOnlyList<Guid>> ReadIdListAsync(HttpRequest request, string what, CancellationToken cancellationToken)
    {
        var node = await ReadNodeAsync(request, cancellationToken).ConfigureAwait(false);
        var items = node switch
        {
            JsonArray array => array,
            JsonObject o when o.FirstOrDefault().Value is JsonArray array => array,
            JsonObject o when o.FirstOrDefault().Value is JsonValue single => new JsonArray(single.DeepClone()),
            JsonValue single => new JsonArray(single.DeepClone()),
            _ => null,
        } ?? throw ApiException.BadRequest($"The request body must be a JSON array of {what} ids.");
        var ids = new List<Guid>(items.Count);
        foreach (var item in items)
        {
            if (item is not JsonValue v || !v.TryGetValue(out string? text) || !Guid.TryParse(text, out var id))
            {
                throw ApiException.BadRequest($"'{item?.ToJsonString()}' is not a valid {what} id.");
            }

            ids.Add(id);
        }

        return ids.Count == 0 ? throw ApiException.BadRequest($"At least one {what} id is required.") : ids;
    }

    internal static T Deserialize<T>(JsonNode node)
    {
        try
        {
            return node.Deserialize<T>(InvictiJson.Options)
                ?? throw ApiException.BadRequest("The request body is required.");
        }
        catch (JsonException ex)
        {
            var field = "model" + (ex.Path is { Length: > 1 } path ? path[1..] : "");
            var message = $"The value at '{field}' is not valid{ExpectedType(ex.Message)}.";
            throw ApiException.Invalid(new Dictionary<string, string[]> { [field] = [message] });
        }
    }

    /// <summary>Names the expected type from System.Text.Json's message, listing the names when it is an enum.</summary>
    private static string ExpectedType(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"converted to (?:System\.Nullable`1\[)?([\w.]+)");
        if (!match.Success)
        {
            return "";
        }

        var typeName = match.Groups[1].Value;
        var type = typeof(Core.Scans.ScanTaskState).Assembly.GetType(typeName) ?? Type.GetType(typeName);
        return type is { IsEnum: true }
            ? $"; expected one of {string.Join(", ", Enum.GetNames(type))}"
            : $"; expected {typeName[(typeName.LastIndexOf('.') + 1)..]}";
    }

    private static async Task<JsonNode?> ReadNodeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, cancellationToken).ConfigureAwait(false);
            if (form.Count == 1 && form.TryGetValue("", out var bare))
            {
                // Web API's "=value" form: the whole body is one value.
                return bare.Count == 1 ? JsonValue.Create(bare[0]) : new JsonArray([.. bare.Select(v => JsonValue.Create(v))]);
            }

            return FormJson.ToJson(form.Select(f =>
                KeyValuePair.Create(f.Key, (IReadOnlyList<string>)[.. f.Value.Select(v => v ?? "")])));
        }

        var text = await ReadTextAsync(request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiException.BadRequest("The request body is required.");
        }

        return ParseJson(text) ?? ParseBareValue(text) ?? throw ApiException.BadRequest("The request body is not valid JSON.");
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw ApiException.BadRequest("The form body is malformed: " + ex.Message);
        }
    }

    private static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, s_strictUtf8, detectEncodingFromByteOrderMarks: true);
        try
        {
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException)
        {
            throw ApiException.BadRequest("The request body is not valid UTF-8.");
        }
    }

    private static JsonNode? ParseJson(string text)
    {
        var documentOptions = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };
        try
        {
            return JsonNode.Parse(text, documentOptions: documentOptions);
        }
        catch (JsonException) when (LenientJson.UsesSingleQuotes(text))
        {
            try
            {
                return JsonNode.Parse(LenientJson.Normalize(text), documentOptions: documentOptions);
            }
            catch (JsonException)
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An unquoted GUID posted as text (some scripts do) is taken as that value.</summary>
    private static JsonValue? ParseBareValue(string text) =>
        Guid.TryParse(text.Trim(), out _) ? JsonValue.Create(text.Trim()) : null;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harrier.Contracts.Serialization;

/// <summary>
/// Reads JSON booleans and the strings form posts carry (<c>"true"</c>, <c>"False"</c>, <c>"on"</c>, <c>"1"</c>).
/// Any other string reads as false: the GitHub Action sends a commit SHA in <c>CiBuildHasChange</c> (contract §2.35).
/// </summary>
public sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => reader.GetString()?.Trim().ToUpperInvariant() is "TRUE" or "ON" or "1" or "YES",
        JsonTokenType.Number => reader.TryGetInt64(out var n) && n != 0,
        _ => throw new JsonException("The value is not a boolean."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }
}

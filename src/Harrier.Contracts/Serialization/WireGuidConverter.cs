using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harrier.Contracts.Serialization;

/// <summary>Writes GUIDs lower-case hyphenated; reads any form <see cref="Guid.TryParse(string?, out Guid)"/> accepts (e.g. 32 hex digits).</summary>
public sealed class WireGuidConverter : JsonConverter<Guid>
{
    public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var id))
        {
            return id;
        }

        throw new JsonException("The value is not a valid GUID.");
    }

    public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("D"));
    }
}

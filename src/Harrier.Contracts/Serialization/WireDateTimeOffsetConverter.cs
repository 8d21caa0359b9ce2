using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harrier.Contracts.Serialization;

/// <summary>Writes UTC instants as <c>2024-03-28T09:53:50.5351532+00:00</c>; reads any ISO-8601 text.</summary>
public sealed class WireDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        throw new JsonException("The value is not a valid ISO-8601 date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToUniversalTime().ToString(WireFormat, CultureInfo.InvariantCulture));
    }
}

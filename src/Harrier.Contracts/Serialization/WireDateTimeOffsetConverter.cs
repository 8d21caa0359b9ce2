using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harrier.Contracts.Serialization;

/// <summary>
/// Writes UTC instants as <c>2024-03-28T09:53:50.5351532+00:00</c>; reads any ISO-8601 text, including the
/// Jenkins plugin's <c>2024-03-28T09:53+0000</c> (an offset without a colon).
/// </summary>
public sealed partial class WireDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text
            && (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                || DateTimeOffset.TryParse(OffsetWithoutColon().Replace(text, "$1:$2"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)))
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

    [System.Text.RegularExpressions.GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial System.Text.RegularExpressions.Regex OffsetWithoutColon();
}

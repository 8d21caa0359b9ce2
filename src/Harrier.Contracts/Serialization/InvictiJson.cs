using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harrier.Contracts.Serialization;

/// <summary>
/// The one JSON configuration of the Invicti wire (contract §1.4), shared by the API, the CLI client and the JSON report.
/// PascalCase names as declared, nulls written, enums as their names (read case-insensitively, never numbers),
/// lower-case hyphenated GUIDs (any .NET form on input), date-times with seven fractional digits and an offset.
/// </summary>
public static class InvictiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    /// <summary>Applies the wire settings to <paramref name="options"/> (used for ASP.NET Core's own options instance).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = null;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.MaxDepth = 64;
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new WireGuidConverter());
        options.Converters.Add(new WireDateTimeOffsetConverter());
        options.Converters.Add(new LenientBooleanConverter());
        return options;
    }
}

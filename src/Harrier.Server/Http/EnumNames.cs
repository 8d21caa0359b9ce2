namespace Harrier.Server.Http;

/// <summary>Reads enum values from query strings by name only, in any case: numbers are never accepted (contract §1.4).</summary>
internal static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    public static string List<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}

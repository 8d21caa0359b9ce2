using System.Security.Cryptography;
using System.Text;

namespace Harrier.Web.Authentication;

/// <summary>
/// API tokens exactly as Harrier.Server's <c>ApiTokens</c> makes and stores them (256 random bits, base64url; stored
/// as lower-case hex SHA-256). Repeated here because the server references this project, not the other way round;
/// a test keeps the two identical.
/// </summary>
internal static class Tokens
{
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}

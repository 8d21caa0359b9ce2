using System.Security.Cryptography;

namespace Harrier.Engine.Checks.Resource;

/// <summary>Where resource checks probe: the folders above a crawled URL, and random names for soft-404 baselines.</summary>
internal static class ProbePaths
{
    private const int MaxDepth = 8;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The folders of <paramref name="url"/> from the site root down to its own folder (<c>/a/b/c.php</c>: <c>/</c>, <c>/a/</c>, <c>/a/b/</c>).</summary>
    public static IReadOnlyList<Uri> Folders(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var root = new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
        var folders = new List<Uri> { root };
        var segments = url.Segments; // "/", "a/", "b/", "c.php"
        var path = "/";
        for (var i = 1; i < segments.Length && folders.Count < MaxDepth; i++)
        {
            if (!segments[i].EndsWith('/'))
            {
                break;
            }

            path += segments[i];
            folders.Add(new Uri(root, path));
        }

        return folders;
    }

    /// <summary>The last path segment of a file URL (escaped, as sent), or null for a folder.</summary>
    public static string? FileName(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var last = url.Segments[^1];
        return last.EndsWith('/') ? null : last;
    }

    /// <summary>A name that cannot exist: what the folder answers for it is the soft-404 baseline.</summary>
    public static string RandomName(string suffix) => "hrr" + RandomNumberGenerator.GetString(Alphabet, 12) + suffix;
}

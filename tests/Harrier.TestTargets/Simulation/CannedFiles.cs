namespace Harrier.TestTargets.Simulation;

/// <summary>
/// The simulated file system of the path-traversal, XXE and command-injection holes. Nothing is ever read from disk:
/// every "file" is a canned string here, keyed by its normalized absolute path (forward slashes, no drive letter).
/// </summary>
internal static class CannedFiles
{
    public const string WebRoot = "/var/www/files/";

    public const string EtcPasswd =
        "root:x:0:0:root:/root:/bin/bash\n" +
        "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n" +
        "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n" +
        "sys:x:3:3:sys:/dev:/usr/sbin/nologin\n" +
        "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n" +
        "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";

    public const string WinIni =
        "; for 16-bit app support\n[fonts]\n[extensions]\n[mci extensions]\n[files]\n[Mail]\nMAPI=1\n";

    private static readonly Dictionary<string, string> s_files = new(StringComparer.Ordinal)
    {
        ["/etc/passwd"] = EtcPasswd,
        ["/etc/hosts"] = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n",
        ["/windows/win.ini"] = WinIni,
        ["/winnt/win.ini"] = WinIni,
        [WebRoot + "report.txt"] = "Quarterly report: all systems nominal.\n",
        [WebRoot + "notes.txt"] = "Remember to rotate the logs.\n",
    };

    /// <summary>The public files of <see cref="WebRoot"/>, the only ones the safe twins serve.</summary>
    public static IReadOnlyList<string> PublicNames { get; } = ["report.txt", "notes.txt"];

    public static string? Read(string normalizedPath) =>
        s_files.TryGetValue(normalizedPath.ToLowerInvariant(), out var content) ? content : null;

    /// <summary>
    /// Resolves a path the way a naive file API would: relative to <see cref="WebRoot"/>, backslashes as separators,
    /// a drive letter or <c>file://</c> dropped, <c>.</c> and <c>..</c> applied (never above the root).
    /// </summary>
    public static string Resolve(string path)
    {
        var p = path.Replace('\\', '/');
        if (p.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            p = p["file://".Length..];
        }

        if (p.Length >= 2 && char.IsAsciiLetter(p[0]) && p[1] == ':')
        {
            p = p[2..];
        }

        var absolute = p.StartsWith('/') ? p : WebRoot + p;
        var stack = new List<string>();
        foreach (var segment in absolute.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                continue;
            }

            stack.Add(segment);
        }

        return "/" + string.Join('/', stack);
    }
}

using System.Text;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Sensitive files that no page links, found only by probing: a Git folder under <c>/vuln/</c> and the backup copy of
/// a crawled page (<c>config.php</c> has <c>config.php.bak</c> beside it). Under <c>/safe/</c> the same page exists
/// without its backup and there is no Git folder: probes there answer 404, which is the twin's safe behaviour.
/// </summary>
internal static class SensitiveFileEndpoints
{
    public static void Map(WebApplication app)
    {
        var gitConfig = Encoding.UTF8.GetBytes(
            "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n" +
            "[remote \"origin\"]\n\turl = git@git.example.com:shop/web.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n" +
            "[branch \"main\"]\n\tremote = origin\n\tmerge = refs/heads/main\n");
        var gitHead = Encoding.UTF8.GetBytes("ref: refs/heads/main\n");
        app.MapGet("/vuln/.git/config", context => Html.WriteBytesAsync(context, gitConfig, Html.TextContentType));
        app.MapGet("/vuln/.git/HEAD", context => Html.WriteBytesAsync(context, gitHead, Html.TextContentType));

        var page = Html.PageBytes("Configuration", "<p>Configuration loaded.</p>");
        app.MapGetTwin("/backup/config.php", _ => context => Html.WriteBytesAsync(context, page));

        var backup = Encoding.UTF8.GetBytes(
            "<?php\n// Shop configuration\n$db_host = 'db';\n$db_user = 'shop';\n$db_password = 'not-a-real-password';\n" +
            "echo '<p>Configuration loaded.</p>';\n");
        app.MapGet("/vuln/backup/config.php.bak", context => Html.WriteBytesAsync(context, backup, "application/octet-stream"));
    }
}

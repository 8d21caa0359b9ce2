using System.IO.Compression;
using System.Text;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Sensitive files that no page links, found only by probing: a Git folder and a <c>.env</c> file under <c>/vuln/</c>,
/// the backup copy of a crawled page (<c>config.php</c> has <c>config.php.bak</c> beside it) and an archive of its
/// folder (<c>/vuln/backup.zip</c>). Under <c>/safe/</c> the same page exists without them: probes there answer 404,
/// which is the twin's safe behaviour. <c>/safe/soft404/</c> is the opposite trap: it answers 200 with the same page for
/// any path, so a scanner that trusts status codes reports files that are not there.
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

        var dotEnv = Encoding.UTF8.GetBytes(
            "# Shop environment\nAPP_ENV=production\nAPP_KEY=base64:bm90LWEtcmVhbC1rZXk=\nDB_HOST=db\nDB_PASSWORD=not-a-real-password\n");
        app.MapGet("/vuln/.env", context => Html.WriteBytesAsync(context, dotEnv, Html.TextContentType));

        var archive = FolderArchive(backup);
        app.MapGet("/vuln/backup.zip", context => Html.WriteBytesAsync(context, archive, "application/zip"));

        var soft404 = Html.PageBytes("Welcome", "<p>Welcome to the shop. <a href=\"/safe/soft404/index.php\">Home</a></p>");
        app.MapMethods("/safe/soft404/{**path}", ["GET", "HEAD"], context => Html.WriteBytesAsync(context, soft404));
    }

    /// <summary>A zip of the <c>backup/</c> folder, as a careless deployment might leave beside it.</summary>
    private static byte[] FolderArchive(byte[] configSource)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("backup/config.php").Open();
            entry.Write(configSource);
        }

        return stream.ToArray();
    }
}

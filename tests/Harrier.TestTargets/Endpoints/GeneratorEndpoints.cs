using System.Globalization;
using System.Text.Unicode;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// The large-site generator: <see cref="TestTargetOptions.GeneratedPages"/> pages at <c>/gen/item/{n}</c> (1-based),
/// linked in a ring (next/previous/related) and from listing pages <c>/gen/page/{p}</c> of <see cref="PageSize"/>
/// items, so a crawler that does not detect the URL-rewrite pattern fetches all of them. Pages are formatted
/// straight into the response buffer: no per-request allocation beyond routing.
/// </summary>
internal static class GeneratorEndpoints
{
    public const int PageSize = 50;

    public static void Map(WebApplication app, TargetState state)
    {
        var count = state.Options.GeneratedPages;
        var pages = (count + PageSize - 1) / PageSize;
        var index = Html.PageBytes("Generated catalogue", count == 0
            ? "<p>The catalogue is empty.</p>"
            : $"<p>{count} items on {pages} pages.</p><p><a href=\"/gen/page/1\">First page</a> · <a href=\"/gen/item/1\">First item</a></p>");
        app.MapGet("/gen/", context => Html.WriteBytesAsync(context, index));

        app.MapGet("/gen/item/{n}", context =>
        {
            if (!TryParse(context, "n", count, out var n))
            {
                return Html.NotFoundAsync(context);
            }

            var next = (n % count) + 1;
            var previous = ((n + count - 2) % count) + 1;
            var related = (int)(((long)n * 7919 % count) + 1);
            var page = ((n - 1) / PageSize) + 1;
            var span = Begin(context, 1024);
            var ok = Utf8.TryWrite(span, CultureInfo.InvariantCulture,
                $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Item {n}</title></head>\n<body>\n" +
                $"<p><a href=\"/\">Home</a> · <a href=\"/gen/\">Catalogue</a> · <a href=\"/gen/page/{page}\">Page {page}</a></p>\n" +
                $"<h1>Item {n}</h1>\n<p>Generated item {n} of {count}. Price: {(n * 37 % 1000) + 1} credits.</p>\n" +
                $"<ul><li><a href=\"/gen/item/{next}\">Next item</a></li><li><a href=\"/gen/item/{previous}\">Previous item</a></li>" +
                $"<li><a href=\"/gen/item/{related}\">Related item</a></li></ul>\n</body></html>\n",
                out var written);
            return Finish(context, ok, written);
        });

        app.MapGet("/gen/page/{p}", context =>
        {
            if (!TryParse(context, "p", pages, out var p))
            {
                return Html.NotFoundAsync(context);
            }

            var first = ((p - 1) * PageSize) + 1;
            var last = Math.Min(count, p * PageSize);
            var span = Begin(context, 512 + (PageSize * 64));
            var ok = Utf8.TryWrite(span, CultureInfo.InvariantCulture,
                $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page {p}</title></head>\n<body>\n" +
                $"<p><a href=\"/\">Home</a> · <a href=\"/gen/\">Catalogue</a> · <a href=\"/gen/page/{(p % pages) + 1}\">Next page</a></p>\n" +
                $"<h1>Page {p} of {pages}</h1>\n<ul>\n", out var written);
            for (var i = first; ok && i <= last; i++)
            {
                ok = Utf8.TryWrite(span[written..], CultureInfo.InvariantCulture, $"<li><a href=\"/gen/item/{i}\">Item {i}</a></li>\n", out var more);
                written += more;
            }

            if (ok)
            {
                ok = "</ul>\n</body></html>\n"u8.TryCopyTo(span[written..]);
                written += ok ? "</ul>\n</body></html>\n"u8.Length : 0;
            }

            return Finish(context, ok, written);
        });
    }

    private static bool TryParse(HttpContext context, string name, int max, out int value) =>
        int.TryParse(context.Request.RouteValues[name] as string, NumberStyles.None, CultureInfo.InvariantCulture, out value)
        && value >= 1 && value <= max;

    private static Span<byte> Begin(HttpContext context, int size)
    {
        context.Response.ContentType = Html.HtmlContentType;
        return context.Response.BodyWriter.GetSpan(size);
    }

    private static Task Finish(HttpContext context, bool ok, int written)
    {
        if (!ok)
        {
            throw new InvalidOperationException("The generated page outgrew its buffer.");
        }

        context.Response.ContentLength = written;
        context.Response.BodyWriter.Advance(written);
        return FlushAsync(context);
    }

    private static async Task FlushAsync(HttpContext context) =>
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
}

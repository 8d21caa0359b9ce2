namespace Harrier.Engine.Checks.Passive;

/// <summary>Where page-level passive findings are reported: the URL without query, so one page yields one finding however it was requested.</summary>
internal static class PageKey
{
    public static string Of(Uri url) => url.GetLeftPart(UriPartial.Path);
}

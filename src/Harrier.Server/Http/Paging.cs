using Harrier.Contracts;

namespace Harrier.Server.Http;

/// <summary>Invicti paging (contract §1.7): <c>page</c> from 1, <c>pageSize</c> 1–200 (default 20). Out of range is a 400.</summary>
internal readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(HttpRequest request)
    {
        var page = ReadInt(request, "page", 1);
        var pageSize = ReadInt(request, "pageSize", 20);
        if (page < 1)
        {
            throw ApiException.BadRequest("'page' must be 1 or greater.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw ApiException.BadRequest($"'pageSize' must be between 1 and {MaxPageSize}.");
        }

        return new Paging(page, pageSize);
    }

    /// <summary>One page of <paramref name="list"/>'s kind, with the PagedList metadata every Invicti list carries.</summary>
    public PagedResult<T> Result<T>(IReadOnlyList<T> list, int totalItemCount)
    {
        var pageCount = (int)Math.Ceiling(totalItemCount / (double)PageSize);
        var first = Skip + 1;
        return new PagedResult<T>
        {
            FirstItemOnPage = totalItemCount == 0 ? 0 : first,
            HasNextPage = Page < pageCount,
            HasPreviousPage = Page > 1,
            IsFirstPage = Page == 1,
            IsLastPage = Page >= pageCount,
            LastItemOnPage = Math.Min(first + PageSize - 1, totalItemCount),
            List = list,
            PageCount = pageCount,
            PageNumber = Page,
            PageSize = PageSize,
            TotalItemCount = totalItemCount,
        };
    }

    private static int ReadInt(HttpRequest request, string name, int fallback)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"'{name}' must be an integer.");
    }
}

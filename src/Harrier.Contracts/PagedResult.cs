namespace Harrier.Contracts;

/// <summary>
/// The paged envelope every Invicti list uses (<c>ScanTaskListApiResult</c>, <c>WebsiteListApiResult</c>, …; contract §1.7):
/// the metadata of the .NET PagedList library, in the spec's member order.
/// </summary>
public sealed record PagedResult<T>
{
    public int FirstItemOnPage { get; init; }

    public bool HasNextPage { get; init; }

    public bool HasPreviousPage { get; init; }

    public bool IsFirstPage { get; init; }

    public bool IsLastPage { get; init; }

    public int LastItemOnPage { get; init; }

    public IReadOnlyList<T> List { get; init; } = [];

    public int PageCount { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalItemCount { get; init; }
}

using Harrier.Server.Authentication;
using Harrier.Server.Mapping;
using Harrier.Server.Scans;
using Harrier.Storage;

namespace Harrier.Server.Endpoints;

/// <summary>What scan handlers need, bound with <c>[AsParameters]</c>.</summary>
internal sealed record ScanServices(
    HttpContext HttpContext,
    HarrierDbContext Db,
    ScanLauncher Launcher,
    ScanModelMapper Mapper,
    VisibleScanCounts VisibleCounts,
    TimeProvider Time)
{
    public Caller Caller => Caller.From(HttpContext.User);

    public HttpRequest Request => HttpContext.Request;
}

using Harrier.Server.Authentication;
using Harrier.Storage;

namespace Harrier.Server.Endpoints;

/// <summary>What the companion-resource handlers need, bound with <c>[AsParameters]</c>.</summary>
internal sealed record ApiServices(HttpContext HttpContext, HarrierDbContext Db, TimeProvider Time)
{
    public Caller Caller => Caller.From(HttpContext.User);

    public HttpRequest Request => HttpContext.Request;

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public string RequiredQuery(string name) =>
        Request.Query[name].ToString() is { Length: > 0 } value ? value : throw Http.ApiException.BadRequest($"'{name}' is required.");
}

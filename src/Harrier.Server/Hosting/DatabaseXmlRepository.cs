using System.Xml.Linq;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Hosting;

/// <summary>
/// The Data Protection key ring in the database (<see cref="HarrierDbContext.DataProtectionKeys"/>), used on PostgreSQL so every
/// server and agent process reads the same keys: a credential encrypted by one server is decrypted by the agent that runs the scan.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HarrierDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HarrierDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyEntity { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

using Harrier.Storage;
using Harrier.Storage.Entities;
using Harrier.Storage.Users;

namespace Harrier.Server.Hosting;

/// <summary>Creates API users. The token is returned once and only its hash is stored.</summary>
public static class UserAdministration
{
    public static async Task<(Guid Id, string Token)> CreateUserAsync(
        HarrierDbContext db, TimeProvider time, string name, string email, bool isAdmin,
        Guid? id = null, string? token = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        token ??= ApiTokens.Generate();
        var user = new UserEntity
        {
            Id = id ?? Guid.NewGuid(),
            Name = name,
            Email = email,
            TokenHash = ApiTokens.Hash(token),
            IsAdmin = isAdmin,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (user.Id, token);
    }
}

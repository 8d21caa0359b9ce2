using Harrier.Storage.Entities;
using Harrier.Storage.Users;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Storage.Tests;

/// <summary>The short-lived token → user memory that spares a database read per authenticated API request.</summary>
public sealed class AuthenticatedUsersTests
{
    private static readonly UserEntity s_user = new() { Id = Guid.NewGuid(), Name = "a", Email = "a@example.test", TokenHash = "hash-a" };

    [Fact]
    public void RememberedToken_IsFound_UntilItsLifetimeEnds()
    {
        var time = new FakeTimeProvider();
        var users = new AuthenticatedUsers(time, TimeSpan.FromSeconds(10));
        users.Remember("hash-a", s_user);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.True(users.TryGet("hash-a", out var found));
        Assert.Same(s_user, found);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(users.TryGet("hash-a", out _));
    }

    [Fact]
    public void ForgottenToken_OtherToken_AndZeroLifetime_AreNotFound()
    {
        var time = new FakeTimeProvider();
        var users = new AuthenticatedUsers(time, TimeSpan.FromSeconds(10));
        users.Remember("hash-a", s_user);
        users.Forget("hash-a");
        var off = new AuthenticatedUsers(time, TimeSpan.Zero);
        off.Remember("hash-a", s_user);

        Assert.False(users.TryGet("hash-a", out _));
        Assert.False(users.TryGet("hash-b", out _));
        Assert.False(off.TryGet("hash-a", out _));
    }
}

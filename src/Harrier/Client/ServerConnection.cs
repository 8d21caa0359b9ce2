namespace Harrier.Client;

/// <summary>Where a Harrier (or Invicti) API is and who calls it: HTTP Basic <c>userId:token</c> (an empty user id sends the token alone).</summary>
internal sealed record ServerConnection(Uri BaseAddress, string? UserId, string Token)
{
    /// <summary>The default server, as <c>harrier serve</c> listens without <c>--urls</c>.</summary>
    public const string DefaultServer = "http://127.0.0.1:5000/";

    public override string ToString() => BaseAddress.AbsoluteUri;
}

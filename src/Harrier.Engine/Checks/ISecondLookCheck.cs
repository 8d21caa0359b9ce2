namespace Harrier.Engine.Checks;

/// <summary>
/// An active check that also runs once after the attack phase, to look at the crawled pages again for what its attacks
/// left behind (a stored payload shows on another page, later).
/// </summary>
internal interface ISecondLookCheck : IActiveCheck
{
    Task LookAgainAsync(SecondLookContext context, CancellationToken cancellationToken);
}

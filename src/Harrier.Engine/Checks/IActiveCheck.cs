namespace Harrier.Engine.Checks;

/// <summary>Attacks one insertion point within the request budget its context enforces.</summary>
internal interface IActiveCheck : ICheck
{
    Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken);
}

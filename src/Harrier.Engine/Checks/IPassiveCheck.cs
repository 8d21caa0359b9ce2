namespace Harrier.Engine.Checks;

/// <summary>Reads every response the scan receives; never sends requests.</summary>
internal interface IPassiveCheck : ICheck
{
    void Analyze(PassiveCheckContext context);
}

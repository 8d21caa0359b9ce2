namespace Harrier.Engine.Checks;

/// <summary>A security check. Checks are stateless singletons; per-scan state lives in the context they are given.</summary>
internal interface ICheck
{
    CheckMetadata Metadata { get; }
}

namespace Harrier.Engine.Checks;

/// <summary>How proven a check is: Beta until it has positive and negative tests, Release once it has also run on real targets.</summary>
public enum Maturity
{
    Alpha,
    Beta,
    Release,
}

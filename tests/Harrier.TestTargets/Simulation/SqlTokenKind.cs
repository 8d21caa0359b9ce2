namespace Harrier.TestTargets.Simulation;

/// <summary>The kinds of <see cref="SqlToken"/>.</summary>
internal enum SqlTokenKind
{
    Number,
    String,
    Word,
    Operator,
}

namespace Harrier.Engine.Checks;

/// <summary>Requests one active check may send per insertion point: 6, 12, 24 or 75 by attack strength (ZAP's recommended maxima).</summary>
internal static class AttackBudget
{
    public static int For(AttackStrength strength) => strength switch
    {
        AttackStrength.Low => 6,
        AttackStrength.Medium => 12,
        AttackStrength.High => 24,
        AttackStrength.Insane => 75,
        _ => throw new ArgumentOutOfRangeException(nameof(strength), strength, null),
    };

    /// <summary>Requests one resource check may send per crawled page: four times <see cref="For"/> (a folder's probe set fits in it).</summary>
    public static int ForResource(AttackStrength strength) => 4 * For(strength);
}

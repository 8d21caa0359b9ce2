namespace Harrier.Storage;

/// <summary>Records every database starts with.</summary>
public static class BuiltIn
{
    /// <summary>Same id as Invicti's own default policy, so clients that hard-code it keep working.</summary>
    public static readonly Guid DefaultScanPolicyId = Guid.Parse("b2018666-2a01-e411-976c-0a45dbb897e8");

    public const string DefaultScanPolicyName = "Default Security Checks";

    /// <summary>The report policy id the Invicti spec gives as its default.</summary>
    public static readonly Guid DefaultReportPolicyId = Guid.Parse("e211343a-d602-48f3-8c4b-e1e770652fac");

    public const string DefaultReportPolicyName = "Default Report Policy";

    public static readonly DateTime SeededAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}

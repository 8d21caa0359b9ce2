using Harrier.Engine.Checks.Active.SqlInjection;
using Harrier.Engine.Checks.Active.Xss;
using Harrier.Engine.Checks.Passive.Headers;

namespace Harrier.Engine.Checks;

/// <summary>Every check the engine knows, as an explicit list; a convention test fails when a check class is missing here.</summary>
internal static class CheckRegistry
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new ReflectedXssCheck(),
        new ErrorBasedSqlInjectionCheck(),
        new MissingXFrameOptionsCheck(),
        new MissingContentSecurityPolicyCheck(),
    ];

    public static IReadOnlyList<IActiveCheck> Active(IReadOnlySet<string>? enabled) =>
        [.. All.OfType<IActiveCheck>().Where(c => enabled is null || enabled.Contains(c.Metadata.Id))];

    public static IReadOnlyList<IPassiveCheck> Passive(IReadOnlySet<string>? enabled) =>
        [.. All.OfType<IPassiveCheck>().Where(c => enabled is null || enabled.Contains(c.Metadata.Id))];
}

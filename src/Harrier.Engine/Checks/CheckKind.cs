namespace Harrier.Engine.Checks;

/// <summary>Passive checks read every response; active checks send attacks to insertion points.</summary>
public enum CheckKind
{
    Passive,
    Active,
}

namespace Harrier.Engine.InsertionPoints;

/// <summary>Where an attacked value lives. Names match <c>Finding.ParameterLocation</c>.</summary>
internal enum InsertionPointKind
{
    Query,
    Form,
    Json,
    Xml,
    Path,
    Header,
    Cookie,
}

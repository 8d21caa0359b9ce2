using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Active.SqlInjection;

/// <summary>One database error message pattern and the database it identifies.</summary>
internal sealed record SqlErrorSignature(string Database, Regex Pattern);

namespace Harrier.Server.Http;

/// <summary>Collects validation errors as <c>model.Member</c> → messages; throws them all at once as a 400.</summary>
internal sealed class ModelState
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string member, string message)
    {
        var key = "model." + member;
        if (!_errors.TryGetValue(key, out var messages))
        {
            _errors[key] = messages = [];
        }

        messages.Add(message);
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw ApiException.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}

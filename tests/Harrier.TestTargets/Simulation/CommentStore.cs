namespace Harrier.TestTargets.Simulation;

/// <summary>The guestbook of the stored-XSS pages: the most recent comments only, so memory stays bounded.</summary>
internal sealed class CommentStore
{
    private const int Capacity = 20;

    private readonly Lock _lock = new();
    private readonly Queue<string> _comments = new();

    public void Add(string comment)
    {
        lock (_lock)
        {
            if (_comments.Count == Capacity)
            {
                _comments.Dequeue();
            }

            _comments.Enqueue(comment);
        }
    }

    public string[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _comments];
        }
    }
}

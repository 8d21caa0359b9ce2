namespace Harrier.Storage.Entities;

public sealed class CrawledResourceEntity
{
    public long Id { get; set; }

    public Guid ScanId { get; set; }

    public required string Url { get; set; }

    public required string Method { get; set; }

    public List<string> ParameterNames { get; set; } = [];

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? ResponseHash { get; set; }

    public bool Attacked { get; set; }
}

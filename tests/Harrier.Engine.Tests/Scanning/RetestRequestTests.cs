using Harrier.Engine.Scanning;

namespace Harrier.Engine.Tests.Scanning;

public sealed class RetestRequestTests
{
    [Fact]
    public void WithoutDocumentType_TakesAnXxeAttackOutOfTheDocument()
    {
        const string attack = """<?xml version="1.0"?><!DOCTYPE order [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><order><item>&xxe;</item><note>a &amp; b</note></order>""";

        Assert.Equal("""<?xml version="1.0"?><order><item>1</item><note>a &amp; b</note></order>""", RetestRequest.WithoutDocumentType(attack));
    }

    [Theory]
    [InlineData("<order><item>book &amp; pen</item></order>")]
    [InlineData("{\"name\":\"widget\"}")]
    [InlineData(null)]
    public void WithoutDocumentType_KeepsOtherBodies(string? body)
    {
        Assert.Equal(body, RetestRequest.WithoutDocumentType(body));
    }
}

using System.Net;

namespace Harrier.TestTargets.Tests.Endpoints;

public sealed class SensitiveFileEndpointsTests(TargetFixture fixture)
{
    [Theory]
    [InlineData("/safe/soft404/.git/config")]
    [InlineData("/safe/soft404/.env")]
    [InlineData("/safe/soft404/index.php.bak")]
    [InlineData("/safe/soft404/hrrrandomname")]
    public async Task Soft404Folder_AnswersTheSamePageForAnyPath(string path)
    {
        // Act
        var index = await TargetRequests.GetAsync(fixture.Client, "/safe/soft404/index.php");
        var probe = await TargetRequests.GetAsync(fixture.Client, path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, probe.Status);
        Assert.Equal(index.Body, probe.Body);
        Assert.Contains("/safe/soft404/index.php", Links.In((await TargetRequests.GetAsync(fixture.Client, "/safe/")).Body));
    }
}

using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Tests.Simulation;

public sealed class FakeShellTests
{
    [Theory]
    [InlineData("127.0.0.1;id", FakeShell.IdOutput)]
    [InlineData("127.0.0.1 | id", FakeShell.IdOutput)]
    [InlineData("127.0.0.1 && id", FakeShell.IdOutput)]
    [InlineData("127.0.0.1 || id", FakeShell.IdOutput)]
    [InlineData("127.0.0.1 & whoami", "www-data")]
    [InlineData("127.0.0.1\nid", FakeShell.IdOutput)]
    [InlineData("127.0.0.1`id`", FakeShell.IdOutput)]
    [InlineData("127.0.0.1$(id)", FakeShell.IdOutput)]
    [InlineData("x;echo harrier-marker", "harrier-marker")]
    [InlineData("x;echo abc''def", "abcdef")]
    [InlineData("x;echo 'a\"b' \"c'd\"", "a\"b c'd")]
    [InlineData("x;echo $((1337*3))", "4011")]
    [InlineData("x;cat /etc/passwd", "root:x:0:0:")]
    [InlineData("x&type %SYSTEMROOT%\\win.ini", "[fonts]")]
    [InlineData("x;uname -a", "Linux web01")]
    [InlineData("x;rm -rf /", "sh: 1: rm: not found")]
    public void Ping_RunsInjectedCommands_WithCannedOutput(string input, string expected)
    {
        Assert.Contains(expected, FakeShell.Ping(input), StringComparison.Ordinal);
    }

    [Fact]
    public void Ping_WithoutSeparator_OnlyPings()
    {
        // Act
        var output = FakeShell.Ping("127.0.0.1 id");

        // Assert
        Assert.StartsWith("PING 127.0.0.1 id", output, StringComparison.Ordinal);
        Assert.DoesNotContain("uid=", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.com;sleep 5", 5)]
    [InlineData("example.com|timeout /t 2", 2)]
    [InlineData("example.com", 0)]
    [InlineData("sleep 9", 0)]
    public void DelaySeconds_CountsOnlyInjectedCommands(string input, double expected)
    {
        Assert.Equal(expected, FakeShell.DelaySeconds(input));
    }
}

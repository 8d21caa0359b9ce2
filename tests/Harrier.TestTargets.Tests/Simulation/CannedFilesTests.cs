using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Tests.Simulation;

public sealed class CannedFilesTests
{
    [Theory]
    [InlineData("report.txt", "/var/www/files/report.txt")]
    [InlineData("../../../etc/passwd", "/etc/passwd")]
    [InlineData("../../../../../../../../etc/passwd", "/etc/passwd")]
    [InlineData("/etc/passwd", "/etc/passwd")]
    [InlineData("..\\..\\..\\..\\windows\\win.ini", "/windows/win.ini")]
    [InlineData("C:\\Windows\\win.ini", "/Windows/win.ini")]
    [InlineData("file:///etc/passwd", "/etc/passwd")]
    [InlineData("./sub/../notes.txt", "/var/www/files/notes.txt")]
    public void Resolve_AppliesDotSegmentsRelativeToTheWebRoot(string path, string expected)
    {
        Assert.Equal(expected, CannedFiles.Resolve(path));
    }

    [Fact]
    public void Read_IsCaseInsensitive_AndCanned()
    {
        Assert.Equal(CannedFiles.WinIni, CannedFiles.Read("/Windows/WIN.INI"));
        Assert.Equal(CannedFiles.EtcPasswd, CannedFiles.Read("/etc/passwd"));
        Assert.Null(CannedFiles.Read("/etc/shadow"));
    }
}

using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Tests.Simulation;

public sealed class DelayPayloadsTests
{
    [Theory]
    [InlineData("1 AND SLEEP(5)", 5)]
    [InlineData("1' AND sleep( 2 )-- ", 2)]
    [InlineData("1;SELECT pg_sleep(3)--", 3)]
    [InlineData("1'||pg_sleep(0.5)--", 0.5)]
    [InlineData("1; WAITFOR DELAY '0:0:4'--", 4)]
    [InlineData("1; waitfor delay '00:01:00'--", 60)]
    [InlineData("1 AND 1=DBMS_PIPE.RECEIVE_MESSAGE(('a'),7)", 7)]
    [InlineData("1 AND DBMS_LOCK.SLEEP(6)", 6)]
    [InlineData("1", 0)]
    [InlineData("sleepy(5)", 0)]
    public void SqlSeconds_ReadsTheRequestedDelay(string payload, double expected)
    {
        Assert.Equal(expected, DelayPayloads.SqlSeconds(payload));
    }

    [Theory]
    [InlineData("sleep 5", 5)]
    [InlineData("sleep 0.6", 0.6)]
    [InlineData("timeout /t 3", 3)]
    [InlineData("ping -c 4 127.0.0.1", 3)]
    [InlineData("ping -n 6 127.0.0.1", 5)]
    [InlineData("ping 127.0.0.1 -n 3", 2)]
    [InlineData("echo sleep", 0)]
    public void ShellSeconds_ReadsTheRequestedDelay(string command, double expected)
    {
        Assert.Equal(expected, DelayPayloads.ShellSeconds(command));
    }
}

using Harrier.Cli;
using Microsoft.Extensions.Options;

namespace Harrier.Commands;

/// <summary>Configuration errors of <c>serve</c> and <c>users</c> (bad settings, PostgreSQL not available, invalid options) become exit code 2.</summary>
internal static class ServerErrors
{
    public static async Task<int> AsUsageErrorsAsync(Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException or OptionsValidationException)
        {
            throw new CliException(ex.Message, ExitCodes.Usage);
        }
    }
}

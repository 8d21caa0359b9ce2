using Microsoft.Extensions.Options;

namespace Harrier.Server.Hosting;

/// <summary>
/// Runs every <c>ValidateOnStart</c> check of a freshly built host, before it starts or touches the database. A bad setting
/// then stops <c>serve</c> or <c>agent</c> with one message (exit code 2, see the CLI's <c>ServerErrors</c>) instead of the
/// host's "Hosting failed to start" stack trace.
/// </summary>
internal static class SettingsValidation
{
    /// <summary>Returns <paramref name="host"/> when its settings are valid; otherwise disposes it and throws.</summary>
    public static THost Validated<THost>(THost host) where THost : IHost
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
            return host;
        }
        catch (AggregateException several) when (several.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // More than one settings section is wrong: report them all at once.
            host.Dispose();
            throw new ArgumentException(string.Join(" ", several.InnerExceptions.Select(e => e.Message)), several);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}

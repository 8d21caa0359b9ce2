namespace Harrier.Engine.Http;

/// <summary>Reads at most a fixed number of body bytes and reports whether more were left unread.</summary>
internal static class ResponseBodyReader
{
    public static async Task<(byte[] Body, bool Truncated)> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Math.Min(maxBytes, 64 * 1024)];
            using var collected = new MemoryStream();
            while (collected.Length < maxBytes)
            {
                var wanted = (int)Math.Min(buffer.Length, maxBytes - collected.Length);
                var read = await stream.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (collected.ToArray(), false);
                }

                collected.Write(buffer, 0, read);
            }

            // At the cap: one more byte tells whether the body was cut.
            var probe = await stream.ReadAsync(buffer.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
            return (collected.ToArray(), probe > 0);
        }
    }
}

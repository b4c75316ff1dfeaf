using System.Net.Sockets;
using System.Text;

namespace TradeNova.Fuzz;

/// <summary>Sends raw request bytes on a fresh loopback TCP connection and reads the status line and the start of the body.</summary>
public static class RawHttpSender
{
    private const int MaxResponseBytes = 64 * 1024;

    public static async Task<FuzzOutcome> SendAsync(Uri baseAddress, RawRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new TcpClient();
        var response = new MemoryStream();
        string? failure = null;
        try
        {
            await client.ConnectAsync(baseAddress.Host, baseAddress.Port, deadline.Token);
            var stream = client.GetStream();
            try
            {
                await stream.WriteAsync(request.ToBytes(baseAddress.Authority), deadline.Token);
                // A body shorter than its declared length: end it, so the server sees the truncation instead of waiting.
                if (request.DeclaredLength is { } declared && declared > (request.Body?.LongLength ?? 0))
                    client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (IOException)
            {
                // The server may answer (413, 431, 400) and close before reading everything: read what it said.
            }

            var buffer = new byte[8192];
            while (response.Length < MaxResponseBytes)
            {
                var read = await stream.ReadAsync(buffer, deadline.Token);
                if (read == 0)
                    break;
                response.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = "timeout";
        }
        catch (Exception error) when (error is IOException or SocketException)
        {
            failure = "connection-reset";
        }

        var text = Encoding.UTF8.GetString(response.GetBuffer(), 0, (int)response.Length);
        var status = ParseStatus(text);
        return new FuzzOutcome(status, status > 0 ? null : failure ?? "closed-without-response", Excerpt(text));
    }

    private static int ParseStatus(string response)
    {
        // "HTTP/1.1 400 Bad Request"
        if (!response.StartsWith("HTTP/", StringComparison.Ordinal))
            return 0;
        var parts = response.Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[1], out var status) ? status : 0;
    }

    private static string Excerpt(string response)
    {
        var bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var excerpt = bodyStart < 0 ? response : response[..Math.Min(response.Length, bodyStart)].Split("\r\n")[0] + " | " + response[(bodyStart + 4)..];
        return excerpt.Length <= 400 ? excerpt : excerpt[..400];
    }
}

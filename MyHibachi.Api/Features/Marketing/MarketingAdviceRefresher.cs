using System.Threading.Channels;

namespace MyHibachi.Api.Features.Marketing;

/// <summary>
/// Recomputes the recommendations after a sync, outside the request that stored it: an LLM can take longer than the
/// Workers wait for an answer, and a sync already stored must not read as failed because its advice was slow. Requests
/// that arrive while one runs are folded into one more run. Lost on shutdown, it costs nothing: the next sync, or
/// <b>Analyse again</b>, recomputes from the same stored numbers.
/// </summary>
public sealed class MarketingAdviceRefresher(IServiceScopeFactory scopes, ILogger<MarketingAdviceRefresher> logger) : BackgroundService
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a refresh; returns at once.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MarketingAdvisor>().RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The marketing recommendations were not refreshed after a sync.");
            }
        }
    }
}

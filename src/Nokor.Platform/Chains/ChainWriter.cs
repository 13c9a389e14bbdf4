using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Nokor.Platform.Chains;

/// <summary>
/// What a <see cref="ChainWriter{TItem}"/> needs of the table it appends to: link a batch onto the
/// stored tail (<see cref="ChainLinks"/>, <see cref="ChainHash"/>) and commit it in one transaction.
/// </summary>
public interface IChainStore<TItem>
{
    /// <summary>
    /// Chains and commits the batch, all or nothing; returns only once it is durable. Throws when it
    /// could not: nothing of the batch is then stored, so the chain has no gap.
    /// </summary>
    Task WriteAsync(IReadOnlyList<TItem> batch);

    /// <summary>Forgets the connection and any tail kept in memory: after a failed batch (the next starts afresh) and when the writer stops.</summary>
    Task ResetAsync();
}

/// <summary>
/// The platform's one group-commit appender for hash chains (the audit log, the verification
/// query ledger): every <see cref="AppendAsync"/> queues its item and waits; one background loop
/// takes whatever is queued (up to <c>maxBatchWeight</c>), has the store chain and commit it in one
/// transaction, and only then releases the callers, so nothing is answered before its record is
/// durable. There is no batching delay: a lone append is written at once, and under load the
/// batches grow by themselves.
/// </summary>
/// <remarks>
/// A failure is never swallowed: if a batch fails, every caller in it gets the exception and the
/// store is reset, so the next batch links onto the tail actually stored (no gap, no fork). The
/// writer starts with the first append (so the CLI needs no host) and stops on dispose, after
/// writing what was already queued.
/// </remarks>
public sealed class ChainWriter<TItem> : IAsyncDisposable, IDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(16_384) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly string _name;
    private readonly int _maxBatchWeight;
    private readonly Func<TItem, int> _weight;
    private readonly IChainStore<TItem> _store;
    private readonly ILogger _logger;
    private readonly Lock _startLock = new();
    private Task? _writer;
    private bool _disposed;

    /// <param name="name">The chain's name in log messages and in <see cref="ObjectDisposedException"/>.</param>
    /// <param name="maxBatchWeight">The most a batch holds, counted with <paramref name="weight"/> (a queued item is never split).</param>
    /// <param name="weight">How many records an item stands for.</param>
    /// <param name="store">Chains and commits the batches.</param>
    /// <param name="logger">Told of failed batches, with their size only: the records name people.</param>
    public ChainWriter(string name, int maxBatchWeight, Func<TItem, int> weight, IChainStore<TItem> store, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchWeight, 1);
        _name = name;
        _maxBatchWeight = maxBatchWeight;
        _weight = weight;
        _store = store;
        _logger = logger;
    }

    /// <summary>
    /// Returns once the item is committed and chained. Cancelling stops the wait, not the write:
    /// an item already queued is still recorded, which errs on the side of the record.
    /// </summary>
    public async Task AppendAsync(TItem item, CancellationToken ct)
    {
        var pending = new Pending(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        EnsureStarted();
        try
        {
            if (!_queue.Writer.TryWrite(pending))
            {
                await _queue.Writer.WriteAsync(pending, ct);
            }
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(_name);
        }

        await pending.Done.Task.WaitAsync(ct);
    }

    private void EnsureStarted()
    {
        if (_writer is not null)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(_name);
            }

            return;
        }

        lock (_startLock)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(_name);
            }

            _writer ??= Task.Run(LoopAsync);
        }
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>();
        var items = new List<TItem>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var weight = 0;
            while (weight < _maxBatchWeight && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                items.Add(pending.Item);
                weight += _weight(pending.Item);
            }

            try
            {
                await _store.WriteAsync(items).ConfigureAwait(false);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Writing {Count} records of the {Chain} chain failed; their requests fail with it.", weight, _name);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }

                await ResetAsync().ConfigureAwait(false);
            }

            batch.Clear();
            items.Clear();
        }

        await ResetAsync().ConfigureAwait(false);
    }

    private async Task ResetAsync()
    {
        try
        {
            await _store.ResetAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Closing the {Chain} chain writer's connection failed.", _name);
        }
    }

    /// <summary>Stops taking items, writes those already queued, and waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? writer;
        lock (_startLock)
        {
            _disposed = true;
            writer = _writer;
        }

        _queue.Writer.TryComplete();
        if (writer is not null)
        {
            await writer.ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record Pending(TItem Item, TaskCompletionSource Done);
}

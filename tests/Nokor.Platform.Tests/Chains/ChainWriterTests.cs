using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Nokor.Platform.Chains;

namespace Nokor.Platform.Tests.Chains;

public sealed class ChainWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Concurrent_appends_form_one_unbroken_chain()
    {
        var store = new MemoryStore();
        await using var writer = new ChainWriter<string>("test", 64, static _ => 1, store, NullLogger.Instance);
        const int callers = 16;
        const int perCaller = 200;

        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                await writer.AppendAsync($"{c}-{i}", CancellationToken.None);
            }
        })));

        Assert.Equal(Enumerable.Range(1, callers * perCaller).Select(i => (long)i), store.Rows.Select(r => r.Sequence));
        Assert.Equal(callers * perCaller, store.Rows.Select(r => r.Value).Distinct().Count());
        AssertChained(store.Rows);
        Assert.True(store.Batches > 0 && store.Batches < callers * perCaller, "Appends waiting together were written together.");
        Assert.True(store.LargestBatch <= 64);
    }

    [Fact]
    public async Task A_failing_batch_fails_its_callers_and_leaves_no_gap()
    {
        var store = new MemoryStore();
        await using var writer = new ChainWriter<string>("test", 64, static _ => 1, store, NullLogger.Instance);
        await writer.AppendAsync("first", CancellationToken.None);

        store.FailNext = true;
        var failure = await Assert.ThrowsAsync<IOException>(() => writer.AppendAsync("lost", CancellationToken.None));
        Assert.Equal("disk full", failure.Message);

        await writer.AppendAsync("second", CancellationToken.None);
        Assert.Equal(1, store.Resets);

        Assert.Equal(["first", "second"], store.Rows.Select(r => r.Value));
        Assert.Equal([1L, 2L], store.Rows.Select(r => r.Sequence));
        AssertChained(store.Rows);
    }

    [Fact]
    public async Task Batches_are_limited_by_weight_and_items_are_not_split()
    {
        var store = new MemoryStore { Gate = new SemaphoreSlim(0) };
        await using var writer = new ChainWriter<string[]>("test", 10, static items => items.Length, new ArrayStore(store), NullLogger.Instance);

        // The first append is taken alone while the store waits; the next three queue behind it.
        var first = writer.AppendAsync(["a"], CancellationToken.None);
        while (store.Waiting == 0)
        {
            await Task.Delay(5);
        }

        var queued = new[]
        {
            writer.AppendAsync([.. Enumerable.Range(0, 6).Select(i => $"b{i}")], CancellationToken.None),
            writer.AppendAsync([.. Enumerable.Range(0, 6).Select(i => $"c{i}")], CancellationToken.None),
            writer.AppendAsync(["d"], CancellationToken.None),
        };
        store.Gate.Release(10);
        await first;
        await Task.WhenAll(queued);

        Assert.Equal(14, store.Rows.Count);
        Assert.Equal([1, 12, 1], store.BatchSizes);
        AssertChained(store.Rows);
    }

    [Fact]
    public async Task Appending_after_dispose_is_refused_and_queued_items_are_written()
    {
        var store = new MemoryStore();
        var writer = new ChainWriter<string>("test-chain", 64, static _ => 1, store, NullLogger.Instance);
        var appends = Enumerable.Range(0, 50).Select(i => writer.AppendAsync($"x{i}", CancellationToken.None)).ToList();
        await writer.DisposeAsync();

        await Task.WhenAll(appends);
        Assert.Equal(50, store.Rows.Count);
        var refused = await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.AppendAsync("late", CancellationToken.None));
        Assert.Equal("test-chain", refused.ObjectName);
    }

    [Fact]
    public void The_chain_hash_is_sha256_of_the_previous_bytes_and_the_length_prefixed_fields()
    {
        var canonical = new ChainCanonical(4).Write("nokor.test.v1").Write(null).Write("").Write("ក");
        byte[] expected =
        [
            0, 0, 0, 13, .. Encoding.ASCII.GetBytes("nokor.test.v1"),
            0xFF, 0xFF, 0xFF, 0xFF,
            0, 0, 0, 0,
            0, 0, 0, 3, 0xE1, 0x9E, 0x80,
        ];
        Assert.Equal(expected, canonical.ToArray());

        var previous = new string('a', 64);
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(previous), .. expected]));
        Assert.Equal(hash, ChainHash.Compute(previous, canonical.Written));
        Assert.Throws<ArgumentException>(() => ChainHash.Compute("abc", canonical.Written));
        Assert.Throws<ArgumentException>(() => ChainHash.Compute(new string('g', 64), canonical.Written));
    }

    [Fact]
    public void Links_note_each_record_that_closed_a_period()
    {
        var links = new ChainLinks(7, new string('1', 64), Start, periodMinutes: 5);
        var sequences = new List<long>();
        foreach (var at in new[] { Start.AddMinutes(1), Start.AddMinutes(6), Start.AddMinutes(7), Start.AddMinutes(20) })
        {
            sequences.Add(links.Next(at));
            links.Linked(new string((char)('a' + sequences.Count), 64));
        }

        Assert.Equal([8L, 9L, 10L, 11L], sequences);
        Assert.Equal([(8L, new string('b', 64)), (10L, new string('d', 64))], links.Closing);
        Assert.Equal(new string('e', 64), links.Previous);
    }

    private static void AssertChained(IReadOnlyList<Row> rows)
    {
        var previous = ChainHash.Genesis;
        foreach (var row in rows)
        {
            Assert.Equal(previous, row.PreviousHash);
            Assert.Equal(MemoryStore.Hash(previous, row.Sequence, row.Value), row.Hash);
            previous = row.Hash;
        }
    }

    private sealed record Row(long Sequence, string Value, string PreviousHash, string Hash);

    /// <summary>A table in memory: a batch is linked onto the committed tail and stored all or nothing.</summary>
    private sealed class MemoryStore : IChainStore<string>
    {
        private readonly List<Row> _rows = [];

        public IReadOnlyList<Row> Rows => _rows;
        public bool FailNext { get; set; }
        public int Resets { get; private set; }
        public int Batches => BatchSizes.Count;
        public int LargestBatch => BatchSizes.Count == 0 ? 0 : BatchSizes.Max();
        public List<int> BatchSizes { get; } = [];
        public SemaphoreSlim? Gate { get; init; }
        public int Waiting;

        public static string Hash(string previous, long sequence, string value) =>
            ChainHash.Compute(previous, ChainCanonical.Shared().Write("nokor.test.v1").Write(sequence.ToString(CultureInfo.InvariantCulture)).Write(value).Written);

        public async Task WriteAsync(IReadOnlyList<string> batch)
        {
            if (Gate is not null)
            {
                Interlocked.Increment(ref Waiting);
                await Gate.WaitAsync();
            }

            var tail = _rows.Count == 0 ? (0L, ChainHash.Genesis) : (_rows[^1].Sequence, _rows[^1].Hash);
            var links = new ChainLinks(tail.Item1, tail.Item2, Start, 5);
            var linked = new List<Row>();
            foreach (var value in batch)
            {
                var sequence = links.Next(Start);
                var previous = links.Previous;
                linked.Add(new Row(sequence, value, previous, links.Linked(Hash(previous, sequence, value))));
            }

            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }

            _rows.AddRange(linked);
            BatchSizes.Add(batch.Count);
        }

        public Task ResetAsync()
        {
            Resets++;
            return Task.CompletedTask;
        }
    }

    private sealed class ArrayStore(MemoryStore inner) : IChainStore<string[]>
    {
        public Task WriteAsync(IReadOnlyList<string[]> batch) => inner.WriteAsync([.. batch.SelectMany(b => b)]);

        public Task ResetAsync() => inner.ResetAsync();
    }
}

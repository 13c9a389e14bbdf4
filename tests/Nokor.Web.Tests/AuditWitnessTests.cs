using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Audit;
using Nokor.Platform.Chains;
using Nokor.Platform.Data;
using Nokor.Platform.Signing;
using Nokor.Verification.Ledger;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests;

/// <summary>
/// The signed heads of the audit chain and of the verification query ledger, kept outside the
/// database: <c>nokor audit export-head</c>, <c>GET /api/audit/head</c>, <c>nokor audit verify --witness</c>
/// and their verification-ledger twins, with their documented exit codes.
/// </summary>
public sealed class AuditWitnessTests(NokorHost host) : IClassFixture<NokorHost>
{
    [Fact]
    public async Task Export_head_writes_a_witness_that_verify_accepts_until_the_history_is_rewritten()
    {
        var file = WitnessPath();
        var export = await NokorCli.RunAsync(host, "audit", "export-head", "--out", file);
        Assert.True(export.ExitCode == 0, export.Output);
        var witness = JsonSerializer.Deserialize<ChainHead>(await File.ReadAllTextAsync(file))!;
        Assert.Matches($@"Audit head written to .*: entry {witness.Sequence}, checkpoint {witness.Checkpoint}, key [0-9a-f]{{16}}\.", export.Output);

        var verify = await NokorCli.RunAsync(host, "audit", "verify", "--witness", file);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains($"The witnessed head (entry {witness.Sequence}, checkpoint {witness.Checkpoint}) is in the history.", verify.Output, StringComparison.Ordinal);

        // The attack: edit the witnessed entry, recompute the chain from it, delete the checkpoints from there on.
        await RewriteAuditFromAsync(witness.Sequence);
        var after = await NokorCli.RunAsync(host, "audit", "verify", "--witness", file);
        Assert.Equal(1, after.ExitCode);
        Assert.Contains($"the witnessed checkpoint {witness.Checkpoint} (of entry {witness.Sequence}", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_refuses_a_forged_witness_with_exit_code_10_and_an_unreadable_one_with_2()
    {
        var file = WitnessPath();
        var export = await NokorCli.RunAsync(host, "audit", "export-head", "--out", file);
        Assert.True(export.ExitCode == 0, export.Output);
        var witness = JsonSerializer.Deserialize<ChainHead>(await File.ReadAllTextAsync(file))!;

        var forged = WitnessPath();
        await File.WriteAllTextAsync(forged, (witness with { Sequence = witness.Sequence + 1000 }).ToJson());
        var refused = await NokorCli.RunAsync(host, "audit", "verify", "--witness", forged);
        Assert.Equal(10, refused.ExitCode);
        Assert.Equal("Witness REFUSED: the witness's fields differ from what its token signs: it was edited.", refused.Output.Trim());

        var garbage = WitnessPath();
        await File.WriteAllTextAsync(garbage, "not a witness");
        var unreadable = await NokorCli.RunAsync(host, "audit", "verify", "--witness", garbage);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.StartsWith($"Witness file '{garbage}' is not a witness: the witness is not valid JSON", unreadable.Output.Trim(), StringComparison.Ordinal);

        var missing = await NokorCli.RunAsync(host, "audit", "verify", "--witness", WitnessPath());
        Assert.Equal(2, missing.ExitCode);
        Assert.EndsWith("does not exist.", missing.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_head_endpoint_answers_the_newest_signed_head_which_verifies_with_the_published_keys()
    {
        var export = await NokorCli.RunAsync(host, "audit", "export-head");
        Assert.True(export.ExitCode == 0, export.Output);
        var exported = JsonSerializer.Deserialize<ChainHead>(export.Output)!;

        var client = host.CreateClient();
        var response = await client.GetAsync("/api/audit/head");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        var keys = PublicKeySet.Parse(await client.GetStringAsync("/api/keys"));
        Assert.True(ChainHead.TryRead(json, AuditCheckpoint.ChainName, keys, out var head, out _, out var error), error);
        Assert.True(head!.Checkpoint >= exported.Checkpoint);
        Assert.True(head.Sequence >= exported.Sequence);
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal(
                ["chain", "checkpoint", "sequence", "hash", "signedAt", "checkpointDigest", "previousCheckpoint", "keyId", "token"],
                document.RootElement.EnumerateObject().Select(p => p.Name));
        }

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        foreach (var route in new[] { "/api/audit/head", "/api/verification/ledger/head" })
        {
            var endpoint = endpoints.Single(e => e.RoutePattern.RawText == route);
            Assert.Equal(AuditHeadEndpoint.RateLimitPolicy, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
        }
    }

    [Fact]
    public async Task The_ledger_head_is_exported_served_and_checked_like_the_audit_head()
    {
        var ledger = host.Services.GetRequiredService<QueryLedger>();
        var institution = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await ledger.AppendAsync(new QueryRecord(DateTimeOffset.UtcNow, "req-" + Guid.NewGuid().ToString("N"), institution, null, "user",
                "account-opening", "verify", "1143321936", "match", null, null, null, 0), CancellationToken.None);
        }

        var file = WitnessPath();
        var export = await NokorCli.RunAsync(host, "verification", "export-head", "--out", file);
        Assert.True(export.ExitCode == 0, export.Output);
        var witness = JsonSerializer.Deserialize<ChainHead>(await File.ReadAllTextAsync(file))!;
        Assert.Equal(LedgerCheckpoints.ChainName, witness.Chain);

        var verify = await NokorCli.RunAsync(host, "verification", "verify-ledger", "--witness", file);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains($"The witnessed head (record {witness.Sequence}, checkpoint {witness.Checkpoint}) is in the history.", verify.Output, StringComparison.Ordinal);

        var served = await host.CreateClient().GetAsync("/api/verification/ledger/head");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var keys = host.Services.GetRequiredService<SigningKeyRing>().GetPublicKeySet();
        Assert.True(ChainHead.TryRead(await served.Content.ReadAsStringAsync(), LedgerCheckpoints.ChainName, keys, out var head, out _, out var error), error);
        Assert.True(head!.Checkpoint >= witness.Checkpoint);

        // An audit witness is not a ledger witness.
        var auditFile = WitnessPath();
        Assert.Equal(0, (await NokorCli.RunAsync(host, "audit", "export-head", "--out", auditFile)).ExitCode);
        var wrong = await NokorCli.RunAsync(host, "verification", "verify-ledger", "--witness", auditFile);
        Assert.Equal(10, wrong.ExitCode);
        Assert.Contains("the witness is the head of the 'audit' chain, not of 'verification'", wrong.Output, StringComparison.Ordinal);
    }

    private string WitnessPath()
    {
        Directory.CreateDirectory(host.DataDirectory);
        return Path.Combine(host.DataDirectory, "witness-" + Guid.NewGuid().ToString("N") + ".json");
    }

    private async Task RewriteAuditFromAsync(long from)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entries = await db.AuditEntries.Where(e => e.Sequence >= from - 1).OrderBy(e => e.Sequence).ToListAsync();
        var previous = entries[0].Sequence == from ? AuditChainHash.Genesis : entries[0].Hash;
        foreach (var entry in entries.Where(e => e.Sequence >= from))
        {
            if (entry.Sequence == from)
            {
                entry.Purpose = "nothing to see here";
            }

            entry.PreviousHash = previous;
            entry.Hash = AuditChainHash.Compute(previous, entry);
            previous = entry.Hash;
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"DELETE FROM audit_checkpoints WHERE \"Sequence\" >= {from}");
    }
}

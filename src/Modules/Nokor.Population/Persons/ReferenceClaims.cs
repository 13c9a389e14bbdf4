using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Errors;
using Nokor.Population.Data;

namespace Nokor.Population.Persons;

/// <summary>
/// The second half of applying a change once per reference, shared by the registry's writes
/// (<see cref="PopulationRegistry"/>) and the family events (<c>Families/FamilySteps</c>): with the
/// reference claimed, run the write; a write that is refused or throws gives the claim back, so the
/// same reference can be tried again.
/// </summary>
internal static class ReferenceClaims
{
    public static async Task<Outcome<T>> WriteClaimedAsync<T>(PopulationDbContext db, string reference, Func<Task<Outcome<T>>> write)
    {
        db.ChangeTracker.Clear();
        Outcome<T> outcome;
        try
        {
            outcome = await write();
        }
        catch
        {
            await ReleaseAsync(db, reference);
            throw;
        }

        if (!outcome.IsOk)
        {
            await ReleaseAsync(db, reference);
        }

        return outcome;
    }

    private static async Task ReleaseAsync(PopulationDbContext db, string reference)
    {
        db.ChangeTracker.Clear();
        await db.SourceReferences.Where(r => r.Reference == reference).ExecuteDeleteAsync(CancellationToken.None);
    }
}

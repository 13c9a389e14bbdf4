using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>The steps the court decision use cases share: loading one in the caller's area, and the view.</summary>
internal static class CourtDecisionRecords
{
    public const string NotFoundMessage = "No court decision with this id in your area.";

    /// <summary>The decision if its office is in the caller's area (a decision elsewhere is not found: 404, not 403).</summary>
    public static async Task<CourtDecisionEntity?> FindAsync(CivilDbContext db, Guid id, Actor actor, bool track, CancellationToken ct)
    {
        var query = track ? db.CourtDecisions : db.CourtDecisions.AsNoTracking();
        var d = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
        return d is not null && actor.Jurisdiction.Covers(d.OfficeCode) ? d : null;
    }

    public static IReadOnlyList<CourtDecisionProblem> Problems(CourtDecisionEntity d) =>
        d.Problems is null ? [] : Dossiers.Read<List<CourtDecisionProblem>>(d.Problems);

    public static string? WriteProblems(IReadOnlyList<CourtDecisionProblem> problems) =>
        problems.Count == 0 ? null : Dossiers.Write(problems);

    /// <summary>Saves a decision a registrar changed (re-checked, dismissed), checked against the revision it was read at.</summary>
    public static async Task<Outcome<CourtDecisionView>> SaveAsync(CivilDbContext db, CourtDecisionEntity d, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<CourtDecisionView>.Conflict("The decision was changed by someone else meanwhile (applied, re-checked or dismissed): open it again.");
        }

        return Outcome<CourtDecisionView>.Ok(View(d, clock));
    }

    public static CourtDecisionView View(CourtDecisionEntity d, TimeProvider clock) => new(
        d.Id, d.Kind, d.Status, d.Court, d.CaseNumber, d.DecisionDate.ToString("yyyy-MM-dd"), d.EffectiveDate?.ToString("yyyy-MM-dd"),
        d.OfficeCode, d.Summary, d.ReceivedAt, CambodiaTime.Today(clock).DayNumber - CambodiaTime.DateOf(d.ReceivedAt).DayNumber,
        d.PdfSize, d.PdfSha256, Problems(d), d.RegistrationId, d.DismissalReason, Dossiers.Read<CourtDecisionInput>(d.Details));

    /// <summary>The file name the decision's PDF is given, as a download and as an annex ("court-decision-1234-2026.pdf").</summary>
    public static string FileName(CourtDecisionEntity d) =>
        "court-decision-" + new string(d.CaseNumber.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) + ".pdf";
}

/// <summary>The annex a registration entered from a court decision gets: the decision's PDF, the same stored file.</summary>
internal static class CourtDecisionAnnex
{
    public static AnnexEntity For(CourtDecisionEntity decision, Guid registrationId, DateTimeOffset at, string addedBy) => new()
    {
        Id = Guid.CreateVersion7(),
        RegistrationId = registrationId,
        Sha256 = decision.PdfSha256,
        ContentType = "application/pdf",
        Size = decision.PdfSize,
        FileName = CourtDecisionRecords.FileName(decision),
        Description = Truncate($"Court decision: {decision.Court}, case {decision.CaseNumber}", 300),
        AddedAt = at,
        AddedBy = addedBy,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

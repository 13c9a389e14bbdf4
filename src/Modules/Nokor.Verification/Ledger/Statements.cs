using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Errors;
using Nokor.Platform.Spreadsheets;
using Nokor.Verification.Data;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Ledger;

public sealed record StatementLine(string QueryType, long Count, long UnitPrice, long Amount);

/// <summary>A monthly statement for invoicing: counts and amounts per query type, against the quota.</summary>
public sealed record Statement(
    Guid InstitutionId,
    string InstitutionCode,
    string InstitutionName,
    string ContractReference,
    string Month,
    long MonthlyQuota,
    IReadOnlyList<StatementLine> Lines,
    long TotalCount,
    long TotalAmount,
    string Currency);

/// <summary>One query about a person as the person's own view shows it ("who looked at my data").</summary>
public sealed record PersonAccess(DateTimeOffset At, string InstitutionCode, string InstitutionName, string? InstitutionNameKm, string Purpose, string QueryType);

/// <summary>Statements from <c>vrf_usage</c> and the person's own view from the query ledger.</summary>
internal sealed class LedgerReports(VerificationDbContext db, Nokor.Platform.Audit.IAuditLog audit)
{
    public static bool TryParseMonth(string? text, out int month)
    {
        month = 0;
        if (!DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        month = (date.Year * 100) + date.Month;
        return true;
    }

    public async Task<Outcome<Statement>> StatementAsync(Guid institutionId, string? monthText, CancellationToken ct)
    {
        if (!TryParseMonth(monthText, out var month))
        {
            return Outcome<Statement>.Invalid("month", "A month as yyyy-MM.");
        }

        var institution = await db.Institutions.AsNoTracking().Include(i => i.Contract).FirstOrDefaultAsync(i => i.Id == institutionId, ct);
        if (institution?.Contract is null)
        {
            return Outcome<Statement>.NotFound("No institution with this id.");
        }

        var rows = await db.Usage.AsNoTracking().Where(u => u.InstitutionId == institutionId && u.Month == month).ToListAsync(ct);
        var contract = institution.Contract;
        var lines = QueryTypes.All.Select(type =>
        {
            var row = rows.FirstOrDefault(r => r.QueryType == type);
            var price = type switch
            {
                QueryTypes.Verify => contract.PriceVerify,
                QueryTypes.Attributes => contract.PriceAttributes,
                _ => contract.PriceBulkRow,
            };
            return new StatementLine(type, row?.Count ?? 0, price, row?.Amount ?? 0);
        }).ToList();
        return Outcome<Statement>.Ok(new Statement(
            institution.Id, institution.Code, institution.Name, contract.Reference,
            string.Create(CultureInfo.InvariantCulture, $"{month / 100:D4}-{month % 100:D2}"), contract.MonthlyQuota,
            lines, lines.Sum(l => l.Count), lines.Sum(l => l.Amount), "KHR"));
    }

    /// <summary>The CSV columns of a statement.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["institution", "contract", "month", "query_type", "count", "unit_price_khr", "amount_khr"];

    /// <summary>
    /// The statement as a CSV file (UTF-8 with a byte order mark) through the platform's one CSV
    /// writer: the institution code and contract reference are text typed in by staff, so a
    /// reference such as <c>=HYPERLINK(...)</c> is neutralised; counts and amounts are numbers.
    /// </summary>
    public static byte[] ToCsv(Statement s)
    {
        var rows = new List<IReadOnlyList<SheetCell>>(s.Lines.Count + 1);
        foreach (var line in s.Lines)
        {
            rows.Add([s.InstitutionCode, s.ContractReference, s.Month, line.QueryType, line.Count, line.UnitPrice, line.Amount]);
        }

        rows.Add([s.InstitutionCode, s.ContractReference, s.Month, "total", s.TotalCount, SheetCell.Empty, s.TotalAmount]);
        return CsvTableWriter.RecordsToBytes(CsvColumns, rows);
    }

    /// <summary>The longest purpose a reader may state (header X-Purpose).</summary>
    public const int MaxPurposeLength = 200;

    /// <summary>The purpose recorded when the reader states none: the page and the API exist for it.</summary>
    public const string DefaultPersonAccessPurpose = "who looked at my data";

    /// <summary>
    /// "Who looked at my data" for the API and the staff page alike: a malformed KIDC, count or
    /// purpose is refused without reading anything; a person the actor's area does not cover (the
    /// residence in the verification store) is "not found", exactly as a KIDC nobody holds, and
    /// nothing is audited; otherwise the reading, itself an access to the person's data, is audited
    /// under the staff member or the e-services system with its purpose before the history is read.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<PersonAccess>>> ReadPersonAccessAsync(
        string? kidc, int max, Nokor.Platform.Staff.Actor actor, string? purpose, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = QueryService.CheckKidc(kidc, errors);
        if (max is < 1 or > 1000)
        {
            errors.Add("max", "From 1 to 1000.");
        }

        purpose = string.IsNullOrWhiteSpace(purpose) ? DefaultPersonAccessPurpose : purpose.Trim();
        if (purpose.Length > MaxPurposeLength || purpose.Any(char.IsControl))
        {
            errors.Add("X-Purpose", $"The purpose is at most {MaxPurposeLength} characters, on one line.");
        }

        if (errors.Any)
        {
            return Outcome<IReadOnlyList<PersonAccess>>.Invalid(errors);
        }

        var residence = await db.Persons.AsNoTracking().Where(p => p.Kidc == code).Select(p => p.ResidenceVillageCode).FirstOrDefaultAsync(ct);
        if (residence is null || !actor.Jurisdiction.Covers(residence))
        {
            return Outcome<IReadOnlyList<PersonAccess>>.NotFound(NotInAreaMessage);
        }

        await audit.AppendAsync(new Nokor.Platform.Audit.AuditEvent(actor, "verification.person-access.read", "person", code!, purpose), ct);
        return Outcome<IReadOnlyList<PersonAccess>>.Ok(await PersonAccessAsync(code!, max, ct));
    }

    /// <summary>The answer for a KIDC nobody holds and for a person outside the reader's area alike.</summary>
    public const string NotInAreaMessage = "No person with this KIDC in your area.";

    /// <summary>
    /// The queries about one person, newest first: which institution, for what purpose, when. The
    /// ledger is written before each answer, so a query shows here at once (the issue asks within a
    /// minute). Unknown KIDCs have no person, so nothing to show.
    /// </summary>
    public async Task<IReadOnlyList<PersonAccess>> PersonAccessAsync(string kidc, int max, CancellationToken ct)
    {
        var records = await db.QueryRecords.AsNoTracking()
            .Where(q => q.Kidc == kidc && q.Result != "unknown")
            .OrderByDescending(q => q.Sequence)
            .Take(max)
            .Select(q => new { q.AtUs, q.InstitutionId, q.Purpose, q.QueryType })
            .ToListAsync(ct);
        var ids = records.Select(r => r.InstitutionId).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return records.Select(r =>
        {
            var i = institutions.GetValueOrDefault(r.InstitutionId);
            return new PersonAccess(DateTimeOffset.UnixEpoch.AddTicks(r.AtUs * 10), i?.Code ?? "?", i?.Name ?? "?", i?.NameKm, r.Purpose, r.QueryType);
        }).ToList();
    }
}

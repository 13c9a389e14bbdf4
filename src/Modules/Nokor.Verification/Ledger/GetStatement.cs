using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Errors;
using Nokor.Platform.Spreadsheets;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

/// <summary>A monthly statement from <c>vrf_usage</c>: counts and amounts per query type, as JSON or CSV.</summary>
internal static class GetStatement
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

    public static async Task<Outcome<Statement>> HandleAsync(Guid institutionId, string? monthText, VerificationDbContext db, CancellationToken ct)
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

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/institutions/{id:guid}/statements/{month}", async (Guid id, string month, string? format, HttpContext http, VerificationDbContext db) =>
            {
                var outcome = await HandleAsync(id, month, db, http.RequestAborted);
                if (outcome.IsOk && string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
                {
                    var s = outcome.Value!;
                    return (IResult)TypedResults.File(ToCsv(s), CsvTableWriter.ContentType, $"statement-{s.InstitutionCode}-{s.Month}.csv");
                }

                return outcome.ToHttp();
            })
            .WithSummary("The monthly statement (counts and amounts per query type) as JSON, or CSV with format=csv.");
}

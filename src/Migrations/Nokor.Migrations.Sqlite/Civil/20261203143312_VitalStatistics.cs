using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Civil
{
    /// <inheritdoc />
    public partial class VitalStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectBirthDate",
                table: "crvs_registrations",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectResidenceCode",
                table: "crvs_registrations",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "crvs_expected_rates",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CrudeBirthRate = table.Column<double>(type: "REAL", nullable: false),
                    CrudeDeathRate = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_expected_rates", x => new { x.Year, x.AreaCode });
                });

            migrationBuilder.CreateTable(
                name: "crvs_population_estimates",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AgeFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeTo = table.Column<int>(type: "INTEGER", nullable: false),
                    Population = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_population_estimates", x => new { x.Year, x.AreaCode, x.Sex, x.AgeFrom });
                });

            migrationBuilder.CreateTable(
                name: "crvs_service_targets",
                columns: table => new
                {
                    Step = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    MaxHours = table.Column<int>(type: "INTEGER", nullable: false),
                    CompliancePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_service_targets", x => x.Step);
                });

            migrationBuilder.CreateTable(
                name: "crvs_statistics_publications",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Tables = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_statistics_publications", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "crvs_vital_facts",
                columns: table => new
                {
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OfficeCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EventDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OccurrenceYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurrenceMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegistrationYear = table.Column<int>(type: "INTEGER", nullable: true),
                    OccurrenceCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ResidenceCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    PlaceKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    DelayDays = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    MotherAge = table.Column<int>(type: "INTEGER", nullable: true),
                    BirthOrder = table.Column<int>(type: "INTEGER", nullable: true),
                    Attendant = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BirthType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    BirthWeightGrams = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeYears = table.Column<int>(type: "INTEGER", nullable: true),
                    UnderlyingCause = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    MedicallyCertified = table.Column<bool>(type: "INTEGER", nullable: false),
                    Manner = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Maternal = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstCertificateAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Corrections = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_vital_facts", x => x.RegistrationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_vital_facts_Event_Status_OccurrenceYear",
                table: "crvs_vital_facts",
                columns: new[] { "Event", "Status", "OccurrenceYear" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_vital_facts_Event_Status_RegistrationYear",
                table: "crvs_vital_facts",
                columns: new[] { "Event", "Status", "RegistrationYear" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_vital_facts_OfficeCode_EnteredAt",
                table: "crvs_vital_facts",
                columns: new[] { "OfficeCode", "EnteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crvs_expected_rates");

            migrationBuilder.DropTable(
                name: "crvs_population_estimates");

            migrationBuilder.DropTable(
                name: "crvs_service_targets");

            migrationBuilder.DropTable(
                name: "crvs_statistics_publications");

            migrationBuilder.DropTable(
                name: "crvs_vital_facts");

            migrationBuilder.DropColumn(
                name: "SubjectBirthDate",
                table: "crvs_registrations");

            migrationBuilder.DropColumn(
                name: "SubjectResidenceCode",
                table: "crvs_registrations");
        }
    }
}

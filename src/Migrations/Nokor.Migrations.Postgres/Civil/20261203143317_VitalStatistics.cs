using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Postgres.Civil
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
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectResidenceCode",
                table: "crvs_registrations",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "crvs_expected_rates",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CrudeBirthRate = table.Column<double>(type: "double precision", nullable: false),
                    CrudeDeathRate = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_expected_rates", x => new { x.Year, x.AreaCode });
                });

            migrationBuilder.CreateTable(
                name: "crvs_population_estimates",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AgeFrom = table.Column<int>(type: "integer", nullable: false),
                    AgeTo = table.Column<int>(type: "integer", nullable: false),
                    Population = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_population_estimates", x => new { x.Year, x.AreaCode, x.Sex, x.AgeFrom });
                });

            migrationBuilder.CreateTable(
                name: "crvs_service_targets",
                columns: table => new
                {
                    Step = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    MaxHours = table.Column<int>(type: "integer", nullable: false),
                    CompliancePercent = table.Column<int>(type: "integer", nullable: false),
                    SetBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_service_targets", x => x.Step);
                });

            migrationBuilder.CreateTable(
                name: "crvs_statistics_publications",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Tables = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_statistics_publications", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "crvs_vital_facts",
                columns: table => new
                {
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Event = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OfficeCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: false),
                    OccurrenceYear = table.Column<int>(type: "integer", nullable: false),
                    OccurrenceMonth = table.Column<int>(type: "integer", nullable: false),
                    RegistrationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RegistrationYear = table.Column<int>(type: "integer", nullable: true),
                    OccurrenceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    ResidenceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true, collation: "C"),
                    PlaceKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    DelayDays = table.Column<int>(type: "integer", nullable: false),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    MotherAge = table.Column<int>(type: "integer", nullable: true),
                    BirthOrder = table.Column<int>(type: "integer", nullable: true),
                    Attendant = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    BirthType = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    BirthWeightGrams = table.Column<int>(type: "integer", nullable: true),
                    AgeDays = table.Column<int>(type: "integer", nullable: true),
                    AgeYears = table.Column<int>(type: "integer", nullable: true),
                    UnderlyingCause = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    MedicallyCertified = table.Column<bool>(type: "boolean", nullable: false),
                    Manner = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Maternal = table.Column<bool>(type: "boolean", nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstCertificateAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Corrections = table.Column<int>(type: "integer", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Postgres.Civil
{
    /// <inheritdoc />
    public partial class FamilyEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Event",
                table: "crvs_vital_facts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AddColumn<int>(
                name: "DependentChildren",
                table: "crvs_vital_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GestationWeeks",
                table: "crvs_vital_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HusbandAge",
                table: "crvs_vital_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HusbandPreviousStatus",
                table: "crvs_vital_facts",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MarriageYears",
                table: "crvs_vital_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WifeAge",
                table: "crvs_vital_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WifePreviousStatus",
                table: "crvs_vital_facts",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Event",
                table: "crvs_registrations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AddColumn<Guid>(
                name: "CourtDecisionId",
                table: "crvs_registrations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SealedThroughVersion",
                table: "crvs_registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Event",
                table: "crvs_number_counters",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "Event",
                table: "crvs_notifications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AddColumn<double>(
                name: "CrudeDivorceRate",
                table: "crvs_expected_rates",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CrudeMarriageRate",
                table: "crvs_expected_rates",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "crvs_court_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Court = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OfficeCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Details = table.Column<string>(type: "text", nullable: false),
                    PdfSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PdfSize = table.Column<long>(type: "bigint", nullable: false),
                    Summary = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Problems = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DismissalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DismissedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DismissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_court_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_marriages",
                columns: table => new
                {
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OfficeCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    MarriageDate = table.Column<DateOnly>(type: "date", nullable: false),
                    HusbandKidc = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    WifeKidc = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    HusbandName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WifeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedByRegistrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    EndedByNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_marriages", x => x.RegistrationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_registrations_CourtDecisionId",
                table: "crvs_registrations",
                column: "CourtDecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crvs_court_decisions_Court_CaseNumber",
                table: "crvs_court_decisions",
                columns: new[] { "Court", "CaseNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crvs_court_decisions_OfficeCode_Status_ReceivedAt",
                table: "crvs_court_decisions",
                columns: new[] { "OfficeCode", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_marriages_HusbandKidc_State",
                table: "crvs_marriages",
                columns: new[] { "HusbandKidc", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_marriages_Number",
                table: "crvs_marriages",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crvs_marriages_WifeKidc_State",
                table: "crvs_marriages",
                columns: new[] { "WifeKidc", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crvs_court_decisions");

            migrationBuilder.DropTable(
                name: "crvs_marriages");

            migrationBuilder.DropIndex(
                name: "IX_crvs_registrations_CourtDecisionId",
                table: "crvs_registrations");

            migrationBuilder.DropColumn(
                name: "DependentChildren",
                table: "crvs_vital_facts");

            migrationBuilder.DropColumn(
                name: "GestationWeeks",
                table: "crvs_vital_facts");

            migrationBuilder.DropColumn(
                name: "HusbandAge",
                table: "crvs_vital_facts");

            migrationBuilder.DropColumn(
                name: "HusbandPreviousStatus",
                table: "crvs_vital_facts");

            migrationBuilder.DropColumn(
                name: "MarriageYears",
                table: "crvs_vital_facts");

            migrationBuilder.DropColumn(
                name: "WifeAge",
                table: "crvs_vital_facts");

            migrationBuilder.DropColumn(
                name: "WifePreviousStatus",
                table: "crvs_vital_facts");

            migrationBuilder.DropColumn(
                name: "CourtDecisionId",
                table: "crvs_registrations");

            migrationBuilder.DropColumn(
                name: "SealedThroughVersion",
                table: "crvs_registrations");

            migrationBuilder.DropColumn(
                name: "CrudeDivorceRate",
                table: "crvs_expected_rates");

            migrationBuilder.DropColumn(
                name: "CrudeMarriageRate",
                table: "crvs_expected_rates");

            migrationBuilder.AlterColumn<string>(
                name: "Event",
                table: "crvs_vital_facts",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);

            migrationBuilder.AlterColumn<string>(
                name: "Event",
                table: "crvs_registrations",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);

            migrationBuilder.AlterColumn<string>(
                name: "Event",
                table: "crvs_number_counters",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);

            migrationBuilder.AlterColumn<string>(
                name: "Event",
                table: "crvs_notifications",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Civil
{
    /// <inheritdoc />
    public partial class FamilyEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DependentChildren",
                table: "crvs_vital_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GestationWeeks",
                table: "crvs_vital_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HusbandAge",
                table: "crvs_vital_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HusbandPreviousStatus",
                table: "crvs_vital_facts",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MarriageYears",
                table: "crvs_vital_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WifeAge",
                table: "crvs_vital_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WifePreviousStatus",
                table: "crvs_vital_facts",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CourtDecisionId",
                table: "crvs_registrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SealedThroughVersion",
                table: "crvs_registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CrudeDivorceRate",
                table: "crvs_expected_rates",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CrudeMarriageRate",
                table: "crvs_expected_rates",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "crvs_court_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OfficeCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PdfSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DismissalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DismissedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DismissedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_court_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_marriages",
                columns: table => new
                {
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OfficeCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    MarriageDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HusbandKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    WifeKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    HusbandName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WifeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedByRegistrationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EndedByNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Postgres.Civil
{
    /// <inheritdoc />
    public partial class FamilyStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "CrudeDivorceRate",
                table: "crvs_expected_rates");

            migrationBuilder.DropColumn(
                name: "CrudeMarriageRate",
                table: "crvs_expected_rates");
        }
    }
}

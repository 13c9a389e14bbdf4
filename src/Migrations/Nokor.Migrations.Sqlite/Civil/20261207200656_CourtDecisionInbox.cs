using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Civil
{
    /// <inheritdoc />
    public partial class CourtDecisionInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DismissalReason",
                table: "crvs_court_decisions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DismissedAt",
                table: "crvs_court_decisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DismissedBy",
                table: "crvs_court_decisions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "crvs_court_decisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "crvs_court_decisions",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DismissalReason",
                table: "crvs_court_decisions");

            migrationBuilder.DropColumn(
                name: "DismissedAt",
                table: "crvs_court_decisions");

            migrationBuilder.DropColumn(
                name: "DismissedBy",
                table: "crvs_court_decisions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "crvs_court_decisions");

            migrationBuilder.DropColumn(
                name: "Summary",
                table: "crvs_court_decisions");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Civil
{
    /// <inheritdoc />
    public partial class CivilApprovalIntent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApprovalStartedAt",
                table: "crvs_registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalStartedBy",
                table: "crvs_registrations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalStartedByName",
                table: "crvs_registrations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_crvs_registrations_ApprovalStartedAt",
                table: "crvs_registrations",
                column: "ApprovalStartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_crvs_registrations_ApprovalStartedAt",
                table: "crvs_registrations");

            migrationBuilder.DropColumn(
                name: "ApprovalStartedAt",
                table: "crvs_registrations");

            migrationBuilder.DropColumn(
                name: "ApprovalStartedBy",
                table: "crvs_registrations");

            migrationBuilder.DropColumn(
                name: "ApprovalStartedByName",
                table: "crvs_registrations");
        }
    }
}

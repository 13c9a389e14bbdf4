using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Postgres.Platform
{
    /// <inheritdoc />
    public partial class ChainedCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Number",
                table: "audit_checkpoints",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Previous",
                table: "audit_checkpoints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_checkpoints_Number",
                table: "audit_checkpoints",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_checkpoints_Number",
                table: "audit_checkpoints");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "audit_checkpoints");

            migrationBuilder.DropColumn(
                name: "Previous",
                table: "audit_checkpoints");
        }
    }
}

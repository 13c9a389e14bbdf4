using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Legislation
{
    /// <inheritdoc />
    public partial class LegislationSearchFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leg_search_failures",
                columns: table => new
                {
                    TextId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpressionUri = table.Column<string>(type: "TEXT", maxLength: 240, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FirstFailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SetAsideAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_search_failures", x => x.TextId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leg_search_failures_SetAsideAt",
                table: "leg_search_failures",
                column: "SetAsideAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leg_search_failures");
        }
    }
}

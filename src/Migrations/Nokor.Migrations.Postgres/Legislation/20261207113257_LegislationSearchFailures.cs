using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Postgres.Legislation
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
                    TextId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpressionUri = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FirstFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SetAsideAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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

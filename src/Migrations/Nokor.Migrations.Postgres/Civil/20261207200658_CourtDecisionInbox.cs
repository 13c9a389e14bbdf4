using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Postgres.Civil
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DismissedAt",
                table: "crvs_court_decisions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DismissedBy",
                table: "crvs_court_decisions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "crvs_court_decisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "crvs_court_decisions",
                type: "character varying(400)",
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

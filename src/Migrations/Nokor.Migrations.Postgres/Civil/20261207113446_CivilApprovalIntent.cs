using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Postgres.Civil
{
    /// <inheritdoc />
    public partial class CivilApprovalIntent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ApprovalStartedAt",
                table: "crvs_registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalStartedBy",
                table: "crvs_registrations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalStartedByName",
                table: "crvs_registrations",
                type: "character varying(200)",
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

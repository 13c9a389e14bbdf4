using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Population
{
    /// <inheritdoc />
    public partial class FamilyLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "pop_person_versions",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pop_person_parents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParentKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ParentNameKm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pop_person_parents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pop_person_spouses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SpouseKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SpouseName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MarriageReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StatusBefore = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SeparatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SeparationReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    EndReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pop_person_spouses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_versions_Reference",
                table: "pop_person_versions",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_parents_ChildKidc",
                table: "pop_person_parents",
                column: "ChildKidc");

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_parents_Reference",
                table: "pop_person_parents",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_spouses_EndReference",
                table: "pop_person_spouses",
                column: "EndReference");

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_spouses_MarriageReference",
                table: "pop_person_spouses",
                column: "MarriageReference");

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_spouses_PersonKidc",
                table: "pop_person_spouses",
                column: "PersonKidc");

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_spouses_SeparationReference",
                table: "pop_person_spouses",
                column: "SeparationReference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pop_person_parents");

            migrationBuilder.DropTable(
                name: "pop_person_spouses");

            migrationBuilder.DropIndex(
                name: "IX_pop_person_versions_Reference",
                table: "pop_person_versions");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "pop_person_versions");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Population
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pop_issued_kidcs",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pop_issued_kidcs", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "pop_person_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChangedFields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pop_person_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pop_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SurnameKm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenNameKm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SurnameLatin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenNameLatin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameKmKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameLatinKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    BirthDay = table.Column<int>(type: "INTEGER", nullable: true),
                    BirthPlaceCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    BirthCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CitizenshipStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MaritalStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FatherKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    MotherKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    FatherNameKm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MotherNameKm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResidenceVillageCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ResidenceAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LifeStatus = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DeathDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pop_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pop_person_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IssuingSystem = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pop_person_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pop_person_documents_pop_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "pop_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_documents_PersonId",
                table: "pop_person_documents",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_documents_Type_Number",
                table: "pop_person_documents",
                columns: new[] { "Type", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pop_person_versions_PersonId_Version",
                table: "pop_person_versions",
                columns: new[] { "PersonId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pop_persons_FatherKidc",
                table: "pop_persons",
                column: "FatherKidc");

            migrationBuilder.CreateIndex(
                name: "IX_pop_persons_Kidc",
                table: "pop_persons",
                column: "Kidc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pop_persons_MotherKidc",
                table: "pop_persons",
                column: "MotherKidc");

            migrationBuilder.CreateIndex(
                name: "IX_pop_persons_NameKmKey_BirthYear",
                table: "pop_persons",
                columns: new[] { "NameKmKey", "BirthYear" });

            migrationBuilder.CreateIndex(
                name: "IX_pop_persons_NameLatinKey_BirthYear",
                table: "pop_persons",
                columns: new[] { "NameLatinKey", "BirthYear" });

            migrationBuilder.CreateIndex(
                name: "IX_pop_persons_ResidenceVillageCode",
                table: "pop_persons",
                column: "ResidenceVillageCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pop_issued_kidcs");

            migrationBuilder.DropTable(
                name: "pop_person_documents");

            migrationBuilder.DropTable(
                name: "pop_person_versions");

            migrationBuilder.DropTable(
                name: "pop_persons");
        }
    }
}

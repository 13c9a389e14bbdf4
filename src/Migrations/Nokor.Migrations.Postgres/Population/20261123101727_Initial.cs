using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nokor.Migrations.Postgres.Population
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
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    VoidReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pop_issued_kidcs", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "pop_person_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChangedFields = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pop_person_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pop_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kidc = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SurnameKm = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GivenNameKm = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SurnameLatin = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GivenNameLatin = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameKmKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    NameLatinKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: false),
                    BirthMonth = table.Column<int>(type: "integer", nullable: true),
                    BirthDay = table.Column<int>(type: "integer", nullable: true),
                    BirthPlaceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true, collation: "C"),
                    BirthCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Nationality = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CitizenshipStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MaritalStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FatherKidc = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    MotherKidc = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    FatherNameKm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MotherNameKm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResidenceVillageCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    ResidenceAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LifeStatus = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DeathDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pop_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pop_person_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssuingSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Verification
{
    /// <inheritdoc />
    public partial class VerificationService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vrf_bulk_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    XRoadClient = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    InputBlob = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResultBlob = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrf_bulk_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vrf_credentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrf_credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vrf_institutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    XRoadClient = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrf_institutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vrf_persons",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SurnameKm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenNameKm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SurnameLatin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenNameLatin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SurnameKmKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenNameKmKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SurnameLatinKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenNameLatinKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    BirthDay = table.Column<int>(type: "INTEGER", nullable: true),
                    BirthPlaceCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    BirthCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ResidenceVillageCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Alive = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeathDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SourceAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrf_persons", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "vrf_projection_state",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    Ready = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrf_projection_state", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "vrf_query_records",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUs = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    QueryType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    XRoadClient = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    BulkJobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Price = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrf_query_records", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "vrf_usage",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    QueryType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrf_usage", x => new { x.InstitutionId, x.Month, x.QueryType });
                });

            migrationBuilder.CreateTable(
                name: "vrf_contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Purposes = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    QueryTypes = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MonthlyQuota = table.Column<long>(type: "INTEGER", nullable: false),
                    PriceVerify = table.Column<long>(type: "INTEGER", nullable: false),
                    PriceAttributes = table.Column<long>(type: "INTEGER", nullable: false),
                    PriceBulkRow = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrf_contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vrf_contracts_vrf_institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "vrf_institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vrf_bulk_jobs_InstitutionId",
                table: "vrf_bulk_jobs",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_vrf_bulk_jobs_Status_CreatedAt",
                table: "vrf_bulk_jobs",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_vrf_contracts_InstitutionId",
                table: "vrf_contracts",
                column: "InstitutionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vrf_credentials_ClientId",
                table: "vrf_credentials",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vrf_credentials_InstitutionId",
                table: "vrf_credentials",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_vrf_institutions_Code",
                table: "vrf_institutions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vrf_persons_Kidc",
                table: "vrf_persons",
                column: "Kidc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vrf_query_records_BulkJobId",
                table: "vrf_query_records",
                column: "BulkJobId",
                filter: "BulkJobId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_vrf_query_records_InstitutionId_Sequence",
                table: "vrf_query_records",
                columns: new[] { "InstitutionId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_vrf_query_records_Kidc_Sequence",
                table: "vrf_query_records",
                columns: new[] { "Kidc", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vrf_bulk_jobs");

            migrationBuilder.DropTable(
                name: "vrf_contracts");

            migrationBuilder.DropTable(
                name: "vrf_credentials");

            migrationBuilder.DropTable(
                name: "vrf_persons");

            migrationBuilder.DropTable(
                name: "vrf_projection_state");

            migrationBuilder.DropTable(
                name: "vrf_query_records");

            migrationBuilder.DropTable(
                name: "vrf_usage");

            migrationBuilder.DropTable(
                name: "vrf_institutions");
        }
    }
}

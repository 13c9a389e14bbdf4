using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nokor.Migrations.Postgres.Civil
{
    /// <inheritdoc />
    public partial class CivilRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crvs_annexes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_annexes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Serial = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    RegistrationVersion = table.Column<int>(type: "integer", nullable: false),
                    Issue = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FeeRiel = table.Column<long>(type: "bigint", nullable: false),
                    Token = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BaseVersion = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Dossier = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EvidenceAnnexId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ResultingVersion = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_information_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OfficeCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    RequesterKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequesterKidc = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Agreement = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Decision = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveryChannel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_information_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Event = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    EventPlaceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: false),
                    InformantKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SourceReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubjectNameKm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubjectNameLatin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Details = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_number_counters",
                columns: table => new
                {
                    OfficeCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Event = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Next = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_number_counters", x => new { x.OfficeCode, x.Event, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "crvs_registration_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_registration_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_registration_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Dossier = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CorrectionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_registration_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Event = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    OfficeCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EventPlaceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    SubjectKidc = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SubjectNameKm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectNameLatin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectNameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectSex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    DelayDays = table.Column<int>(type: "integer", nullable: false),
                    FeeRiel = table.Column<long>(type: "bigint", nullable: false),
                    NeedsSeniorApproval = table.Column<bool>(type: "boolean", nullable: false),
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Dossier = table.Column<string>(type: "text", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnteredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VerifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VerifiedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RejectionReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AssignedTo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AssignedToName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_registrations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_annexes_RegistrationId",
                table: "crvs_annexes",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_crvs_certificates_RegistrationId",
                table: "crvs_certificates",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_crvs_certificates_Serial",
                table: "crvs_certificates",
                column: "Serial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crvs_corrections_RegistrationId_Status",
                table: "crvs_corrections",
                columns: new[] { "RegistrationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_information_requests_OfficeCode_Status",
                table: "crvs_information_requests",
                columns: new[] { "OfficeCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_notifications_CommuneCode_Status_ReceivedAt",
                table: "crvs_notifications",
                columns: new[] { "CommuneCode", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_notifications_SourceSystem_SourceReference",
                table: "crvs_notifications",
                columns: new[] { "SourceSystem", "SourceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crvs_registration_events_RegistrationId_Id",
                table: "crvs_registration_events",
                columns: new[] { "RegistrationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_registration_versions_RegistrationId_Version",
                table: "crvs_registration_versions",
                columns: new[] { "RegistrationId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crvs_registrations_Event_EventDate",
                table: "crvs_registrations",
                columns: new[] { "Event", "EventDate" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_registrations_NotificationId",
                table: "crvs_registrations",
                column: "NotificationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crvs_registrations_Number",
                table: "crvs_registrations",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crvs_registrations_OfficeCode_Status_EnteredAt",
                table: "crvs_registrations",
                columns: new[] { "OfficeCode", "Status", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crvs_registrations_SubjectKidc",
                table: "crvs_registrations",
                column: "SubjectKidc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crvs_annexes");

            migrationBuilder.DropTable(
                name: "crvs_certificates");

            migrationBuilder.DropTable(
                name: "crvs_corrections");

            migrationBuilder.DropTable(
                name: "crvs_information_requests");

            migrationBuilder.DropTable(
                name: "crvs_notifications");

            migrationBuilder.DropTable(
                name: "crvs_number_counters");

            migrationBuilder.DropTable(
                name: "crvs_registration_events");

            migrationBuilder.DropTable(
                name: "crvs_registration_versions");

            migrationBuilder.DropTable(
                name: "crvs_registrations");
        }
    }
}

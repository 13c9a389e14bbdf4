using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Civil
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_annexes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RegistrationVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FeeRiel = table.Column<long>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaseVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Dossier = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EvidenceAnnexId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResultingVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_information_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OfficeCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    RequesterKind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequesterKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Agreement = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveryChannel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_information_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    EventPlaceCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    EventDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InformantKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubjectNameKm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubjectNameLatin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_number_counters",
                columns: table => new
                {
                    OfficeCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Next = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_number_counters", x => new { x.OfficeCode, x.Event, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "crvs_registration_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_registration_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_registration_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Dossier = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CorrectionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crvs_registration_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crvs_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    OfficeCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EventDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EventPlaceCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SubjectKidc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SubjectNameKm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectNameLatin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectNameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectSex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    DelayDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeRiel = table.Column<long>(type: "INTEGER", nullable: false),
                    NeedsSeniorApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Dossier = table.Column<string>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VerifiedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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

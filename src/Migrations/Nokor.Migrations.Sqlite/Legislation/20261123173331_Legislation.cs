using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Legislation
{
    /// <inheritdoc />
    public partial class Legislation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leg_acts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkUri = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subtype = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TitleKm = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PromulgatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GazetteReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BillId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_acts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmendingActId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetActId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetEId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResultTextId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_amendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_bill_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bill_counters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "leg_bill_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bill_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_bill_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAbstaining = table.Column<int>(type: "INTEGER", nullable: true),
                    TextId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bill_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_bills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WorkUri = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleKm = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsUrgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsBudget = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssemblyAdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeadlineOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CurrentTextId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    NameKm = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Legislature = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_body_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_body_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TextId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArticleEId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SenatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerBodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_legislatures",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_legislatures", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "leg_mandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Legislature = table.Column<int>(type: "INTEGER", nullable: false),
                    Seat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Constituency = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_mandates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_senators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameKm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameLatin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_senators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_text_articles",
                columns: table => new
                {
                    TextId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Num = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_text_articles", x => new { x.TextId, x.EId });
                });

            migrationBuilder.CreateTable(
                name: "leg_text_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TextId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_text_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_texts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkUri = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpressionUri = table.Column<string>(type: "TEXT", maxLength: 240, nullable: false),
                    DocType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    VersionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    VersionLabel = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BillId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_texts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leg_acts_Date",
                table: "leg_acts",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_leg_acts_WorkUri",
                table: "leg_acts",
                column: "WorkUri",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_amendments_AmendingActId",
                table: "leg_amendments",
                column: "AmendingActId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_amendments_TargetActId_EffectiveOn",
                table: "leg_amendments",
                columns: new[] { "TargetActId", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_bill_documents_BillId",
                table: "leg_bill_documents",
                column: "BillId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_bill_events_BillId_Id",
                table: "leg_bill_events",
                columns: new[] { "BillId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_bill_events_RecordedAt",
                table: "leg_bill_events",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_leg_bills_Number",
                table: "leg_bills",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_bills_ReceivedOn",
                table: "leg_bills",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_leg_bills_Stage_DeadlineOn",
                table: "leg_bills",
                columns: new[] { "Stage", "DeadlineOn" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_bills_WorkUri",
                table: "leg_bills",
                column: "WorkUri",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_bodies_Legislature_Code",
                table: "leg_bodies",
                columns: new[] { "Legislature", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_body_members_BodyId_SenatorId_StartsOn",
                table: "leg_body_members",
                columns: new[] { "BodyId", "SenatorId", "StartsOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_body_members_SenatorId",
                table: "leg_body_members",
                column: "SenatorId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_comments_BillId_ArticleEId",
                table: "leg_comments",
                columns: new[] { "BillId", "ArticleEId" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_mandates_Legislature_SenatorId",
                table: "leg_mandates",
                columns: new[] { "Legislature", "SenatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_senators_StaffUserId",
                table: "leg_senators",
                column: "StaffUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_texts_BillId",
                table: "leg_texts",
                column: "BillId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_texts_ExpressionUri",
                table: "leg_texts",
                column: "ExpressionUri",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_texts_WorkUri_Language_ValidFrom",
                table: "leg_texts",
                columns: new[] { "WorkUri", "Language", "ValidFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leg_acts");

            migrationBuilder.DropTable(
                name: "leg_amendments");

            migrationBuilder.DropTable(
                name: "leg_bill_counters");

            migrationBuilder.DropTable(
                name: "leg_bill_documents");

            migrationBuilder.DropTable(
                name: "leg_bill_events");

            migrationBuilder.DropTable(
                name: "leg_bills");

            migrationBuilder.DropTable(
                name: "leg_bodies");

            migrationBuilder.DropTable(
                name: "leg_body_members");

            migrationBuilder.DropTable(
                name: "leg_comments");

            migrationBuilder.DropTable(
                name: "leg_legislatures");

            migrationBuilder.DropTable(
                name: "leg_mandates");

            migrationBuilder.DropTable(
                name: "leg_senators");

            migrationBuilder.DropTable(
                name: "leg_text_articles");

            migrationBuilder.DropTable(
                name: "leg_text_changes");

            migrationBuilder.DropTable(
                name: "leg_texts");
        }
    }
}

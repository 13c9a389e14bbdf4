using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nokor.Migrations.Postgres.Legislation
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkUri = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Subtype = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    TitleKm = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PromulgatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GazetteReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BillId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_acts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AmendingActId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetActId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetEId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ResultTextId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_amendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_bill_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bill_counters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "leg_bill_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BillId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bill_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_bill_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BillId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Decision = table.Column<string>(type: "character varying(28)", maxLength: 28, nullable: true),
                    VotesFor = table.Column<int>(type: "integer", nullable: true),
                    VotesAgainst = table.Column<int>(type: "integer", nullable: true),
                    VotesAbstaining = table.Column<int>(type: "integer", nullable: true),
                    TextId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bill_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_bills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WorkUri = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    TitleKm = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsUrgent = table.Column<bool>(type: "boolean", nullable: false),
                    IsBudget = table.Column<bool>(type: "boolean", nullable: false),
                    AssemblyAdoptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DeadlineOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Decision = table.Column<string>(type: "character varying(28)", maxLength: 28, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    CurrentTextId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    NameKm = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Legislature = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_body_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_body_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BillId = table.Column<Guid>(type: "uuid", nullable: false),
                    TextId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArticleEId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SenatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnswerBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Answer = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_legislatures",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_legislatures", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "leg_mandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SenatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Legislature = table.Column<int>(type: "integer", nullable: false),
                    Seat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Constituency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_mandates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_senators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NameKm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameLatin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StaffUserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_senators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_text_articles",
                columns: table => new
                {
                    TextId = table.Column<Guid>(type: "uuid", nullable: false),
                    EId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Num = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Heading = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_text_articles", x => new { x.TextId, x.EId });
                });

            migrationBuilder.CreateTable(
                name: "leg_text_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TextId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_text_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leg_texts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkUri = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    ExpressionUri = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false, collation: "C"),
                    DocType = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Language = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    VersionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    VersionLabel = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActId = table.Column<Guid>(type: "uuid", nullable: true),
                    BillId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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

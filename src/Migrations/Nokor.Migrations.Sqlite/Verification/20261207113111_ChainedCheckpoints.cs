using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nokor.Migrations.Sqlite.Verification
{
    /// <inheritdoc />
    public partial class ChainedCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vrf_checkpoints",
                columns: table => new
                {
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUs = table.Column<long>(type: "INTEGER", nullable: false),
                    Previous = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrf_checkpoints", x => x.Number);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vrf_checkpoints_Sequence",
                table: "vrf_checkpoints",
                column: "Sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vrf_checkpoints");
        }
    }
}

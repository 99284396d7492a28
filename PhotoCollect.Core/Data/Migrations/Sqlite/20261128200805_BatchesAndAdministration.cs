using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhotoCollect.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BatchesAndAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SystemSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemSettings", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BatchId_SubmittedAt",
                table: "Orders",
                columns: new[] { "BatchId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BatchId_UpdatedAt",
                table: "Orders",
                columns: new[] { "BatchId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SystemSettings");

            migrationBuilder.DropIndex(
                name: "IX_Orders_BatchId_SubmittedAt",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_BatchId_UpdatedAt",
                table: "Orders");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhotoCollect.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewWorkspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReviewMilliseconds",
                table: "ReviewDecisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentPhotoOutcome",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewClaims",
                columns: table => new
                {
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewClaims", x => x.OrderId);
                    table.ForeignKey(
                        name: "FK_ReviewClaims_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewClaims_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_CurrentPhotoOutcome_SubmittedAt",
                table: "Orders",
                columns: new[] { "Status", "CurrentPhotoOutcome", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewClaims_ExpiresAt",
                table: "ReviewClaims",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewClaims_ReviewerId",
                table: "ReviewClaims",
                column: "ReviewerId");

            // Orders that already have a photo take its outcome (plain SQL both providers accept).
            migrationBuilder.Sql(
                "UPDATE Orders SET CurrentPhotoOutcome = (SELECT p.Outcome FROM PhotoVersions AS p " +
                "WHERE p.OrderId = Orders.Id AND p.VersionNo = Orders.CurrentPhotoVersionNo) " +
                "WHERE CurrentPhotoVersionNo IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewClaims");

            migrationBuilder.DropIndex(
                name: "IX_Orders_Status_CurrentPhotoOutcome_SubmittedAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ReviewMilliseconds",
                table: "ReviewDecisions");

            migrationBuilder.DropColumn(
                name: "CurrentPhotoOutcome",
                table: "Orders");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhotoCollect.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentFlow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentAnomalies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    NotificationId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    OutTradeNo = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    AmountFen = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentId = table.Column<long>(type: "INTEGER", nullable: true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NeedsRefund = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentAnomalies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentAnomalies_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentAnomalies_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAnomalies_OrderId",
                table: "PaymentAnomalies",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAnomalies_OutTradeNo",
                table: "PaymentAnomalies",
                column: "OutTradeNo");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAnomalies_PaymentId",
                table: "PaymentAnomalies",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAnomalies_ResolvedAt_RecordedAt",
                table: "PaymentAnomalies",
                columns: new[] { "ResolvedAt", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentAnomalies");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhotoCollect.Core.Data.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    NotificationId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    OutTradeNo = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    TransactionId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    AmountFen = table.Column<int>(type: "int", nullable: false),
                    PaymentId = table.Column<long>(type: "bigint", nullable: true),
                    OrderId = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NeedsRefund = table.Column<bool>(type: "bit", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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

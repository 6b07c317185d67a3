using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallTranscription.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReconciliationChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reconciliation_checks",
                columns: table => new
                {
                    conversation_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    checks = table.Column<int>(type: "integer", nullable: false),
                    last_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_check_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    given_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_checks", x => x.conversation_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reconciliation_checks");
        }
    }
}
